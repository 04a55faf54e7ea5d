// A local cache of a team corpus's passages: a SourceLibrary holding the local folder's documents and the stored
// documents retrieval has brought in, ranked by the whole corpus's term statistics. A check runs against it as
// against any library; each search, phrase lookup, citation key and word weight the cache cannot yet answer for
// the whole corpus is noted, and `fill` asks the corpus for all of them at once. Once a query is answered, the
// documents holding its best sentences are here, so later documents brought in for other queries cannot change
// its answer: the cache's version stays the same while it fills, and a checker's per-sentence results stay valid.
import { bm25Idf, commonTermThreshold, WALKED_TERMS, type CorpusStatistics } from '../index/passage-index.js';
import { indexTermsOfTokens } from '../index/terms.js';
import { SourceLibrary, type PassageHit, type PhraseMatch } from '../library.js';
import type { Token } from '../text/normalize.js';
import type { SourceDocument } from '../types.js';
import { TEAM_PREFIX } from './origin.js';
import type { CorpusBackend, CorpusTotals, CorpusView, RankedQuery, RemoteHit } from './backend.js';

/** Beyond this many stored documents the cache starts afresh (a long session's memory stays bounded). */
const DOCUMENTS_KEPT = 20_000;
/** Documents brought in per search: those of its first hits (a quote's nearest wordings use ten)... */
const HITS_MATERIALISED = 10;
/** ...and at least this many distinct documents (a claim's evidence windows come from its three best). */
const DOCUMENTS_PER_SEARCH = 3;
const PHRASE_LIMIT = 20;
/** Sentences the terms walked by one search may hold between them (beyond its rarest term's). */
const WALK_BUDGET = 3_000;

interface PendingSearch {
  stems: string[];
  limit: number;
}

export class PassageCache extends SourceLibrary {
  /** Reads so far that the corpus had not answered: a checker does not remember what it verified meanwhile. */
  unanswered = 0;
  private generation: string | undefined;
  private totals: CorpusTotals = { documents: 0, sentences: 0, terms: 0, generation: '' };
  private readonly frequencies = new Map<string, number>();
  private readonly answered = new Set<string>();
  private readonly pendingTerms = new Set<string>();
  /** Terms a check will likely weigh (its claims' words): asked with the next round, never one of their own. */
  private readonly expectedTerms = new Set<string>();
  private readonly pendingSearches = new Map<string, PendingSearch>();
  private readonly pendingPhrases = new Map<string, string[]>();
  private readonly pendingKeys = new Set<string>();
  /** Stored document id -> the local path it is held under. */
  private readonly held = new Map<string, string>();
  private local: CorpusStatistics = { sentences: 0, terms: 0, frequency: () => 0 };
  /** Bumped only when what was answered may be wrong now (the corpus changed, or a check ran while it could not be asked). */
  private epoch = 0;

  /** The local folder's documents (a loaded library's state), kept beside the team corpus's. */
  static withLocal(folder: SourceLibrary | undefined): PassageCache {
    const cache = folder ? PassageCache.importState(folder.exportState()) : new PassageCache();
    if (folder) cache.local = folder.ownStatistics();
    cache.refreshStatistics();
    return cache;
  }

  override get version(): number {
    return this.epoch;
  }

  /** Whether the last check asked for something the corpus has not answered yet. */
  get incomplete(): boolean {
    return this.pendingTerms.size + this.pendingSearches.size + this.pendingPhrases.size + this.pendingKeys.size > 0;
  }

  /** Forget every result computed so far (they were computed with something missing). */
  invalidate(): void {
    this.epoch++;
  }

  /** Terms to ask with the next round, if there is one (a claim's words are weighed once evidence is found). */
  expectTerms(stems: Iterable<string>): void {
    for (const stem of stems) if (!this.frequencies.has(stem)) this.expectedTerms.add(stem);
  }

