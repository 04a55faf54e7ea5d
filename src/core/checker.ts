// A draft -> findings. Each sentence is checked on its own and its result cached by its text and context, so
// re-checking after an edit only verifies the sentences that changed.
import { updateSentenceUnits, type DraftUnits, type SentenceUnit } from './draft/units.js';
import type { SourceLibrary } from './library.js';
import { LineIndex } from './text/lines.js';
import type { Evidence, Finding, FindingKind, Problem, Quotation, SentenceSignals, SourceDocument, Span, Verdict } from './types.js';
import { assessClaim, type ClaimAssessment } from './verify/claim.js';
import { EvidenceFinder, type EvidenceWindow } from './verify/evidence.js';
import { factsOf } from './verify/facts.js';
import { describeProblems } from './verify/messages.js';
import { supportProbability } from './verify/model.js';
import { assessQuote, quotePieces, type QuoteMatch } from './verify/quote.js';
import { claimSignals, quoteSignals } from './verify/signals.js';

export interface CheckOptions {
  languageId?: 'markdown' | 'plaintext';
  /** Names the draft (its URI), so that its next version can reuse this one's parse. */
  documentKey?: string;
}

/** A finding whose spans are relative to its sentence's start, so it can be reused wherever the sentence moves. */
type RelativeFinding = Omit<Finding, 'range'>;


const CACHE_LIMIT = 5_000;
const DRAFTS_REMEMBERED = 32;
const EVIDENCE_SHOWN = 3;

export class DraftChecker {
  private readonly finder: EvidenceFinder;
  private readonly cache = new Map<string, RelativeFinding[]>();
  /** Quotation findings by the quotation's words and speaker: an edit around a quotation does not change them. */
  private readonly quoteCache = new Map<string, RelativeFinding>();
  /**
   * The findings of a unit the last check returned: a typing patch keeps the unit objects before the edit, whose
   * findings (offsets and line ranges included) it leaves as they were.
   */
  private unitFindings = new WeakMap<SentenceUnit, Finding[]>();
  private cachedVersion = -1;
  /** Each draft's last version, so that the next one's sentences can be patched rather than re-parsed. */
  private readonly drafts = new Map<string, DraftUnits>();

  constructor(readonly library: SourceLibrary) {
    this.finder = new EvidenceFinder(library);
  }

  check(text: string, options: CheckOptions = {}): Finding[] {
    if (this.cachedVersion !== this.library.version) {
      this.cache.clear();
      this.quoteCache.clear();
      this.unitFindings = new WeakMap();
      this.cachedVersion = this.library.version;
    }
    const lines = new LineIndex(text);
    const key = options.documentKey ?? '';
    const draft = updateSentenceUnits(this.drafts.get(key), text, options.languageId ?? 'markdown');
    this.drafts.delete(key);
    this.drafts.set(key, draft);
    if (this.drafts.size > DRAFTS_REMEMBERED) this.drafts.delete(this.drafts.keys().next().value!);
    const findings = draft.units.flatMap((unit) => {
      let findings = this.unitFindings.get(unit);
      if (!findings) {
        // A unit the edit only moved has its findings moved with it.
        const before = draft.moved?.from.get(unit);
        const earlier = before && this.unitFindings.get(before);
        const relative = earlier ? earlier.map((finding) => shiftFinding(finding, draft.moved!.by)) : this.checkUnit(text, unit);
        findings = relative.map((finding) => ({ ...finding, range: lines.rangeOf(finding.span) }));
        this.unitFindings.set(unit, findings);
      }
      return findings;
    });
    // Trimmed after the check, to twice the draft's sentences at least: a fixed limit below a draft's size made
    // every keystroke of a 1.6 MB draft re-check all of it (each entry evicted before its next use).
    const limit = Math.max(CACHE_LIMIT, 2 * draft.units.length);
    for (const cache of [this.cache, this.quoteCache]) trimOldest(cache, limit);
    return findings;
  }

  private checkUnit(text: string, unit: SentenceUnit): Omit<Finding, 'range'>[] {
    const origin = unit.sentence.span.start;
    const relative = remember(this.cache, cacheKey(unit), () =>
      this.verifyUnit(text, unit).map((finding) => shiftFinding(finding, -origin)),
    );
    return relative.map((finding) => shiftFinding(finding, origin));
  }

  private verifyUnit(text: string, unit: SentenceUnit): RelativeFinding[] {
    const findings: RelativeFinding[] = unit.quotations.map((quotation) => this.verifyQuotation(text, quotation));
    const claim = this.verifyClaim(text, unit);
    return claim ? [claim, ...findings] : findings;
  }

  private verifyQuotation(text: string, quotation: Quotation): RelativeFinding {
    const origin = quotation.inner.start;
    const { speaker } = quotation;
    const key = JSON.stringify([quotation.text, speaker?.name, speaker?.span && [speaker.span.start - origin, speaker.span.end - origin]]);
    const relative = remember(this.quoteCache, key, () => shiftFinding(this.assessQuotation(text, quotation), -origin));
    return shiftFinding(relative, origin);
  }

