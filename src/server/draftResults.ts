// The latest check of each draft: the text it ran on and its findings. Hovers, quick fixes, reports and the
// status counts all read from here, so nothing is checked twice for the same text.
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DraftChecker, type CheckOptions } from '../core/checker.js';
import type { SourceLibrary } from '../core/library.js';
import type { Finding } from '../core/types.js';
import { locateProblems } from './problemSpans.js';
import type { VerdictCounts } from '../shared/protocol.js';

export interface CheckedDraft {
  /** A snapshot of the text the findings were computed on (offsets -> positions). */
  document: TextDocument;
  findings: Finding[];
  /** The sources its evidence comes from: the local sources, or a team corpus's passage cache. */
  library: SourceLibrary;
}

export function countVerdicts(findings: readonly Finding[]): VerdictCounts {
  const counts: VerdictCounts = { supported: 0, contradicted: 0, unsupported: 0 };
  for (const finding of findings) counts[finding.verdict]++;
  return counts;
}

/** The smallest checked span that holds `offset` (a quote inside a sentence wins over the sentence). */
export function findingAt(findings: readonly Finding[], offset: number): Finding | undefined {
  let best: Finding | undefined;
  for (const finding of findings) {
    if (finding.span.start > offset || offset > finding.span.end) continue;
    if (!best || finding.span.end - finding.span.start < best.span.end - best.span.start) best = finding;
  }
  return best;
}

/** How the checker reads a draft of this language, and the key its per-draft state is kept under. */
export function checkOptions(documentKey: string, languageId: string): CheckOptions {
  return { languageId: languageId === 'markdown' ? 'markdown' : 'plaintext', documentKey };
}

const WARM_UP_TEXT = 'On Monday the minister said 20 people were not hurt, calling it “a small step” [@source].';

export class DraftResults {
  private readonly results = new Map<string, CheckedDraft & { libraryVersion: number }>();
  private checker: DraftChecker | undefined;

  check(library: SourceLibrary, uri: string, languageId: string, version: number, text: string): CheckedDraft {
    // One checker per library: it keeps its per-sentence cache across edits and drops it when the sources change.
    if (this.checker?.library !== library) this.checker = new DraftChecker(library);
    return this.store(library, uri, languageId, version, text, this.checker.check(text, checkOptions(uri, languageId)));
  }

  /** The findings of a check made elsewhere (against a team corpus), current while `library` stays as it is now. */
  store(
    library: SourceLibrary,
    uri: string,
    languageId: string,
    version: number,
    text: string,
    findings: readonly Finding[],
  ): CheckedDraft {
    const document = TextDocument.create(uri, languageId, version, text);
    const located = findings.map((finding) => locateProblems(text, finding));
    const checked = { document, findings: located, library, libraryVersion: library.version };
    this.results.set(uri, checked);
    return checked;
  }

  /**
   * Runs one sentence through the checker so its first real check does not pay for compiling and loading the
   * checking code (a few hundred milliseconds, most of a small draft's first check).
   */
  warmUp(library: SourceLibrary): void {
    if (this.checker?.library !== library) this.checker = new DraftChecker(library);
    this.checker.check(WARM_UP_TEXT, { languageId: 'markdown' });
  }

  /**
   * The findings of another text of a draft (a quick fix tried out), from the same checker: only the sentences
   * that differ are verified. Kept apart from the draft's own results and its typing state.
   */
  tryText(library: SourceLibrary, uri: string, languageId: string, text: string): Finding[] {
    if (this.checker?.library !== library) this.checker = new DraftChecker(library);
    return this.checker
      .check(text, checkOptions(`${uri}#tried`, languageId))
      .map((finding) => locateProblems(text, finding));
  }

  get(uri: string): CheckedDraft | undefined {
    return this.results.get(uri);
  }

  /** Checked at this document version against the library as it is now. */
  isCurrent(uri: string, version: number, library: SourceLibrary): boolean {
    const checked = this.results.get(uri);
    return (
      checked?.document.version === version && checked.library === library && checked.libraryVersion === library.version
    );
  }

  delete(uri: string): void {
    this.results.delete(uri);
  }

  entries(): [string, CheckedDraft][] {
    return [...this.results.entries()];
  }
}
