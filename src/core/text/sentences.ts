// Paragraphs and sentences with exact offsets. Sentences are the claim units of the checker and the passages of
// the index, so their spans must be exact (trimmed, never crossing a block) and their boundaries right after
// abbreviations, where retext-english alone errs.
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import type { Sentence, Span } from '../types.js';
import { abbreviationEndsSentence } from './abbreviations.js';
import { sentenceEnds } from './sentence-ends.js';

// Blocks above this size, which no real paragraph reaches, use the punctuation splitter: retext (still the
// fallback for blocks with characters sentence-ends.ts does not know) grows worse than linearly on long runs of
// text, a 1 MB line taking over a second.
const RETEXT_MAX_BLOCK_CHARS = 20_000;

const english = unified().use(retextEnglish).freeze();

// A blank line: a line break, then lines holding only spaces or tabs, then a line break. (`\r(?!\n)`: the two
// characters of one \r\n are never two line breaks.)
const BLANK_LINES = /(?:\r\n|\r(?!\n)|\n)(?:[^\S\r\n]*(?:\r\n|\r(?!\n)|\n))+/g;

/** Blank-line separated paragraphs, trimmed, non-empty. */
export function splitParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  let start = 0;
  const push = (end: number) => {
    const span = trimSpan(text, start, end);
    if (span) paragraphs.push(span);
  };
  for (const separator of text.matchAll(BLANK_LINES)) {
    push(separator.index!);
    start = separator.index! + separator[0].length;
  }
  push(text.length);
  return paragraphs;
}

/** Sentences of each block (default: the paragraphs), in order; `paragraph` is the block's index. */
export function splitSentences(text: string, blocks: Span[] = splitParagraphs(text)): Sentence[] {
  const sentences: Sentence[] = [];
  blocks.forEach((block, paragraph) => {
    const start = Math.max(0, Math.min(block.start, text.length));
    const end = Math.max(start, Math.min(block.end, text.length));
    const blockText = text.slice(start, end);
    let sentenceStart = 0;
    for (const cut of [...sentenceCuts(blockText), blockText.length]) {
      const span = trimSpan(text, start + sentenceStart, start + cut);
      if (span) sentences.push({ span, text: text.slice(span.start, span.end), paragraph });
      sentenceStart = cut;
    }
  });
  return sentences;
}

/** Offsets (into `block`) where one sentence ends and the next begins, ascending. */
function sentenceCuts(block: string): number[] {
  const ends =
    block.length <= RETEXT_MAX_BLOCK_CHARS ? (sentenceEnds(block) ?? retextCuts(block)) : punctuationCuts(block);
  const cuts = new Set(ends);
  for (const [position, endsSentence] of abbreviationJudgements(block)) {
    if (endsSentence) cuts.add(position);
    else cuts.delete(position);
  }
  return [...cuts].filter((cut) => cut > 0 && cut < block.length).sort((a, b) => a - b);
}

// What sentence-ends.ts reproduces, over 10x faster: retext builds and rewrites a syntax tree to find it.
function retextCuts(block: string): number[] {
  const cuts: number[] = [];
  for (const paragraph of english.parse(block).children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      const end = sentence.type === 'SentenceNode' ? sentence.position?.end.offset : undefined;
      if (end !== undefined) cuts.push(end);
    }
  }
  return cuts;
}

// Terminal punctuation (with any closing quotes or brackets) before whitespace and a character that is not
// a lower-case letter: "... today." He / "... it?" she asked (no cut).
const SENTENCE_END = /[.!?\u2026]+["'\u201D\u2019)\]]*(?=\s+[^\s\p{Ll}])/gu;

function punctuationCuts(block: string): number[] {
  return [...block.matchAll(SENTENCE_END)].map((match) => match.index! + match[0].length);
}

// A word (letters, possibly dotted: "U.S", "a.m") ending in a full stop, the token after the whitespace, and the
// one after that if any.
const WORD_THEN_STOP = /(?<![\p{L}\p{N}.])(\p{L}(?:\.?\p{L})*)\.(?=\s+(\S+)(?:\s+(\S+))?)/gu;

// A number ending in a full stop before a capital: retext keeps "on March 6. The company" (and "to $12,841. Next
// year") as one sentence. The whole number is matched, its thousands and decimals included.
const NUMBER_THEN_STOP_THEN_CAPITAL = /(?<![\p{L}\p{N}.,])\p{N}+(?:[.,]\p{N}+)*\.(?=\s+["'\u201C\u2018(]?\p{Lu})/gu;

/** [position after the stop, whether it ends a sentence] for each known abbreviation in `block`. */
function* abbreviationJudgements(block: string): Generator<[number, boolean]> {
  for (const match of block.matchAll(NUMBER_THEN_STOP_THEN_CAPITAL)) yield [match.index! + match[0].length, true];
  for (const match of block.matchAll(WORD_THEN_STOP)) {
    const endsSentence = abbreviationEndsSentence(match[1]!, match[2]!, match[3]);
    if (endsSentence !== undefined) yield [match.index! + match[0].length, endsSentence];
  }
}

const WHITESPACE = /\s/;

/** [start, end) without surrounding whitespace; undefined when nothing else is left. */
export function trimSpan(text: string, start: number, end: number): Span | undefined {
  while (start < end && WHITESPACE.test(text[start]!)) start++;
  while (end > start && WHITESPACE.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : undefined;
}
