// A BM25 index over source sentences, updatable one file at a time. Each document occupies a slot; removing or
// replacing a file tombstones its slot, and the posting lists are compacted once tombstones pile up, so the
// language server can re-index one changed file without touching the rest of the corpus.

export interface IndexedDocument {
  key: string;
  /** Every sentence's term ids, concatenated. */
  termIds: Uint32Array;
  /** Sentence i's terms are termIds[sentenceTermStarts[i] .. sentenceTermStarts[i + 1]). */
  sentenceTermStarts: Uint32Array;
}

export interface SentenceHit {
  key: string;
  sentence: number;
  score: number;
}

const SENTENCE_LIMIT = 2 ** 20; // a posting packs slot * SENTENCE_LIMIT + sentence into one safe integer
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Terms in more than this share of sentences only re-rank candidates that rarer terms found. */
const COMMON_TERM_SHARE = 0.02;

export class PassageIndex {
  private readonly dictionary = new Map<string, number>();
  readonly terms: string[] = [];
  private documentFrequency: number[] = [];
  private postings: number[][] = [];
  private readonly slots: (IndexedDocument | undefined)[] = [];
  private readonly slotByKey = new Map<string, number>();
  private liveSentences = 0;
  private liveTerms = 0;
  private deadSentences = 0;

  /** The id of a term, adding it to the dictionary when new. */
  termId(term: string): number {
    let id = this.dictionary.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.dictionary.set(term, id);
      this.terms.push(term);
      this.documentFrequency.push(0);
      this.postings.push([]);
    }
    return id;
  }

  /** The id of a known term, or undefined: queries must not grow the dictionary. */
  lookupTerm(term: string): number | undefined {
    return this.dictionary.get(term);
  }

  add(document: IndexedDocument): void {
    this.remove(document.key);
    const slot = this.slots.length;
    this.slots.push(document);
    this.slotByKey.set(document.key, slot);
    const { termIds, sentenceTermStarts } = document;
    const sentenceCount = sentenceTermStarts.length - 1;
    if (sentenceCount >= SENTENCE_LIMIT) throw new Error(`${document.key}: too many sentences to index`);
    for (let sentence = 0; sentence < sentenceCount; sentence++) {
      const posting = slot * SENTENCE_LIMIT + sentence;
      const seen = new Set<number>();
      for (let i = sentenceTermStarts[sentence]; i < sentenceTermStarts[sentence + 1]; i++) {
        const id = termIds[i];
        if (seen.has(id)) continue;
        seen.add(id);
        this.postings[id].push(posting);
        this.documentFrequency[id]++;
      }
    }
    this.liveSentences += sentenceCount;
    this.liveTerms += termIds.length;
  }

  remove(key: string): boolean {
    const slot = this.slotByKey.get(key);
    if (slot === undefined) return false;
    const document = this.slots[slot]!;
    const { termIds, sentenceTermStarts } = document;
    const sentenceCount = sentenceTermStarts.length - 1;
    for (let sentence = 0; sentence < sentenceCount; sentence++) {
      for (const id of new Set(termIds.subarray(sentenceTermStarts[sentence], sentenceTermStarts[sentence + 1]))) {
        this.documentFrequency[id]--;
      }
    }
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

  /** Inverse document frequency of a term over sentences (BM25's, floored at a small positive value). */
  idf(id: number): number {
    const df = this.documentFrequency[id] ?? 0;
    return Math.max(0.01, Math.log(1 + (this.liveSentences - df + 0.5) / (df + 0.5)));
  }

  /** The best-scoring sentences for a bag of query term ids. */
  search(queryTermIds: readonly number[], limit: number, restrictToKey?: string): SentenceHit[] {
    const unique = [...new Set(queryTermIds)].filter((id) => this.documentFrequency[id] > 0);
    unique.sort((a, b) => this.documentFrequency[a] - this.documentFrequency[b]);
    const restrictSlot = restrictToKey === undefined ? undefined : this.slotByKey.get(restrictToKey);
    if (restrictToKey !== undefined && restrictSlot === undefined) return [];
    const averageLength = this.liveTerms / Math.max(1, this.liveSentences);
    const commonThreshold = Math.max(50, this.liveSentences * COMMON_TERM_SHARE);
    const scores = new Map<number, number>();
    const weightOf = (posting: number, idf: number): number | undefined => {
      const slot = Math.floor(posting / SENTENCE_LIMIT);
      if (restrictSlot !== undefined && slot !== restrictSlot) return undefined;
      const document = this.slots[slot];
      if (!document) return undefined;
      const sentence = posting - slot * SENTENCE_LIMIT;
      const length = document.sentenceTermStarts[sentence + 1] - document.sentenceTermStarts[sentence];
      return (idf * (BM25_K1 + 1)) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength));
    };
    unique.forEach((id, rank) => {
      const idf = this.idf(id);
      const list = this.postings[id];
      const onlyRerank = rank > 0 && this.documentFrequency[id] > commonThreshold && scores.size > 0;
      if (onlyRerank && list.length > 4 * scores.size) {
        // A common term only re-ranks: look the candidates up in its (sorted) list rather than walk it.
        for (const [posting, previous] of scores) {
          if (!containsSorted(list, posting)) continue;
          scores.set(posting, previous + (weightOf(posting, idf) ?? 0));
        }
        return;
      }
      for (const posting of list) {
        const previous = scores.get(posting);
        if (previous === undefined && onlyRerank) continue;
        const weight = weightOf(posting, idf);
        if (weight !== undefined) scores.set(posting, (previous ?? 0) + weight);
      }
    });
    return topByScore(scores, limit).map(([posting, score]) => {
      const slot = Math.floor(posting / SENTENCE_LIMIT);
      return { key: this.slots[slot]!.key, sentence: posting - slot * SENTENCE_LIMIT, score };
    });
  }

  /** The keys of the documents that use a term, in index order. */
  documentsWith(termId: number): string[] {
    const keys = new Set<string>();
    for (const posting of this.postings[termId] ?? []) {
      const document = this.slots[Math.floor(posting / SENTENCE_LIMIT)];
      if (document) keys.add(document.key);
    }
    return [...keys];
  }

  private compact(): void {
    this.postings = this.postings.map((list) =>
      list.filter((posting) => this.slots[Math.floor(posting / SENTENCE_LIMIT)] !== undefined),
    );
    this.deadSentences = 0;
  }
}

/** Posting lists are in ascending order: documents get ever higher slots, sentences are added in order. */
function containsSorted(list: number[], value: number): boolean {
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

function topByScore(scores: Map<number, number>, limit: number): [number, number][] {
  const entries = [...scores];
  entries.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return entries.slice(0, limit);
}