  override searchTokens(tokens: readonly Token[], limit: number, restrictToPath?: string): PassageHit[] {
    // Within one document: the document is here, and so is the answer.
    if (restrictToPath === undefined) this.noteSearch(indexTermsOfTokens(tokens), limit);
    return super.searchTokens(tokens, limit, restrictToPath);
  }

  override findPhrase(phrase: readonly Token[], limit = PHRASE_LIMIT): PhraseMatch[] {
    const stems = indexTermsOfTokens(phrase);
    const key = `p\0${stems.join(' ')}`;
    // A phrase of function words only is looked for in the documents held here, as the index has no terms for it.
    if (stems.length > 0 && !this.answered.has(key)) {
      this.unanswered++;
      this.pendingPhrases.set(key, stems);
      for (const stem of stems) this.noteTerm(stem);
    }
    return super.findPhrase(phrase, limit);
  }

  override get(pathOrId: string): SourceDocument | undefined {
    const document = super.get(pathOrId);
    if (!document && !this.answered.has(`k\0${pathOrId}`)) {
      this.unanswered++;
      this.pendingKeys.add(pathOrId);
    }
    return document;
  }

  override rarity(stem: string): number {
    this.noteTerm(stem);
    return super.rarity(stem);
  }

  override anyUses(stem: string): boolean {
    this.noteTerm(stem);
    return super.anyUses(stem);
  }

  /**
   * Asks the corpus, in one snapshot and a few batched round trips, for everything the last check noted, and
   * brings in the documents that answer it. Warnings name rows that could not be used.
   */
  async fill(backend: CorpusBackend, warn: (message: string) => void): Promise<void> {
    await backend.snapshot(async (view) => {
      if (this.generation !== undefined && view.totals.generation !== this.generation) this.forgetCorpus();
      this.generation = view.totals.generation;
      this.totals = view.totals;
      this.refreshStatistics();
      const searches = [...this.pendingSearches];
      const phrases = [...this.pendingPhrases];
      const keys = [...this.pendingKeys];
      for (const [, search] of searches) for (const stem of search.stems) this.pendingTerms.add(stem);
      const terms = [...new Set([...this.pendingTerms, ...this.expectedTerms])];
      for (const [term, frequency] of await view.frequencies(terms)) this.frequencies.set(term, frequency);
      // Asked together: a backend may answer them at once (PostgreSQL, on two connections of one snapshot).
      const [searchHits, phraseHits, keyIds] = await Promise.all([
        view.search(searches.map(([, search]) => this.rankedQuery(search))),
        view.phrases(
          phrases.map(([, stems]) => stems),
          PHRASE_LIMIT,
          (term) => this.frequencies.get(term),
        ),
        view.lookup(keys),
      ]);
      const wanted = new Set<string>();
      for (const hits of searchHits) for (const id of documentsToHold(hits)) wanted.add(id);
      for (const hits of phraseHits) for (const hit of hits) wanted.add(hit.id);
      for (const id of keyIds) if (id !== undefined) wanted.add(id);
      await this.bringIn(
        view,
        [...wanted].filter((id) => !this.held.has(id)),
        warn,
      );
      for (const term of terms) this.pendingTerms.delete(term);
      this.expectedTerms.clear();
      for (const [key] of searches) this.settle(this.pendingSearches, key);
      for (const [key] of phrases) this.settle(this.pendingPhrases, key);
      for (const key of keys) {
        this.pendingKeys.delete(key);
        this.answered.add(`k\0${key}`);
      }
    });
  }

  /** Drops what the last check noted without asking (the corpus could not be reached). */
  discardPending(): void {
    this.pendingTerms.clear();
    this.expectedTerms.clear();
    this.pendingSearches.clear();
    this.pendingPhrases.clear();
    this.pendingKeys.clear();
  }

  private settle<T>(pending: Map<string, T>, key: string): void {
    pending.delete(key);
    this.answered.add(key);
  }

