// A BM25 index over source sentences, updatable one file at a time. Each document occupies a slot; removing or
// replacing a file tombstones its slot, and the posting lists are compacted once tombstones pile up, so the
// language server can re-index one changed file without touching the rest of the corpus.

import { TermDictionary } from './dictionary.js';
import { PostingLists } from './postings.js';

export interface IndexedDocument {
  key: string;
  /** Every sentence's term ids, concatenated. */
  termIds: Uint32Array;
  /** Sentence i's terms are termIds[sentenceTermStarts[i] .. sentenceTermStarts[i + 1]). */
  sentenceTermStarts: Uint32Array;
}

/**
 * Term statistics of a corpus larger than what the index holds: a local cache of a team corpus's passages ranks
 * them as the whole corpus would (same idf, same average sentence length), so a sentence's score does not depend
 * on which other documents happen to be cached.
 */
export interface CorpusStatistics {
  sentences: number;
  /** Index terms over all sentences, repeats included (sentence lengths summed). */
  terms: number;
  /** How many sentences use a term; undefined when not known (the index's own count is used). */
  frequency(term: string): number | undefined;
}

export interface SentenceHit {
  key: string;
  sentence: number;
  score: number;
}

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;
/** Terms in more than this share of sentences only re-rank candidates that rarer terms found. */
const COMMON_TERM_SHARE = 0.02;
/**
 * Beyond this many terms (rarest first), a long query's terms only re-rank too: a quotation of sixty words finds
 * its source through its twenty rarest, and walking the rest was most of the time of re-checking it.
 */
export const WALKED_TERMS = 20;

export class PassageIndex {
  private readonly dictionary = new TermDictionary();
  readonly terms = this.dictionary.terms;
  private documentFrequency: number[] = [];
  /**
   * Per term, the sentences that use it, ascending. A sentence is a number: documents take consecutive runs of
   * numbers in the order they are added, so one array of scores indexed by sentence number ranks a query.
   */
  private postings = new PostingLists();
  private readonly slots: (IndexedDocument | undefined)[] = [];
  /** The number of each slot's first sentence. */
  private slotFirstSentence: number[] = [];
  private readonly slotByKey = new Map<string, number>();
  /** Per sentence number: its slot, and how many terms it has. */
  private sentenceSlot = new Uint32Array(1024);
  private sentenceLength = new Uint32Array(1024);
  private sentenceNumbers = 0;
  /** Per term, the last sentence number (+1) that counted it: deduplicates a sentence's terms without a Set. */
  private lastCounted = new Uint32Array(1024);
  /** Scratch for search: a score per sentence number, zero except while a query runs; and the sentences scored. */
  private scores = new Float64Array(1024);
  private touched = new Uint32Array(1024);
  private liveSentences = 0;
  private liveTerms = 0;
  private deadSentences = 0;
  /** When set, idf and sentence lengths are those of the whole corpus (see CorpusStatistics). */
  statistics: CorpusStatistics | undefined;

  /** The id of a term, adding it to the dictionary when new. */
  termId(term: string): number {
    const id = this.dictionary.idOf(term);
    if (id === this.documentFrequency.length) this.documentFrequency.push(0);
    return id;
  }

  /** The id of a known term, or undefined: queries must not grow the dictionary. */
  lookupTerm(term: string): number | undefined {
    return this.dictionary.lookup(term);
  }

  add(document: IndexedDocument): void {
    this.append(document);
    this.foldAppended();
  }

  /**
   * Adds documents in one go. Into an empty index the posting lists are built in two passes over their terms (how
   * a persisted or freshly analysed library is loaded); otherwise they are appended, and folded once at the end,
   * not once per document (a team corpus's round brings hundreds of documents into a cache).
   */
  addAll(documents: readonly IndexedDocument[]): void {
    const keys = new Set(documents.map((document) => document.key));
    if (this.slots.length > 0 || keys.size < documents.length) {
      for (const document of documents) this.append(document);
      this.foldAppended();
      return;
    }
    const placed = documents.map((document) => this.place(document));
    this.postings = PostingLists.build(this.terms.length, (emit) => this.forEachPosting(placed, emit));
    // Each posting is one sentence using the term: the lists' lengths are the terms' sentence frequencies.
    for (let id = 0; id < this.terms.length; id++) this.documentFrequency[id] = this.postings.flatLength(id);
  }

  private append(document: IndexedDocument): void {
    this.remove(document.key);
    this.forEachPosting([this.place(document)], (id, number) => {
      this.postings.append(id, number);
      this.documentFrequency[id]++;
    });
  }

