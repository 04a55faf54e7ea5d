// A person's office as the draft gives it, against the office the source gives them: "James J. Karam, the
// university's president" where the source has "James J. Karam, chairman of the board" and "President Robert L.
// Caret". The office is read beside the name: a title right before it ("OCTA Chairman Mark A. Murphy") or an
// appositive right after it (", chairman of the board,").
//
// Flagged only when the draft's office is held by someone else in the source and the source gives this person
// another: a draft that merely words an office differently ("spokeswoman" for "spokesperson", "vice president"
// for "president") is no swap.
import type { NameMention } from '../extract/names.js';
import { namesAgree } from '../extract/names.js';
import type { Token } from '../text/normalize.js';
import { officeOf } from '../text/vocabulary.js';
import type { Problem, Span } from '../types.js';
import { slicerOf, type CheckContext, type Slicer } from './check-context.js';
import type { SentenceFacts } from './facts.js';

interface Role {
  /** From the first word of the title or appositive to its last word (document or draft offsets). */
  span: Span;
  offices: Set<string>;
}

/** Words an appositive may run to after a name: ", the university's president," / ", chairman of the board". */
const APPOSITIVE_WORDS = 6;
// An appositive that starts with these is a clause, not a title: ", who said", ", said".
const NOT_APPOSITIVE = new Set(['who', 'which', 'that', 'said', 'says', 'and', 'or', 'but']);

/** The office written right before or right after a name in a sentence, if any. */
export function roleBeside(tokens: Token[], slice: Slicer, name: Span): Role | undefined {
  const before: Token[] = [];
  for (let i = tokens.findIndex((t) => t.span.start >= name.start) - 1; i >= 0; i--) {
    const next = before[0]?.span.start ?? name.start;
    if (!/^\s+$/.test(slice(tokens[i].span.end, next)) || officeOf(tokens[i].norm) === undefined) break;
    before.unshift(tokens[i]);
  }
  if (before.length > 0) return roleOf(before, before);
  const after = tokens.filter((t) => t.span.start >= name.end);
  if (after.length === 0 || !/^\s*,\s*$/.test(slice(name.end, after[0].span.start))) return undefined;
  if (NOT_APPOSITIVE.has(after[0].norm)) return undefined;
  const appositive: Token[] = [];
  for (const token of after.slice(0, APPOSITIVE_WORDS)) {
    const previous = appositive.at(-1);
    if (previous && /[,.;:()]/.test(slice(previous.span.end, token.span.start))) break;
    appositive.push(token);
  }
  const offices = appositive.filter((t) => officeOf(t.norm) !== undefined);
  return offices.length > 0 ? roleOf(appositive, offices) : undefined;
}

function roleOf(words: Token[], offices: Token[]): Role {
  return {
    span: { start: words[0].span.start, end: words.at(-1)!.span.end },
    offices: new Set(offices.map((t) => officeOf(t.norm)!)),
  };
}

const shareAny = (a: Set<string>, b: Set<string>) => [...a].some((office) => b.has(office));

/**
 * The draft gives a person an office that the passage gives someone else, and the passage gives this person
 * another office: the problem names both as written.
 */
export function checkRole(context: CheckContext, facts: SentenceFacts, name: NameMention): Problem[] {
  const draftText = slicerOf(facts.text, facts.span.start);
  const claimed = roleBeside(facts.tokens, draftText, name.span);
  if (!claimed) return [];
  const { finder, document, window } = context;
  const sourceText = slicerOf(document.text);
  const rolesIn = (sentence: number) => {
    const source = finder.sentenceFacts(document, sentence);
    return source.names.flatMap((mention) => {
      const role = roleBeside(source.tokens, sourceText, mention.span);
      return role ? [{ theirs: namesAgree(name.text, mention.text), role }] : [];
    });
  };
  // This person's office in the passage shown, so that the message names a value the writer can see there.
  const own = window.sentences.flatMap(rolesIn).filter((found) => found.theirs);
  if (own.length === 0 || own.some(({ role }) => shareAny(role.offices, claimed.offices))) return [];
  const theirs = own[0].role;
  const heldByAnother = document.sentences.some((_, sentence) =>
    rolesIn(sentence).some((found) => !found.theirs && shareAny(found.role.offices, claimed.offices)),
  );
  if (!heldByAnother) return [];
  return [
    {
      type: 'entity',
      draft: draftText(claimed.span.start, claimed.span.end),
      source: sourceText(theirs.span.start, theirs.span.end),
      span: claimed.span,
      sourceSpan: theirs.span,
      person: name.text,
    },
  ];
}
