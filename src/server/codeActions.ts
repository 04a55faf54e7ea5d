// Quick fixes for Groundwork's diagnostics and the finding under the cursor. Every edit comes from data the
// diagnostic already carries (problem value and span, evidence), so no check is re-run to offer a fix.
import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver';
import type { Finding, Problem, Range, Span } from '../core/types.js';
import { findNegations } from '../core/extract/negation.js';
import { citationInsertOffset, isCited } from './citations.js';
import { minimalEdit, type MinimalEdit } from './minimalEdit.js';
import { DIAGNOSTIC_SOURCE, IGNORE_FINDING_COMMAND, type DiagnosticData } from '../shared/protocol.js';

export const DISABLE_NEXT_LINE_COMMENT = '<!-- groundwork-disable-next-line -->';

export interface CodeActionInput {
  uri: string;
  text: string;
  languageId: string;
  /** The diagnostics VS Code sends for the range (only Groundwork's are used). */
  diagnostics: readonly Diagnostic[];
  /** The finding at the range's start, supported or not. */
  finding?: Finding;
  rangeOf(span: Span): Range;
  /**
   * Whether the draft with a fix applied is right: the problem gone and no new contradiction. A fix is only as
   * good as the finding it comes from ('151 seats' for a party the source never counts), so each is tried first.
   */
  fixHolds?(fixedText: string, diagnostic: Diagnostic): boolean;
}

const NOUNS: Partial<Record<string, string>> = {
  misquote: 'exact wording',
  number: 'number',
  date: 'date',
  entity: 'name',
  attribution: 'speaker',
  negation: 'wording',
  antonym: 'wording',
  citation: 'citation',
};

/** A Groundwork diagnostic: its `data` (LSP's `any`) is what diagnostics.ts put there. */
type OurDiagnostic = Omit<Diagnostic, 'data'> & { data: DiagnosticData };

function isOurs(diagnostic: Diagnostic): diagnostic is OurDiagnostic {
  return diagnostic.source === DIAGNOSTIC_SOURCE && typeof diagnostic.data === 'object' && diagnostic.data !== null;
}

/** Problems whose source value is a clause to weave into the sentence, not a value to swap in. */
const CLAUSE_PROBLEMS = new Set(['negation', 'antonym', 'wording']);

/**
 * The edit that gives the source's wording: within the problem's own words when they line up with the source's,
 * else within the whole checked sentence ("told" -> "he could not confirm the requests" is placed by the
 * sentence's "he could confirm the requests"). A clause that lines up with nothing is not guessed at.
 */
function sourceEdit(text: string, problem: Problem, sentence: Span): { at: Span; edit: MinimalEdit } | undefined {
  const span = problem.span!;
  const removal = negationRemoval(text, problem);
  if (removal) return removal;
  const direct = minimalEdit(text.slice(span.start, span.end), problem.source);
  if (direct?.anchored) return { at: span, edit: direct };
  // The problem's words match but the source has more ("confirm" / "could not confirm"), or none match.
  const inSentence = minimalEdit(text.slice(sentence.start, sentence.end), problem.source);
  // A clause woven in elsewhere in the sentence would change words the problem is not about.
  const touches =
    inSentence && sentence.start + inSentence.start <= span.end && span.start <= sentence.start + inSentence.end;
  if (inSentence?.anchored && touches) return { at: sentence, edit: inSentence };
  return !direct || CLAUSE_PROBLEMS.has(problem.type) ? undefined : { at: span, edit: direct };
}

/** Contractions whose verb changes without its "n't". */
const UNCONTRACTED: Record<string, string> = { "won't": 'will', "can't": 'can', "shan't": 'shall' };

/**
 * A negation the draft adds (the problem stands on the draft's "not", "never", "didn't" and the source's words
 * have none): the fix takes it out, and nothing else.
 */