  private assessQuotation(text: string, quotation: Quotation): RelativeFinding {
    const { problems, matches } = assessQuote(this.library, text, quotation);
    const signals = quoteSignals(matches[0]?.similarity ?? 0, problems, quotePieces(text, quotation).flat().length);
    const evidence = matches.slice(0, EVIDENCE_SHOWN).map((match) => quoteEvidence(match));
    return toFinding('quote', quotation.inner, quotation.text, problems, evidence, signals, matches[0]?.document);
  }

  private verifyClaim(text: string, unit: SentenceUnit): RelativeFinding | undefined {
    const { sentence } = unit;
    const cited = unit.citations.map((c) => this.library.get(c.key)).find((d): d is SourceDocument => !!d);
    const facts = factsOf(text, sentence.span);
    const assessment: ClaimAssessment = assessClaim(this.finder, {
      facts,
      excluded: [...unit.quotations.map((q) => widen(q.inner)), ...unit.citations.map((c) => c.span)],
      typedOnly: unit.heading || unit.quotations.length > 0,
      citedPath: cited?.path,
    });
    if (assessment.uncheckable) return undefined;
    const { problems, windows } = assessment;
    const signals = claimSignals(assessment, facts.content.length, facts.numbers.length + facts.dates.length + facts.names.length);
    const evidence = windows.slice(0, EVIDENCE_SHOWN).map((window) => this.windowEvidence(window));
    return toFinding('claim', sentence.span, sentence.text, problems, evidence, signals, windows[0]?.document);
  }

  private windowEvidence(window: EvidenceWindow): Evidence {
    const { document } = window;
    // The passage shown is the anchor sentence plus the window's sentences adjacent to it.
    let first = window.anchor;
    let last = window.anchor;
    while (window.sentences.includes(first - 1)) first--;
    while (window.sentences.includes(last + 1)) last++;
    const span = { start: document.sentences[first].span.start, end: document.sentences[last].span.end };
    return evidenceFor(document, span, window.coverage);
  }
}

/** The cached value for `key`, computed when missing, and made the most recently used. */
function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) value = compute();
  else cache.delete(key);
  cache.set(key, value);
  return value;
}

/** Drops the least recently used entries beyond `limit`. */
function trimOldest(cache: Map<string, unknown>, limit: number): void {
  for (const key of cache.keys()) {
    if (cache.size <= limit) return;
    cache.delete(key);
  }
}

function cacheKey(unit: SentenceUnit): string {
  const origin = unit.sentence.span.start;
  return JSON.stringify([
    unit.sentence.text,
    unit.heading,
    unit.quotations.map((q) => [q.inner.start - origin, q.inner.end - origin, q.speaker?.name, q.speaker?.span && q.speaker.span.start - origin]),
    unit.citations.map((c) => c.key),
  ]);
}

/** Quotation marks belong to the quotation, not to the claim around it. */
function widen(span: Span): Span {
  return { start: span.start - 1, end: span.end + 1 };
}

function toFinding(
  kind: FindingKind,
  span: Span,
  text: string,
  problems: Problem[],
  evidence: Evidence[],
  signals: SentenceSignals,
  supporting: SourceDocument | undefined,
): RelativeFinding {
  const message = problems.length ? describeProblems(problems, kind) : supportedMessage(supporting);
  return { kind, verdict: verdictOf(problems), span, text, message, problems, evidence, score: supportProbability([signals]), signals };
}

function verdictOf(problems: Problem[]): Verdict {
  if (problems.length === 0) return 'supported';
  return problems.every((p) => p.type === 'absent' || (p.source === '' && p.type !== 'negation')) ? 'unsupported' : 'contradicted';
}

function supportedMessage(document: SourceDocument | undefined): string {
  return document ? `supported by ${document.metadata.title ?? document.metadata.id}` : 'supported';
}

function quoteEvidence(match: QuoteMatch): Evidence {
  return evidenceFor(match.document, match.span, match.similarity);
}

// Evidence ranges are asked for on every check: index each source's lines once.
const sourceLines = new WeakMap<SourceDocument, LineIndex>();

function linesOf(document: SourceDocument): LineIndex {
  let lines = sourceLines.get(document);
  if (!lines) sourceLines.set(document, (lines = new LineIndex(document.text)));
  return lines;
}

function evidenceFor(document: SourceDocument, span: Span, score: number): Evidence {
  return {
    source: document.path,
    sourceId: document.metadata.id,
    title: document.metadata.title,
    date: document.metadata.date,
    span,
    range: linesOf(document).rangeOf(span),
    text: document.text.slice(span.start, span.end),
    score,
  };
}

function shiftFinding(finding: RelativeFinding, by: number): RelativeFinding {
  const shift = (span: Span) => ({ start: span.start + by, end: span.end + by });
  const shiftProblems = (problems: Problem[]) => problems.map((problem) => (problem.span ? { ...problem, span: shift(problem.span) } : problem));
  return {
    ...finding,
    span: shift(finding.span),
    problems: shiftProblems(finding.problems),
    signals: finding.signals && { ...finding.signals, problems: shiftProblems(finding.signals.problems) },
  };
}
