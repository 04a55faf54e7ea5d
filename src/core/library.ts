// The analysed source documents and their passage index. Everything a check needs to know about the sources
// goes through here; one file can be added, replaced or removed without touching the others.
import { PassageIndex, type SentenceHit } from './index/passage-index.js';
import { indexTermsOfTokens, visitIndexTerms } from './index/terms.js';
import { readSourceFiles, type LoadOptions } from './sources/load.js';
import { analyzeSource } from './sources/analyze.js';
import { tokenize, type Token } from './text/normalize.js';
import type { SourceDocument, SourceWarning } from './types.js';

/** Bump when analysis or indexing changes what is stored: persisted indexes of another version are rebuilt. */
export const INDEX_FORMAT_VERSION = 2;

export interface PersistedDocument {
  document: SourceDocument;
  termIds: Uint32Array;
  sentenceTermStarts: Uint32Array;
}

export interface LibraryState {
  formatVersion: number;
  terms: string[];
  documents: PersistedDocument[];
}

export interface PassageHit {
  document: SourceDocument;
  sentence: number;
  score: number;
}

/** A run of source words that equals a run of query words. */
export interface PhraseMatch {
  document: SourceDocument;
  /** Index into the document's tokens of the first matched word. */
  tokenStart: number;
  tokenEnd: number;
}

const TOKEN_CACHE_LIMIT = 512;

export class SourceLibrary {
  private readonly index = new PassageIndex();
  private readonly byPath = new Map<string, SourceDocument>();
  private readonly byId = new Map<string, SourceDocument>();
  private readonly tokenCache = new Map<string, Token[]>();
  private changes = 0;

  get version(): number {
    return this.changes;
  }

  upsert(path: string, text: string, hash?: string): SourceDocument {
    const document = analyzeSource(path, text, hash);
    const termIds: number[] = [];
    const starts = [0];
    for (const sentence of document.sentences) {
      visitIndexTerms(sentence.text, (term) => termIds.push(this.index.termId(term)));
      starts.push(termIds.length);
    }
    this.store({ document, termIds: Uint32Array.from(termIds), sentenceTermStarts: Uint32Array.from(starts) });
    return document;
  }

  remove(path: string): boolean {
    const document = this.byPath.get(path);
    if (!document) return false;
    this.index.remove(path);
    this.byPath.delete(path);
    if (this.byId.get(document.metadata.id) === document) this.byId.delete(document.metadata.id);
    this.tokenCache.delete(path);
    this.changes++;
    return true;
  }

  /** A document by path or by citation key. */
  get(pathOrId: string): SourceDocument | undefined {
    return this.byPath.get(pathOrId) ?? this.byId.get(pathOrId);
  }

  documents(): SourceDocument[] {
    return [...this.byPath.values()];
  }

  get size(): number {
    return this.byPath.size;
  }

  /** The sentences that best match a text (BM25 over stems of content words). */
  search(text: string, limit: number, restrictToPath?: string): PassageHit[] {
    return this.searchTokens(tokenize(text), limit, restrictToPath);
  }

  searchTokens(tokens: readonly Token[], limit: number, restrictToPath?: string): PassageHit[] {
    const ids = indexTermsOfTokens(tokens)
      .map((term) => this.index.lookupTerm(term))
      .filter((id): id is number => id !== undefined);
    return this.index.search(ids, limit, restrictToPath).map((hit) => this.toPassage(hit));
  }

  /** Inverse sentence frequency of a word's stem; high for words few sentences use. */
  rarity(stem: string): number {
    const id = this.index.lookupTerm(stem);
    return id === undefined ? this.index.idf(-1) : this.index.idf(id);
  }

  /**
   * Every place where the words of `phrase` (normalised forms, in order) stand contiguously in a source.
   * Candidates come from the sentences that hold the phrase's rarest stems, so the corpus is never scanned.
   */
  findPhrase(phrase: readonly Token[], limit = 20): PhraseMatch[] {
    if (phrase.length === 0) return [];
    const ids = indexTermsOfTokens(phrase).map((term) => this.index.lookupTerm(term));
    // A content word that no source has: no source has the phrase.
    if (ids.some((id) => id === undefined)) return [];
    // The documents holding the phrase's rarest indexed word (the phrase may span sentences).
    const rarest = (ids as number[]).sort((a, b) => this.index.idf(b) - this.index.idf(a))[0];
    const paths = rarest === undefined ? [...this.byPath.keys()] : this.index.documentsWith(rarest);
    const matches: PhraseMatch[] = [];
    for (const path of paths) {
      const document = this.byPath.get(path)!;
      const tokens = this.tokensOf(document);
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        let j = 0;
        while (j < phrase.length && tokens[i + j].norm === phrase[j].norm) j++;
        if (j === phrase.length) matches.push({ document, tokenStart: i, tokenEnd: i + j });
        if (matches.length >= limit) return matches;
      }
    }
    return matches;
  }

  /** A document's word tokens (cached for the most recently used documents). */
  tokensOf(document: SourceDocument): Token[] {
    const cached = this.tokenCache.get(document.path);
    if (cached) {
      this.tokenCache.delete(document.path);
      this.tokenCache.set(document.path, cached);
      return cached;
    }
    const tokens = tokenize(document.text);
    this.tokenCache.set(document.path, tokens);
    if (this.tokenCache.size > TOKEN_CACHE_LIMIT) this.tokenCache.delete(this.tokenCache.keys().next().value!);
    return tokens;
  }

  exportState(): LibraryState {
    return {
      formatVersion: INDEX_FORMAT_VERSION,
      terms: this.index.terms.slice(),
      documents: this.documents().map((document) => {
        const indexed = this.index.get(document.path)!;
        return { document, termIds: indexed.termIds, sentenceTermStarts: indexed.sentenceTermStarts };
      }),
    };
  }

  static importState(state: LibraryState): SourceLibrary {
    if (state.formatVersion !== INDEX_FORMAT_VERSION) {
      throw new Error(`index format ${state.formatVersion} is not ${INDEX_FORMAT_VERSION}`);
    }
    const library = new SourceLibrary();
    const ids = state.terms.map((term) => library.index.termId(term));
    for (const persisted of state.documents) {
      const termIds = persisted.termIds.map((id) => ids[id]);
      library.store({ ...persisted, termIds });
    }
    return library;
  }

  private store(persisted: PersistedDocument): void {
    const { document } = persisted;
    if (this.byPath.has(document.path)) this.remove(document.path);
    this.index.add({ key: document.path, termIds: persisted.termIds, sentenceTermStarts: persisted.sentenceTermStarts });
    this.byPath.set(document.path, document);
    if (!this.byId.has(document.metadata.id)) this.byId.set(document.metadata.id, document);
    this.changes++;
  }

  private toPassage(hit: SentenceHit): PassageHit {
    return { document: this.byPath.get(hit.key)!, sentence: hit.sentence, score: hit.score };
  }
}

export async function loadLibrary(
  inputs: string[],
  options?: LoadOptions,
): Promise<{ library: SourceLibrary; warnings: SourceWarning[] }> {
  const { files, warnings } = await readSourceFiles(inputs, options);
  const library = new SourceLibrary();
  for (const file of files) library.upsert(file.path, file.text, file.hash);
  return { library, warnings };
}