  /** Appended postings are slower to read: they are folded into the flat lists once they are a sizeable share. */
  private foldAppended(): void {
    if (this.postings.pendingCount > Math.max(100_000, this.postings.size / 8)) this.compact();
  }

  /** Gives a document a slot and its sentences their numbers. */
  private place(document: IndexedDocument): { document: IndexedDocument; firstSentence: number } {
    const slot = this.slots.length;
    this.slots.push(document);
    this.slotByKey.set(document.key, slot);
    const firstSentence = this.sentenceNumbers;
    this.slotFirstSentence.push(firstSentence);
    const { termIds, sentenceTermStarts } = document;
    const sentenceCount = sentenceTermStarts.length - 1;
    this.reserveSentences(firstSentence + sentenceCount);
    for (let sentence = 0; sentence < sentenceCount; sentence++) {
      this.sentenceSlot[firstSentence + sentence] = slot;
      this.sentenceLength[firstSentence + sentence] = sentenceTermStarts[sentence + 1] - sentenceTermStarts[sentence];
    }
    this.sentenceNumbers += sentenceCount;
    this.liveSentences += sentenceCount;
    this.liveTerms += termIds.length;
    return { document, firstSentence };
  }

  /** Each (term, sentence number) of placed documents once, in ascending sentence numbers. */
  private forEachPosting(
    placed: readonly { document: IndexedDocument; firstSentence: number }[],
    emit: (id: number, number: number) => void,
  ): void {
    const lastCounted = (this.lastCounted = grown(this.lastCounted, this.terms.length));
    for (const { document, firstSentence } of placed) {
      const { termIds, sentenceTermStarts } = document;
      for (let sentence = 0; sentence + 1 < sentenceTermStarts.length; sentence++) {
        const number = firstSentence + sentence;
        for (let i = sentenceTermStarts[sentence]; i < sentenceTermStarts[sentence + 1]; i++) {
          const id = termIds[i];
          if (lastCounted[id] === number + 1) continue;
          lastCounted[id] = number + 1;
          emit(id, number);
        }
      }
    }
    lastCounted.fill(0);
  }

  remove(key: string): boolean {
    const slot = this.slotByKey.get(key);
    if (slot === undefined) return false;
    const document = this.slots[slot]!;
    const { termIds, sentenceTermStarts } = document;
    const sentenceCount = sentenceTermStarts.length - 1;
    this.forEachPosting(
      [{ document, firstSentence: this.slotFirstSentence[slot] }],
      (id) => this.documentFrequency[id]--,
    );
    this.slots[slot] = undefined;
    this.slotByKey.delete(key);
    this.liveSentences -= sentenceCount;
    this.liveTerms -= termIds.length;
    this.deadSentences += sentenceCount;
    if (this.deadSentences > Math.max(10_000, this.liveSentences / 4)) this.compact();
    return true;
  }

  get(key: string): IndexedDocument | undefined {
    const slot = this.slotByKey.get(key);
    return slot === undefined ? undefined : this.slots[slot];
  }

  get sentenceCount(): number {
    return this.liveSentences;
  }

  get termCount(): number {
    return this.liveTerms;
  }

  /** How many live sentences use a term (in the whole corpus, when statistics are set). */
  sentenceFrequency(termId: number): number {
    const known = this.statistics && termId >= 0 ? this.statistics.frequency(this.terms[termId]) : undefined;
    return known ?? this.documentFrequency[termId] ?? 0;
  }

  /** sentenceFrequency by the term itself, which the index may not hold (0 then, unless the statistics know it). */
  termFrequency(term: string): number {
    const known = this.statistics?.frequency(term);
    if (known !== undefined) return known;
    const id = this.lookupTerm(term);
    return id === undefined ? 0 : this.documentFrequency[id];
  }

  termIdf(term: string): number {
    return bm25Idf(this.termFrequency(term), this.statistics?.sentences ?? this.liveSentences);
  }

  /** Inverse document frequency of a term over sentences (BM25's, floored at a small positive value). */
  idf(id: number): number {
    return bm25Idf(this.sentenceFrequency(id), this.statistics?.sentences ?? this.liveSentences);
  }