  private noteTerm(stem: string): void {
    if (this.frequencies.has(stem)) return;
    this.unanswered++;
    this.pendingTerms.add(stem);
  }

  private noteSearch(stems: string[], limit: number): void {
    if (stems.length === 0) return;
    const unique = [...new Set(stems)].sort();
    const key = `s\0${limit}\0${unique.join(' ')}`;
    if (this.answered.has(key)) return;
    this.unanswered++;
    this.pendingSearches.set(key, { stems: unique, limit });
    for (const stem of unique) this.noteTerm(stem);
  }

  /** The search as the in-memory index would run it over the whole corpus (see PassageIndex.rank). */
  private rankedQuery({ stems, limit }: PendingSearch): RankedQuery {
    const sentences = this.combinedSentences();
    const used = stems
      .filter((stem) => this.frequency(stem)! > 0)
      .sort((a, b) => this.frequency(a)! - this.frequency(b)!);
    const threshold = commonTermThreshold(sentences);
    // The in-memory index walks every term under the threshold and lets MaxScore skip most of their sentences; a
    // database would score each one, so rarer terms are walked only while their sentences stay within a budget.
    let budget = WALK_BUDGET;
    const walked = used.filter((stem, rank) => {
      const frequency = this.frequency(stem)!;
      if (rank > 0 && (rank >= WALKED_TERMS || frequency > threshold || frequency > budget)) return false;
      budget -= frequency;
      return true;
    });
    return {
      walked,
      terms: used,
      idfs: used.map((stem) => bm25Idf(this.frequency(stem)!, sentences)),
      averageLength: (this.totals.terms + this.local.terms) / Math.max(1, sentences),
      limit,
      walkedSentences: walked.reduce((sum, stem) => sum + (this.frequencies.get(stem) ?? 0), 0),
    };
  }

  private async bringIn(view: CorpusView, ids: string[], warn: (message: string) => void): Promise<void> {
    if (ids.length === 0) return;
    if (this.held.size + ids.length > DOCUMENTS_KEPT) this.dropStored();
    const stored = await view.documents(ids, warn);
    this.addAllAnalysed(
      stored.map(({ path, text, hash, metadata, sentences, sentenceTerms }) => ({
        document: { path: TEAM_PREFIX + path, hash, text, metadata, sentences },
        sentenceTerms,
      })),
    );
    for (const { id, path } of stored) this.held.set(id, TEAM_PREFIX + path);
  }

  private dropStored(): void {
    for (const path of this.held.values()) this.remove(path);
    this.held.clear();
    this.answered.clear();
    this.epoch++;
  }

  /** The corpus changed: what was answered, and the documents brought in, may be stale. */
  private forgetCorpus(): void {
    this.dropStored();
    this.frequencies.clear();
  }

  private frequency(term: string): number | undefined {
    const stored = this.frequencies.get(term);
    return stored === undefined ? undefined : stored + (this.local.frequency(term) ?? 0);
  }

  private combinedSentences(): number {
    return this.totals.sentences + this.local.sentences;
  }

  private refreshStatistics(): void {
    // Getters, so the index reads the totals as they are when it ranks, not as they were now.
    const sentences = () => this.combinedSentences();
    const terms = () => this.totals.terms + this.local.terms;
    this.useStatistics({
      get sentences() {
        return sentences();
      },
      get terms() {
        return terms();
      },
      frequency: (term) => this.frequency(term),
    });
  }
}

/** The documents of a search's first hits, and of its first few distinct documents. */
function documentsToHold(hits: readonly RemoteHit[]): string[] {
  const ids: string[] = [];
  for (const [rank, hit] of hits.entries()) {
    if (ids.includes(hit.id)) continue;
    if (rank >= HITS_MATERIALISED && ids.length >= DOCUMENTS_PER_SEARCH) break;
    ids.push(hit.id);
  }
  return ids;
}