function negationRemoval(text: string, problem: Problem): { at: Span; edit: MinimalEdit } | undefined {
  const span = problem.span!;
  const word = text.slice(span.start, span.end);
  if (problem.type !== 'negation' || findNegations(problem.source).length > 0) return undefined;
  const folded = word.toLowerCase().replace(/\u2019/g, "'");
  if (/^(not|never)$/.test(folded)) {
    // The word and the space before it go: "will not need" -> "will need".
    const before = text[span.start - 1] === ' ' ? 1 : 0;
    return {
      at: span,
      edit: { start: -before, end: word.length, newText: '', sourcePhrase: problem.source, anchored: true },
    };
  }
  if (/n't$/.test(folded)) {
    const verb = UNCONTRACTED[folded] ?? word.slice(0, -3);
    return {
      at: span,
      edit: {
        start: 0,
        end: word.length,
        newText: /^[A-Z]/.test(word) ? verb[0].toUpperCase() + verb.slice(1) : verb,
        sourcePhrase: problem.source,
        anchored: true,
      },
    };
  }
  return undefined;
}

function replaceWithSource(input: CodeActionInput, diagnostic: OurDiagnostic): CodeAction | undefined {
  const problem = diagnostic.data.problem;
  if (!problem?.span || !problem.source) return undefined;
  const found = sourceEdit(input.text, problem, diagnostic.data.span);
  if (!found) return undefined;
  const { at, edit } = found;
  const [start, end] = [at.start + edit.start, at.start + edit.end];
  if (input.fixHolds && !input.fixHolds(input.text.slice(0, start) + edit.newText + input.text.slice(end), diagnostic))
    return undefined;
  const removes = edit.newText === '' && problem.type === 'negation';
  const noun = NOUNS[String(diagnostic.code)] ?? 'wording';
  return {
    title: removes
      ? `Remove the negation “${input.text.slice(start, end).trim()}”, as the source: “${edit.sourcePhrase}”`
      : `Replace with the source's ${noun}: “${edit.sourcePhrase}”`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [input.uri]: [{ range: input.rangeOf({ start, end }), newText: edit.newText }] } },
  };
}

function ignoreFinding(input: CodeActionInput, diagnostic: OurDiagnostic): CodeAction {
  return {
    title: 'Ignore this finding (saved in .groundwork.json)',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: {
      title: 'Ignore this finding',
      command: IGNORE_FINDING_COMMAND,
      arguments: [input.uri, diagnostic.data.fingerprint, diagnostic.message],
    },
  };
}

function disableForLine(input: CodeActionInput, diagnostic: Diagnostic): CodeAction | undefined {
  if (input.languageId !== 'markdown') return undefined;
  const line = diagnostic.range.start.line;
  return {
    title: 'Disable Groundwork for this line',
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [input.uri]: [
          {
            range: { start: { line, character: 0 }, end: { line, character: 0 } },
            newText: `${DISABLE_NEXT_LINE_COMMENT}\n`,
          },
        ],
      },
    },
  };
}

function insertCitation(input: CodeActionInput): CodeAction | undefined {
  const finding = input.finding;
  const best = finding?.evidence[0];
  if (!finding || !best || finding.verdict !== 'supported' || isCited(input.text, finding.span)) return undefined;
  const offset = citationInsertOffset(input.text, finding.span);
  const at = input.rangeOf({ start: offset, end: offset });
  return {
    title: `Cite the source: [@${best.sourceId}]`,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [input.uri]: [{ range: at, newText: ` [@${best.sourceId}]` }] } },
  };
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const ours = input.diagnostics.filter(isOurs);
  const actions: (CodeAction | undefined)[] = [
    ...ours.map((diagnostic) => replaceWithSource(input, diagnostic)),
    insertCitation(input),
    ...ours.map((diagnostic) => ignoreFinding(input, diagnostic)),
    ours[0] && disableForLine(input, ours[0]),
  ];
  return actions.filter((action): action is CodeAction => action !== undefined);
}
