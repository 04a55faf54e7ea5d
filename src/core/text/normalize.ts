// Word-level normalisation shared by indexing, retrieval and verification, so that a draft and a source
// that differ only in typography, case, inflection or tokenisation ("kilmarnock 's") compare equal.
import { stemmer } from 'stemmer';
import type { Span } from '../types.js';

export interface Token {
  /** The word as written. */
  text: string;
  /** Lower-cased, typography folded, diacritics and possessive removed. */
  norm: string;
  /** Porter stem of `norm` (numbers are kept whole). */
  stem: string;
  span: Span;
}

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /[\u00A0\u2000-\u200B\u202F\u205F\u3000]/g;

/** Folds curly quotes, dashes and odd spaces to ASCII, one character for one, so offsets stay valid. */
export function foldTypography(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-').replace(SPACES, ' ');
}

// A word: letters and digits (and the combining marks of decomposed text), joined by internal apostrophes,
// hyphens, or (between digits) '.' and ','.
const WORD =
  /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:(?:['\u2019-]|(?<=\p{N})[.,](?=\p{N}))[\p{L}\p{N}][\p{L}\p{M}\p{N}]*)*/gu;

export function normalizeWord(word: string): string {
  return foldTypography(word)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/'s$/, '')
    .replace(/s'$/, 's');
}

export function stemWord(norm: string): string {
  if (/\d/.test(norm)) return norm.replace(/,/g, '');
  return stemmer(norm);
}

/** The stems of a hyphenated word's parts ("full-year" -> "full", "year"); none for a word without a hyphen. */
export function compoundParts(stem: string): string[] {
  const parts = stem.split('-').filter(Boolean);
  return parts.length > 1 ? parts.map((part) => stemWord(part)) : [];
}

// News text is Zipfian: most words repeat, so each distinct spelling is normalised and stemmed once.
const WORD_FORMS_LIMIT = 200_000;
const wordForms = new Map<string, { norm: string; stem: string }>();

function formsOf(word: string): { norm: string; stem: string } {
  let forms = wordForms.get(word);
  if (!forms) {
    const norm = normalizeWord(word);
    forms = { norm, stem: norm ? stemWord(norm) : '' };
    if (wordForms.size >= WORD_FORMS_LIMIT) wordForms.clear();
    wordForms.set(word, forms);
  }
  return forms;
}

/** Calls `visit` with each word's forms, in order, without building Token objects (the index build's hot path). */
export function forEachWordForm(text: string, visit: (norm: string, stem: string) => void): void {
  for (const match of text.matchAll(WORD)) {
    const { norm, stem } = formsOf(match[0]);
    if (norm) visit(norm, stem);
  }
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const { norm, stem } = formsOf(match[0]);
    if (!norm) continue;
    const start = offset + match.index!;
    tokens.push({ text: match[0], norm, stem, span: { start, end: start + match[0].length } });
  }
  return tokens;
}

// Function words live in the shared vocabulary; re-exported for the readers that import them from here.
import { STOPWORDS } from './vocabulary.js';
export { STOPWORDS };

/** Content tokens: not function words. Negations are kept by the caller where they matter. */
export function isContentToken(token: Token): boolean {
  return !STOPWORDS.has(token.norm);
}
