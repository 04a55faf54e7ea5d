// The plain data that flows through the checker. Everything here is JSON-serialisable so that it can
// cross the language-server boundary, be cached per sentence and be persisted with the index.

/** Half-open character range [start, end) into a text, in UTF-16 code units (JavaScript string indices). */
export interface Span {
  start: number;
  end: number;
}

/** LSP-style position: 0-based line and UTF-16 character. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Sentence {
  span: Span;
  text: string;
  /** Index of the paragraph (block) the sentence belongs to. */
  paragraph: number;
}

/** Who a quotation is attributed to, as written in the text. */
export interface Speaker {
  name: string;
  /** Where the name stands in the text; absent when resolved from a pronoun ("he said") to an earlier name. */
  span?: Span;
  /** Where that pronoun stands, when the speaker is one read from a sentence's reported speech. */
  pronoun?: Span;
}

export interface Quotation {
  /** The quoted words, without the quotation marks. */
  inner: Span;
  text: string;
  /** False when the text ends (paragraph or document) before a closing mark. */
  closed: boolean;
  speaker?: Speaker;
}

export interface SourceMetadata {
  title?: string;
  /** ISO date, YYYY-MM-DD, from front matter or a leading `date YYYY-MM-DD` marker. */
  date?: string;
  url?: string;
  author?: string;
  /** Citation key: front-matter `id`, else the file name without extension. */
  id: string;
}

export interface SourceDocument {
  path: string;
  /** sha256 of the file's bytes, hex. Keys the persisted index. */
  hash: string;
  text: string;
  metadata: SourceMetadata;
  sentences: Sentence[];
}

export interface SourceWarning {
  path: string;
  message: string;
}

export type Verdict = 'supported' | 'contradicted' | 'unsupported';

export type ProblemType =
  'number' | 'date' | 'entity' | 'negation' | 'antonym' | 'wording' | 'attribution' | 'absent' | 'citation';

export interface Problem {
  type: ProblemType;
  /** The draft's value, as written. */
  draft: string;
  /** The source's value, as written there; empty when no source says anything about it. */
  source: string;
  /** Where the draft's value stands in the draft (document offsets), for precise underlines and quick fixes. */
  span?: Span;
  /** Where the source's value stands in the source the finding's first evidence comes from (source offsets). */
  sourceSpan?: Span;
  /** A `citation` problem whose key names no source (`draft` is the key; `source` the key of a source that says it, if any). */
  unknownKey?: boolean;
  /** An `entity` problem about a person's office (`draft` and `source` are the offices as written): the person. */
  person?: string;
}

export interface Evidence {
  /** Path of the source file. */
  source: string;
  sourceId: string;
  title?: string;
  date?: string;
  /** The passage in the source (source offsets). */
  span: Span;
  range: Range;
  text: string;
  /** How much of the claim it holds: the rarity-weighted share of a claim's words, or a quote's words in order; 0..1. */
  score: number;
}

export type FindingKind = 'claim' | 'quote';

export interface Finding {
  kind: FindingKind;
  verdict: Verdict;
  /** The checked span in the draft (document offsets). */
  span: Span;
  range: Range;
  text: string;
  message: string;
  problems: Problem[];
  /** Best passage first. */
  evidence: Evidence[];
  /** Support probability, 0..1 (higher = supported). */
  score: number;
  /** What the score was computed from (not part of the report). */
  signals?: SentenceSignals;
}

/** The measurements behind one finding's score. */
export interface SentenceSignals {
  quote: boolean;
  /** Share of the claim's (rarity-weighted) words in its best passage; for a quote, the share of its words found in order. */
  coverage: number;
  anchorCoverage: number;
  unigram: number;
  bigram: number;
  trigram: number;
  /** Numbers, dates and names the sentence states. */
  facts: number;
  /** Of those, the numbers and dates (found whatever the casing). */
  values: number;
  /** Content words the best document never uses, and how many of those are not common English. */
  novel: number;
  novelUncommon: number;
  /** See AlignmentSignals (verify/alignment.ts). */
  pairedInSentence: number;
  novelWeight: number;
  /** Content words put where the source has another word between the same neighbours (verify/word-overlap.ts). */
  substitutions: number;
  words: number;
  problems: Problem[];
}