  /** The best-scoring sentences for a bag of query term ids, across the corpus or within one document. */
  search(queryTermIds: readonly number[], limit: number, restrictToKey?: string): SentenceHit[] {
    const unique = [...new Set(queryTermIds)].filter((id) => this.documentFrequency[id] > 0);
    unique.sort((a, b) => this.sentenceFrequency(a) - this.sentenceFrequency(b));
    if (restrictToKey === undefined)
      return this.rank(
        unique,
        limit,
        unique.map((id) => this.postings.list(id)),
      );
    const slot = this.slotByKey.get(restrictToKey);
    return slot === undefined ? [] : this.rank(unique, limit, this.postingsWithin(slot, unique));
  }

  /**
   * BM25 over the terms' posting lists, rarest term first. A common term only re-ranks the sentences rarer terms
   * found; and once no sentence that the remaining terms alone could score can reach the current top `limit`
   * (MaxScore), those terms too only re-rank, which gives the same top `limit` without walking their lists.
   */
  private rank(terms: number[], limit: number, lists: readonly Uint32Array[]): SentenceHit[] {
    const { sentences, terms: termTotal } = this.statistics ?? { sentences: this.liveSentences, terms: this.liveTerms };
    const averageLength = termTotal / Math.max(1, sentences);
    const commonThreshold = commonTermThreshold(sentences);
    const { scores, touched, sentenceSlot, sentenceLength, slots } = this;
    let touchedCount = 0;
    const idfs = terms.map((id) => this.idf(id));
    // A term's weight in the shortest possible sentence: the most it can add to any score.
    const maxWeights = idfs.map((idf) => (idf * (BM25_K1 + 1)) / (1 + BM25_K1 * (1 - BM25_B)));
    let remainingMax = maxWeights.reduce((sum, weight) => sum + weight, 0);
    const anyRemoved = this.deadSentences > 0;
    const scoreSentence = (number: number, idf: number): void => {
      if (anyRemoved && !slots[sentenceSlot[number]]) return; // a removed document, until the lists are compacted
      const norm = 1 - BM25_B + (BM25_B * sentenceLength[number]) / averageLength;
      if (scores[number] === 0) touched[touchedCount++] = number;
      scores[number] += (idf * (BM25_K1 + 1)) / (1 + BM25_K1 * norm);
    };
    terms.forEach((id, rank) => {
      const idf = idfs[rank];
      const list = lists[rank];
      const onlyRerank =
        touchedCount > 0 &&
        (rank >= WALKED_TERMS ||
          (rank > 0 && this.sentenceFrequency(id) > commonThreshold) ||
          cannotEnterTop(touched.subarray(0, touchedCount), scores, limit, remainingMax));
      remainingMax -= maxWeights[rank];
      if (onlyRerank && list.length > 4 * touchedCount) {
        // Look the candidates up in the (sorted) list rather than walk it.
        for (let i = 0, candidates = touchedCount; i < candidates; i++) {
          if (containsSorted(list, touched[i])) scoreSentence(touched[i], idf);
        }
        return;
      }
      for (let i = 0; i < list.length; i++) {
        if (onlyRerank && scores[list[i]] === 0) continue;
        scoreSentence(list[i], idf);
      }
    });
    const best = topByScore(touched.subarray(0, touchedCount), scores, limit);
    for (let i = 0; i < touchedCount; i++) scores[touched[i]] = 0;
    return best.map(({ number, score }) => {
      const slot = sentenceSlot[number];
      return { key: slots[slot]!.key, sentence: number - this.slotFirstSentence[slot], score };
    });
  }

  /** Posting lists of the given terms (in their order) within one document, read from its own term ids. */
  private postingsWithin(slot: number, terms: readonly number[]): Uint32Array[] {
    const { termIds, sentenceTermStarts } = this.slots[slot]!;
    const lists = new Map(terms.map((id) => [id, [] as number[]]));
    const first = this.slotFirstSentence[slot];
    for (let sentence = 0; sentence + 1 < sentenceTermStarts.length; sentence++) {
      for (let i = sentenceTermStarts[sentence]; i < sentenceTermStarts[sentence + 1]; i++) {
        const list = lists.get(termIds[i]);
        if (list && list.at(-1) !== first + sentence) list.push(first + sentence);
      }
    }
    return [...lists.values()].map((list) => Uint32Array.from(list));
  }

