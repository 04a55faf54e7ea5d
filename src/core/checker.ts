// A draft -> findings. Each sentence is checked on its own and its result cached by its text and context, so
// re-checking after an edit only verifies the sentences that changed.
import { updateSentenceUnits, type DraftUnits, type SentenceUnit } from './draft/units.js';
import type { SourceLibrary } from './library.js';
import { LineIndex } from './text/lines.js';
import { sentencesAround } from './sources/sentence-window.js';
import type {
  Evidence,
  Finding,
  FindingKind,
  Problem,
  Quotation,
  SentenceSignals,
  SourceDocument,
  Span,
  Verdict,
} from './types.js';
import { ABSENT_COVERAGE, assessClaim, type ClaimAssessment, type Topic } from './verify/claim.js';
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

/**
 * A library that answers from a partial cache (a team corpus's passage cache) counts the reads it could not answer
 * yet. A sentence verified while the count grew is returned but not remembered: asked for, it is verified again.
 */
export interface UnansweredReads {
  readonly unanswered: number;
  /**
   * The words of a claim about to be verified: their weights are read once evidence is found, so a library that
   * asks elsewhere can ask for them with what it asks anyway, not in a round of their own after the answers.
   */
  expect?(stems: Iterable<string>): void;
}

/** A finding whose spans are relative to its sentence's start, so it can be reused wherever the sentence moves. */
type RelativeFinding = Omit<Finding, 'range'>;

/**
 * A sentence that leans on the one before it: a pronoun or a demonstrative for its subject or topic, or a part of
 * a set named before ("Three of the patients", "Most of them").
 */
