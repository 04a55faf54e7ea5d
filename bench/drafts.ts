// Drafts to check: ~3,000 words of sentences taken from the corpus's real articles, some left as they are
// (supported) and some with a planted change, so a check exercises every path of the checker: a changed number,
// a swapped name, a flipped negation, a misquote.
import type { Article } from './corpus.js';
import { pick, randomInt, seededRandom, type Random } from './random.js';
import { splitSentences } from './sentences.js';

export type Plant = 'none' | 'number' | 'name' | 'negation' | 'misquote';

export interface PlantedSentence {
  text: string;
  plant: Plant;
  /** The article the sentence comes from. */
  article: string;
}

export interface Draft {
  /** Markdown: a title and paragraphs. */
  text: string;
  sentences: PlantedSentence[];
  words: number;
}

const QUOTED = /["\u201C]([^"\u201C\u201D]+)["\u201D]/g;
const NUMBER = /\b\d[\d,.]*\d\b|\b\d\b/;
// A capitalised word inside a sentence (not its first word): usually a name.
const NAME = /(?<=[a-z,] )[A-Z][a-z]{2,}\b/;
const AUXILIARY = /\b(is|was|are|were|will|has|have|had|can|could|would|did|does)\b(?! not)/;
const NEGATED = /\b(is|was|are|were|will|has|have|had|can|could|would|did|does) not\b/;

/** Articles a writer would plausibly quote from: normal capitalisation and at least one real quotation. */
function quotableArticles(articles: readonly Article[]): Article[] {
  return articles.filter((article) => {
    const sentences = splitSentences(article.text);
    const capitalised = sentences.filter((sentence) => /^["\u201C]?[A-Z]/.test(sentence)).length;
    return sentences.length >= 6 && capitalised >= sentences.length * 0.8 && hasQuote(article.text);
  });
}

function hasQuote(text: string): boolean {
  return [...text.matchAll(QUOTED)].some((match) => match[1].split(/\s+/).length >= 4);
}

export function makeDraft(articles: readonly Article[], targetWords = 3000, seed = 4): Draft {
  const random = seededRandom(seed);
  const pool = quotableArticles(articles);
  const names = collectNames(pool);
  const sentences: PlantedSentence[] = [];
  const paragraphs: string[] = [];
  let words = 0;
  const used = new Set<string>();
  const planted = new Map<Plant, number>();
  while (words < targetWords && used.size < pool.length) {
    const article = pick(random, pool);
    if (used.has(article.name)) continue;
    used.add(article.name);
    const all = splitSentences(article.text);
    const start = randomInt(random, 0, Math.max(0, all.length - 10));
    const taken = all
      .slice(start, start + randomInt(random, 6, 10))
      .map((text) => plant(random, text, names, article.name, planted));
    for (let i = 0; i < taken.length; i += 4)
      paragraphs.push(
        taken
          .slice(i, i + 4)
          .map((s) => s.text)
          .join(' '),
      );
    sentences.push(...taken);
    words += taken.reduce((sum, sentence) => sum + sentence.text.split(/\s+/).length, 0);
  }
  return { text: `# Notes on the week's news\n\n${paragraphs.join('\n\n')}\n`, sentences, words };
}

/**
 * About a third of sentences carry a planted change: of the kinds the sentence allows, the one planted least so
 * far, so that rarer openings (numbers, quotations) are not crowded out by names and auxiliaries.
 */
function plant(
  random: Random,
  text: string,
  names: readonly string[],
  article: string,
  planted: Map<Plant, number>,
): PlantedSentence {
  if (random() < 0.65) return { text, plant: 'none', article };
  const options: Array<[Plant, () => string]> = [];
  const number = text.match(NUMBER);
  if (number) options.push(['number', () => replaceAt(text, number.index!, number[0], otherNumber(random, number[0]))]);
  const name = text.match(NAME);
  if (name) options.push(['name', () => replaceAt(text, name.index!, name[0], otherName(random, names, name[0]))]);
  const negated = text.match(NEGATED);
  const auxiliary = text.match(AUXILIARY);
  if (negated) options.push(['negation', () => replaceAt(text, negated.index!, negated[0], negated[1])]);
  else if (auxiliary)
    options.push(['negation', () => replaceAt(text, auxiliary.index!, auxiliary[0], `${auxiliary[0]} not`)]);
  const quote = [...text.matchAll(QUOTED)].find((match) => /\b[a-z]{4,}\b/.test(match[1]));
  if (quote) options.push(['misquote', () => misquote(random, text, quote)]);
  if (options.length === 0) return { text, plant: 'none', article };
  const fewest = Math.min(...options.map(([kind]) => planted.get(kind) ?? 0));
  const [kind, change] = pick(
    random,
    options.filter(([option]) => (planted.get(option) ?? 0) === fewest),
  );
  planted.set(kind, fewest + 1);
  return { text: change(), plant: kind, article };
}

function replaceAt(text: string, index: number, from: string, to: string): string {
  return text.slice(0, index) + to + text.slice(index + from.length);
}

function otherNumber(random: Random, written: string): string {
  const value = Number(written.replace(/,/g, ''));
  if (!Number.isFinite(value)) return `${written}0`;
  const changed = value + randomInt(random, 1, 9) * (value >= 100 ? 10 : 1);
  return written.includes(',') ? changed.toLocaleString('en-US') : String(changed);
}

function otherName(random: Random, names: readonly string[], written: string): string {
  for (;;) {
    const name = pick(random, names);
    if (name !== written) return name;
  }
}

/** Swaps one word of the quotation for a word it does not contain: "very encouraging" for "incredibly encouraging". */
function misquote(random: Random, text: string, quote: RegExpMatchArray): string {
  const inner = quote[1];
  const words = [...inner.matchAll(/\b[a-z]{4,}\b/g)];
  const word = pick(random, words);
  const replacement = pick(random, ['very', 'really', 'truly', 'quite', 'never', 'always', 'largely', 'simply']);
  const innerStart = quote.index! + 1;
  return replaceAt(text, innerStart + word.index!, word[0], replacement);
}

function collectNames(articles: readonly Article[]): string[] {
  const names = new Set<string>();
  for (const article of articles) for (const match of article.text.matchAll(new RegExp(NAME, 'g'))) names.add(match[0]);
  return [...names].sort();
}

// An opening mark after a space or line start and before a word; a closing mark after a word and before a space,
// punctuation or line end. Straight quotes pair up wrongly otherwise ('. He also said beijing was').
const QUOTATION =
  /(?<=^|[\s([])["\u201C](?=[\p{L}\p{N}'])([^"\u201C\u201D\n]+?)(?<=[\p{L}\p{N}.,!?'])["\u201D](?=$|[\s.,;:!?)\]])/gmu;

/** The quoted passages of a draft (three words or more), as a writer's quote lookup would see them. */
export function quotesOf(text: string): string[] {
  return [...text.matchAll(QUOTATION)]
    .map((match) => match[1].trim())
    .filter((quote) => quote.split(/\s+/).length >= 3);
}

/**
 * A typing session: `count` successive versions of `text`, each differing from the one before by a single word in
 * a sentence not edited before, the way a writer fixes one word and moves on. Each version is what the language
 * server re-checks on that keystroke.
 */
export function oneWordEdits(text: string, count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const versions: string[] = [];
  let current = text;
  const edited = new Set<number>();
  const bodyStart = text.indexOf('\n\n') + 2;
  for (let attempt = 0; versions.length < count && attempt < count * 20; attempt++) {
    const words = [...current.slice(bodyStart).matchAll(/\b[a-z]{5,}\b/g)];
    const word = pick(random, words);
    const at = bodyStart + word.index!;
    const sentence = sentenceNumberAt(current, at);
    if (edited.has(sentence)) continue;
    edited.add(sentence);
    current = replaceAt(current, at, word[0], word[0].length % 2 ? 'reportedly' : 'apparently');
    versions.push(current);
  }
  return versions;
}

// Sentences are counted up to an offset, so an edit's sentence is recognised after earlier edits moved offsets.
function sentenceNumberAt(text: string, offset: number): number {
  return (text.slice(0, offset).match(/[.!?]["'\u201D\u2019)]*\s/g) ?? []).length;
}