  /** The sentences that use a term, in index order; with `companion`, only those whose document uses it too. */
  sentencesWith(termId: number, companion?: number): { key: string; sentence: number }[] {
    const sentences: { key: string; sentence: number }[] = [];
    const { sentenceSlot } = this;
    const companions = companion === undefined ? undefined : this.postings.list(companion);
    // Both lists ascend, and so do the slots of their sentences: the companion's list is walked alongside.
    let next = 0;
    for (const number of this.postings.list(termId)) {
      const slot = sentenceSlot[number];
      const document = this.slots[slot];
      if (!document) continue;
      if (companions) {
        while (next < companions.length && sentenceSlot[companions[next]] < slot) next++;
        if (next === companions.length || sentenceSlot[companions[next]] !== slot) continue;
      }
      sentences.push({ key: document.key, sentence: number - this.slotFirstSentence[slot] });
    }
    return sentences;
  }

  private reserveSentences(count: number): void {
    this.sentenceSlot = grown(this.sentenceSlot, count);
    this.sentenceLength = grown(this.sentenceLength, count);
    if (this.scores.length < count) {
      const scores = new Float64Array(this.sentenceSlot.length);
      scores.set(this.scores);
      this.scores = scores;
      this.touched = new Uint32Array(this.sentenceSlot.length);
    }
  }

  /**
   * Drops removed documents and folds appended postings into the flat lists: live sentences are renumbered in
   * order, so every posting list stays sorted.
   */
  private compact(): void {
    const renumbered = new Int32Array(this.sentenceNumbers).fill(-1);
    let next = 0;
    this.slots.forEach((document, slot) => {
      const first = this.slotFirstSentence[slot];
      const count = document ? document.sentenceTermStarts.length - 1 : 0;
      this.slotFirstSentence[slot] = next;
      for (let sentence = 0; sentence < count; sentence++) {
        renumbered[first + sentence] = next;
        this.sentenceSlot[next] = slot;
        this.sentenceLength[next] = this.sentenceLength[first + sentence];
        next++;
      }
    });
    this.postings = this.postings.rebuilt(this.terms.length, (number) => renumbered[number]);
    this.sentenceNumbers = next;
    this.deadSentences = 0;
  }
}

/** BM25's inverse document frequency of a term used by `df` of `sentences` sentences, floored at a small positive value. */
export function bm25Idf(df: number, sentences: number): number {
  return Math.max(0.01, Math.log(1 + (sentences - df + 0.5) / (df + 0.5)));
}

/** A term in more sentences than this only re-ranks the sentences rarer terms found. */
export function commonTermThreshold(sentences: number): number {
  return Math.max(50, sentences * COMMON_TERM_SHARE);
}

/** A sentence's BM25 weight per query term it uses (each term counts once per sentence). */
export function bm25TermFactor(sentenceLength: number, averageLength: number): number {
  return (BM25_K1 + 1) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * sentenceLength) / averageLength));
}

/** `array`, or a copy with room for at least `count` elements (doubling, so appends stay cheap). */
function grown(array: Uint32Array<ArrayBuffer>, count: number): Uint32Array<ArrayBuffer> {
  if (array.length >= count) return array;
  const larger = new Uint32Array(Math.max(count, array.length * 2));
  larger.set(array);
  return larger;
}

/** Posting lists are in ascending order: documents get ever higher numbers, sentences are added in order. */
function containsSorted(list: Uint32Array, value: number): boolean {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (list[middle] === value) return true;
    if (list[middle] < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * Whether a sentence not yet scored, gaining at most `remainingMax`, is sure to stay out of the top `limit`: the
 * current `limit`-th best score already beats it (scores only grow, so that score is a floor).
 */
function cannotEnterTop(touched: Uint32Array, scores: Float64Array, limit: number, remainingMax: number): boolean {
  if (touched.length < limit) return false;
  let above = 0;
  for (let i = 0; i < touched.length; i++) if (scores[touched[i]] > remainingMax && ++above >= limit) return true;
  return false;
}

/** The `limit` best sentences, by score and then by sentence number (insertion into a short sorted list). */
function topByScore(numbers: Uint32Array, scores: Float64Array, limit: number): { number: number; score: number }[] {
  const best: { number: number; score: number }[] = [];
  const ranksBefore = (a: { number: number; score: number }, number: number, score: number) =>
    a.score > score || (a.score === score && a.number < number);
  for (let i = 0; i < numbers.length; i++) {
    const number = numbers[i];
    const score = scores[number];
    if (best.length === limit && ranksBefore(best[limit - 1], number, score)) continue;
    let at = best.length;
    while (at > 0 && !ranksBefore(best[at - 1], number, score)) at--;
    best.splice(at, 0, { number, score });
    if (best.length > limit) best.pop();
  }
  return best;
}