const REFERS_BACK =
  /^\W*(?:he|she|they|it|his|her|their|its|this|that|these|those|(?:[\p{L}\d-]+\s+){1,2}of\s+(?:the|those|these|them|its|their)\b)/iu;

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

  constructor(
    readonly library: SourceLibrary,
    private readonly reads?: UnansweredReads,
  ) {
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
    // The source the paragraph's last backed claim rests on: where "He said…" or "Those remarks…" are looked for first.
    let topic: { paragraph: number; source: string } | undefined;
    // After a unit verified with something missing, later units are not remembered by unit: the topic it passes on may change.
    let incomplete = false;
    const findings = draft.units.flatMap((unit) => {
      const { paragraph } = unit.sentence;
      const topicOfUnit: Topic | undefined =
        topic?.paragraph === paragraph
          ? { path: topic.source, leansOn: REFERS_BACK.test(unit.sentence.text) }
          : undefined;
      // Units keep their findings only while their paragraph is unchanged (a typing patch re-reads a whole
      // paragraph), and with it the topic they were checked with.
      let findings = this.unitFindings.get(unit);
      if (!findings) {
        const unanswered = this.reads?.unanswered;
        // A unit the edit only moved has its findings moved with it.
        const before = draft.moved?.from.get(unit);
        const earlier = before && this.unitFindings.get(before);
        const relative = earlier
          ? earlier.map((finding) => shiftFinding(finding, draft.moved!.by))
          : this.checkUnit(text, unit, topicOfUnit);
        findings = relative.map((finding) => ({ ...finding, range: lines.rangeOf(finding.span) }));
        if (unanswered !== this.reads?.unanswered) incomplete = true;
        if (!incomplete) this.unitFindings.set(unit, findings);
      }
      const backed = findings.find(
        (finding) => finding.kind === 'claim' && finding.verdict !== 'unsupported' && finding.evidence.length > 0,
      );
      if (backed) topic = { paragraph, source: backed.evidence[0].source };
      else if (topic?.paragraph !== paragraph) topic = undefined;
      return findings;
    });
    // Trimmed after the check, to twice the draft's sentences at least: a fixed limit below a draft's size made
    // every keystroke of a 1.6 MB draft re-check all of it (each entry evicted before its next use).
    const limit = Math.max(CACHE_LIMIT, 2 * draft.units.length);
    for (const cache of [this.cache, this.quoteCache]) trimOldest(cache, limit);
    return findings;
  }

  private checkUnit(text: string, unit: SentenceUnit, topic: Topic | undefined): Omit<Finding, 'range'>[] {
    const origin = unit.sentence.span.start;
    const relative = this.rememberAnswered(this.cache, cacheKey(unit, topic), () =>
      this.verifyUnit(text, unit, topic).map((finding) => shiftFinding(finding, -origin)),
    );
    return relative.map((finding) => shiftFinding(finding, origin));
  }

  private verifyUnit(text: string, unit: SentenceUnit, topic: Topic | undefined): RelativeFinding[] {
    const findings: RelativeFinding[] = unit.quotations.map((quotation) => this.verifyQuotation(text, quotation));
    const claim = this.verifyClaim(text, unit, topic);
    return claim ? [claim, ...findings] : findings;
  }

  private verifyQuotation(text: string, quotation: Quotation): RelativeFinding {
    const origin = quotation.inner.start;
    const { speaker } = quotation;
    const key = JSON.stringify([
      quotation.text,
      speaker?.name,
      speaker?.span && [speaker.span.start - origin, speaker.span.end - origin],
    ]);
    const relative = this.rememberAnswered(this.quoteCache, key, () =>
      shiftFinding(this.assessQuotation(text, quotation), -origin),
    );
    return shiftFinding(relative, origin);
  }

  private assessQuotation(text: string, quotation: Quotation): RelativeFinding {
    const { problems, matches } = assessQuote(this.library, text, quotation);
    const signals = quoteSignals(matches[0]?.similarity ?? 0, problems, quotePieces(text, quotation).flat().length);
    const evidence = matches.slice(0, EVIDENCE_SHOWN).map((match) => quoteEvidence(match));
    // The closest wording shown word by word may reach a word past the aligned span: the passage shows it too.
    if (evidence[0])
      evidence[0] = evidenceFor(
        matches[0].document,
        covering(matches[0].span, sourceSpans(problems)),
        matches[0].similarity,
      );
    return toFinding('quote', quotation.inner, quotation.text, problems, evidence, signals, matches[0]?.document);
  }

  /** `remember`, leaving out a result computed while the library could not answer a read. */
  private rememberAnswered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
    const unanswered = this.reads?.unanswered;
    const value = remember(cache, key, compute);
    if (unanswered !== this.reads?.unanswered) cache.delete(key);
    return value;
  }

  private verifyClaim(text: string, unit: SentenceUnit, topic: Topic | undefined): RelativeFinding | undefined {
    const { sentence } = unit;
    const facts = factsOf(text, sentence.span);
    this.reads?.expect?.(facts.stems);
    const assessment: ClaimAssessment = assessClaim(this.finder, {
      facts,
      // A quotation's speaker is checked by the quotation's attribution, against the source that has its words.
      excluded: [
        ...unit.quotations.flatMap((q) => (q.speaker?.span ? [widen(q.inner), q.speaker.span] : [widen(q.inner)])),
        ...unit.citations.map((c) => c.span),
      ],
      typedOnly: unit.heading || unit.quotations.length > 0,
      citations: unit.citations.map((c) => ({ key: c.key, span: c.keySpan, document: this.library.get(c.key) })),
      topic,
      pronounSpeaker: unit.speaker?.pronoun && { name: unit.speaker.name, span: unit.speaker.pronoun },
    });
    if (assessment.uncheckable) return undefined;
    const { problems, windows } = assessment;
    const signals = claimSignals(
      assessment,
      facts.content.length,
      facts.numbers.length + facts.dates.length + facts.names.length,
      facts.numbers.length + facts.dates.length,
    );
    const evidence = claimEvidence(windows, problems);
    return toFinding('claim', sentence.span, sentence.text, problems, evidence, signals, windows[0]?.document);
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

/**
 * Everything `verifyUnit` reads, relative to the sentence's start: the sentence, and each quotation's own words,
 * which can run past the sentence ("…needs to take. Take and we respect it," Kirby said.), its speaker, each
 * citation, and whom a "she said" stands for. Two units with the same key get the same findings, wherever they stand.
 */
function cacheKey(unit: SentenceUnit, topic: Topic | undefined): string {
  const origin = unit.sentence.span.start;
  const relative = (span: Span | undefined) => span && [span.start - origin, span.end - origin];
  return JSON.stringify([
    unit.sentence.text,
    unit.heading,
    unit.quotations.map((q) => [relative(q.inner), q.text, q.closed, q.speaker?.name, relative(q.speaker?.span)]),
    unit.citations.map((c) => [c.key, relative(c.span)]),
    unit.speaker && [unit.speaker.name, relative(unit.speaker.pronoun)],
    topic && [topic.path, topic.leansOn],
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
  return {
    kind,
    verdict: verdictOf(problems),
    span,
    text,
    message,
    problems,
    evidence: relevant(evidence),
    score: supportProbability([signals]),
    signals,
  };
}

/**
 * The best passage, and those runners-up that nearly do as well: a passage that shares a few words from a
 * document about something else is noise beside the one the verdict rests on.
 */
function relevant(evidence: Evidence[]): Evidence[] {
  const [best, ...others] = evidence;
  if (!best) return evidence;
  return [
    best,
    ...others.filter((passage) => passage.score >= Math.max(ABSENT_COVERAGE, RUNNER_UP_SHARE * best.score)),
  ];
}

/** A runner-up passage is shown when it covers at least this share of what the best one covers. */
const RUNNER_UP_SHARE = 0.6;

function verdictOf(problems: Problem[]): Verdict {
  if (problems.length === 0) return 'supported';
  // A wrong or unknown citation key is wrong whatever the sources say; beside other problems, they decide.
  const substantive = problems.filter((p) => p.type !== 'citation');
  if (substantive.length === 0) return 'contradicted';
  return substantive.every((p) => p.type === 'absent' || (p.source === '' && p.type !== 'negation'))
    ? 'unsupported'
    : 'contradicted';
}

function supportedMessage(document: SourceDocument | undefined): string {
  return document ? `supported by ${document.metadata.title ?? document.metadata.id}` : 'supported';
}

/**
 * The passages a claim rests on, best first. The first shows the source's value of every problem it names: a
 * rival number or name can stand in a sentence of the best document away from the passage that matched best,
 * and then that sentence is what the verdict rests on, shown first, with the best match after it.
 */
function claimEvidence(windows: EvidenceWindow[], problems: Problem[]): Evidence[] {
  const shown = windows.slice(0, EVIDENCE_SHOWN).map((window) => windowEvidence(window));
  const values = sourceSpans(problems);
  if (!windows[0] || values.length === 0) return shown;
  const { document } = windows[0];
  const [first, last] = passageSentences(windows[0]);
  const sentences = values.flatMap((span) => {
    const { first: from, last: to } = sentencesAround(document, span.start, span.end);
    return [from, to];
  });
  const near = sentences.every((s) => s >= first - NEARBY_SENTENCES && s <= last + NEARBY_SENTENCES);
  // Near the best match the passage grows to take the values in; farther, it is their sentences alone.
  const [from, to] = near
    ? [Math.min(first, ...sentences), Math.max(last, ...sentences)]
    : [Math.min(...sentences), Math.max(...sentences)];
  const passage = evidenceFor(document, sentencesSpan(document, from, to), windows[0].coverage);
  return near ? [passage, ...shown.slice(1)] : [passage, ...shown].slice(0, EVIDENCE_SHOWN);
}

/** A passage grows by at most this many sentences to take in a problem's source value. */
const NEARBY_SENTENCES = 2;

/** The passage shown for a window: the anchor sentence plus the window's sentences adjacent to it. */
function passageSentences(window: EvidenceWindow): [number, number] {
  let first = window.anchor;
  let last = window.anchor;
  while (window.sentences.includes(first - 1)) first--;
  while (window.sentences.includes(last + 1)) last++;
  return [first, last];
}

function windowEvidence(window: EvidenceWindow): Evidence {
  const [first, last] = passageSentences(window);
  return evidenceFor(window.document, sentencesSpan(window.document, first, last), window.coverage);
}

function sentencesSpan(document: SourceDocument, first: number, last: number): Span {
  return { start: document.sentences[first].span.start, end: document.sentences[last].span.end };
}

/** Where the source values of the problems that name one stand. */
function sourceSpans(problems: Problem[]): Span[] {
  return problems.flatMap((problem) => (problem.source && problem.sourceSpan ? [problem.sourceSpan] : []));
}

function covering(span: Span, others: Span[]): Span {
  return {
    start: Math.min(span.start, ...others.map((o) => o.start)),
    end: Math.max(span.end, ...others.map((o) => o.end)),
  };
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
  const shiftProblems = (problems: Problem[]) =>
    problems.map((problem) => (problem.span ? { ...problem, span: shift(problem.span) } : problem));
  return {
    ...finding,
    span: shift(finding.span),
    problems: shiftProblems(finding.problems),
    signals: finding.signals && { ...finding.signals, problems: shiftProblems(finding.signals.problems) },
  };
}
