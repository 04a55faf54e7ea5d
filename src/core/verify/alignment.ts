// How the claim's words sit in the source beyond sharing its vocabulary: whether words the claim relates stand
// together in one source sentence (a summary that pairs a source's names or facts wrongly uses the source's
// words but not its pairings), how rare the words the source lacks are, and how much of its wording the
// source has (word-overlap.ts).
import { isContentToken, tokenize, type Token } from '../text/normalize.js';
import type { SourceDocument } from '../types.js';
import { sourceWords, wordOverlap, type SourceWords, type WordOverlap } from './word-overlap.js';

export interface AlignmentSignals {
  /** Of the pairs of nearby claim content words the document has, the share that share a source sentence. */
  pairedInSentence: number;
  /** Rarity-weighted share of the claim's content words that the document never uses. */
  novelWeight: number;
  /** Absent where no document was aligned with the claim: the checker's own overlap stands in. */
  overlap?: WordOverlap;
}

/** Content words at most this many content words apart count as related. */
const PAIR_DISTANCE = 3;

export const FULLY_ALIGNED: AlignmentSignals = { pairedInSentence: 1, novelWeight: 0 };
export const UNALIGNED: AlignmentSignals = { pairedInSentence: 0, novelWeight: 1 };

// Per document, keyed by path and content hash (a library may hand out a new object for the same document),
// from one pass over its tokens: each stem's sentence numbers, ascending, and its words for word-overlap.ts.
// The least recently added goes first past the limit.
interface DocumentIndex {
  sentencesOfStem: Map<string, number[]>;
  words: SourceWords;
}
const documentIndex = new Map<string, DocumentIndex>();
const CACHED_DOCUMENTS = 256;

export function alignmentSignals(
  document: SourceDocument,
  claimTokens: readonly Token[],
  rarity: (stem: string) => number,
): AlignmentSignals {
  const { sentencesOfStem: where, words } = indexOf(document);
  const content = claimTokens.filter(isContentToken);
  let pairs = 0;
  let paired = 0;
  for (let i = 0; i < content.length; i++) {
    const a = where.get(content[i].stem);
    for (let j = i + 1; j <= i + PAIR_DISTANCE && j < content.length; j++) {
      const b = where.get(content[j].stem);
      if (!a || !b || content[i].stem === content[j].stem) continue;
      pairs++;
      if (intersects(a, b)) paired++;
    }
  }
  const stems = new Set(content.map((t) => t.stem));
  let total = 0;
  let novel = 0;
  for (const stem of stems) {
    const weight = rarity(stem);
    total += weight;
    if (!where.has(stem)) novel += weight;
  }
  return {
    pairedInSentence: pairs ? paired / pairs : 1,
    novelWeight: total ? novel / total : 0,
    overlap: wordOverlap(words, claimTokens),
  };
}

function indexOf(document: SourceDocument): DocumentIndex {
  const key = `${document.path}\0${document.hash}`;
  let index = documentIndex.get(key);
  if (index) return index;
  const tokens = tokenize(document.text);
  const sentencesOfStem = new Map<string, number[]>();
  let sentence = 0;
  for (const token of tokens) {
    while (sentence < document.sentences.length - 1 && token.span.start >= document.sentences[sentence].span.end)
      sentence++;
    const list = sentencesOfStem.get(token.stem);
    if (!list) sentencesOfStem.set(token.stem, [sentence]);
    else if (list[list.length - 1] !== sentence) list.push(sentence);
  }
  index = { sentencesOfStem, words: sourceWords(tokens) };
  documentIndex.set(key, index);
  if (documentIndex.size > CACHED_DOCUMENTS) documentIndex.delete(documentIndex.keys().next().value!);
  return index;
}

function intersects(a: number[], b: number[]): boolean {
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) return true;
    if (a[i] < b[j]) i++;
    else j++;
  }
  return false;
}
