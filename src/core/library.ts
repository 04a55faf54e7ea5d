// The analysed source documents and their passage index. Everything a check needs to know about the sources
// goes through here; one file can be added, replaced or removed without touching the others.
import { TermDictionary } from './index/dictionary.js';
import { PassageIndex, type CorpusStatistics, type IndexedDocument, type SentenceHit } from './index/passage-index.js';
import { indexTermsOfTokens, visitIndexTerms } from './index/terms.js';
import { readSourceFiles, type LoadOptions, type SourceFile } from './sources/load.js';
import { analyzeSource, hashText } from './sources/analyze.js';
import { isContentToken, tokenize, type Token } from './text/normalize.js';
import { phraseMatchesIn, type SentenceRun } from './sources/phrase-matches.js';
import { sentencesAround } from './sources/sentence-window.js';
import { decodeStoredDocument, type DocumentHeader, type StoredText } from './cache/stored-document.js';
import type { SourceDocument, SourceWarning, Span } from './types.js';

/** Bump when analysis or indexing changes what is stored: persisted indexes of another version are rebuilt. */
export const INDEX_FORMAT_VERSION = 3;

export interface PersistedDocument {
  document: SourceDocument;
  termIds: Uint32Array;
  sentenceTermStarts: Uint32Array;
}

/** A document restored from the cache, its text and sentences still as the file stores them (stored-document.ts). */
export interface StoredDocument {
  document: DocumentHeader;
  stored: StoredText;
  termIds: Uint32Array;
  sentenceTermStarts: Uint32Array;
}

export type AnyPersistedDocument = PersistedDocument | StoredDocument;

/** A document with each sentence's index terms in order, analysed elsewhere (a team corpus stores them). */
export interface AnalysedDocument {
  document: SourceDocument;
  /**
   * Each sentence's terms separated by spaces (no term holds one): split only here, each term's string dies as
   * soon as it has its id, where 465,000 of them held until a round's documents were indexed cost the garbage
   * collector more than decoding them (853 documents at 100,000).
   */
  sentenceTerms: readonly string[];
}

/** `Document`: StoredDocument too, for a state that comes from the cache. */
export interface LibraryState<Document extends AnyPersistedDocument = PersistedDocument> {
  formatVersion: number;
  terms: string[];
  documents: Document[];
}

export interface PassageHit {
  document: SourceDocument;
  sentence: number;
  score: number;
}

/** A run of source words that equals a run of query words. */
export interface PhraseMatch {
  document: SourceDocument;
  /** From the first matched word's start to the last one's end. */
  span: Span;
}

export class SourceLibrary {
  private readonly index = new PassageIndex();
  /** A restored document stays stored until it is first handed out (`read`). */
  private readonly byPath = new Map<string, SourceDocument | StoredDocument>();
  /** Citation key -> path. */
  private readonly byId = new Map<string, string>();
  private changes = 0;

  get version(): number {
    return this.changes;
  }

  upsert(path: string, text: string, hash?: string): SourceDocument {
    const persisted = analyseForIndex({ path, text, hash: hash ?? hashText(text) }, (term) => this.index.termId(term));
    this.store(persisted);
    this.index.add(indexedOf(persisted));
    return persisted.document;
  }

  /** Adds documents analysed elsewhere (a team corpus stores each sentence's index terms), indexed in one go. */
  addAllAnalysed(documents: readonly AnalysedDocument[]): void {
    const persisted = documents.map(({ document, sentenceTerms }) => {
      const termIds: number[] = [];
      const starts = [0];
      for (const terms of sentenceTerms) {
        if (terms !== '') for (const term of terms.split(' ')) termIds.push(this.index.termId(term));
        starts.push(termIds.length);
      }
      return { document, termIds: Uint32Array.from(termIds), sentenceTermStarts: Uint32Array.from(starts) };
    });
    for (const each of persisted) this.store(each);
    this.index.addAll(persisted.map(indexedOf));
  }

  remove(path: string): boolean {
    const held = this.byPath.get(path);
    if (!held) return false;
    this.index.remove(path);
    this.byPath.delete(path);
    const { id } = headerOf(held).metadata;
    if (this.byId.get(id) === path) this.byId.delete(id);
    this.changes++;
    return true;
  }

  /** A document by path or by citation key. */
  get(pathOrId: string): SourceDocument | undefined {
    const path = this.byPath.has(pathOrId) ? pathOrId : this.byId.get(pathOrId);
    return path === undefined ? undefined : this.read(path);
  }

  /** Every document, decoded: for paths and metadata alone, `headers()` decodes none. */
  documents(): SourceDocument[] {
    return [...this.byPath.keys()].map((path) => this.read(path));
  }

  /** Every document's path, hash and metadata. */
  headers(): DocumentHeader[] {
    return [...this.byPath.values()].map(headerOf);
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

  /** Whether a document uses a content word's stem anywhere (a look at its indexed terms, not its text). */
  uses(document: SourceDocument, stem: string): boolean {
    const id = this.index.lookupTerm(stem);
    return id !== undefined && this.index.get(document.path)?.termIds.includes(id) === true;
  }

  /** Whether any source uses a content word's stem. */
  anyUses(stem: string): boolean {
    return this.index.termFrequency(stem) > 0;
  }

  /** Inverse sentence frequency of a word's stem; high for words few sentences use. */
  rarity(stem: string): number {
    return this.index.termIdf(stem);
  }

  /**
   * Ranks and weighs words by a larger corpus's statistics than the documents held here (a team corpus's, of
   * which this library caches passages); undefined: by its own.
   */
  useStatistics(statistics: CorpusStatistics | undefined): void {
    this.index.statistics = statistics;
  }

  /** This library's own statistics, for combining with another corpus's. */
  ownStatistics(): CorpusStatistics {
    return {
      sentences: this.index.sentenceCount,
      terms: this.index.termCount,
      frequency: (term) => {
        const id = this.index.lookupTerm(term);
        return id === undefined ? 0 : this.index.sentenceFrequency(id);
      },
    };
  }

  /**
   * Every place where the words of `phrase` (normalised forms, in order) stand contiguously in a source, in index
   * order. Only the text around the sentences that hold the phrase's rarest word is read, never whole documents.
   */
  findPhrase(phrase: readonly Token[], limit = 20): PhraseMatch[] {
    if (phrase.length === 0) return [];
    const ids = indexTermsOfTokens(phrase).map((term) => this.index.lookupTerm(term));
    // A content word that no source has: no source has the phrase.
    if (ids.some((id) => id === undefined)) return [];
    const byRarity = [...new Set(ids as number[])].sort((a, b) => this.index.idf(b) - this.index.idf(a));
    const [rarest] = byRarity;
    if (rarest === undefined) return this.findFunctionWords(phrase, limit);
    const anchor = phrase.findIndex((token) => isContentToken(token) && token.stem === this.index.terms[rarest]);
    const matches: PhraseMatch[] = [];
    for (const run of this.phraseWindows(byRarity, phrase)) {
      const key = run.document.path;
      for (const span of phraseMatchesIn(run, phrase, anchor, (sentence) =>
        this.sentencesUseAll(key, sentence, sentence, [rarest]),
      )) {
        matches.push({ document: run.document, span });
        if (matches.length >= limit) return matches;
      }
    }
    return matches;
  }

  /** findPhrase for a phrase of function words only ("as it is"), which the index does not hold: every document is read. */
  private findFunctionWords(phrase: readonly Token[], limit: number): PhraseMatch[] {
    const matches: PhraseMatch[] = [];
    for (const path of this.byPath.keys()) {
      const document = this.read(path);
      const tokens = tokenize(document.text);
      for (let i = 0; i + phrase.length <= tokens.length; i++) {
        if (!phrase.every((word, j) => tokens[i + j].norm === word.norm)) continue;
        matches.push({ document, span: { start: tokens[i].span.start, end: tokens[i + phrase.length - 1].span.end } });
        if (matches.length >= limit) return matches;
      }
    }
    return matches;
  }

  /**
   * Where a phrase can stand: around each sentence holding its rarest word (as far on either side as the phrase is
   * long, since it may span sentences) when the sentences there hold its other words too, overlapping runs merged.
   */
  private *phraseWindows(byRarity: number[], phrase: readonly Token[]): Generator<SentenceRun> {
    const [rarest, ...others] = byRarity;
    // Source and draft may space and punctuate the same words differently: leave room.
    const reach = 2 * (phrase[phrase.length - 1].span.end - phrase[0].span.start) + 100;
    let current: SentenceRun | undefined;
    // A document without the second rarest word cannot hold the phrase.
    for (const { key, sentence } of this.index.sentencesWith(rarest, others[0])) {
      const document = this.read(key);
      const { span } = document.sentences[sentence];
      const { first, last } = sentencesAround(document, span.start - reach, span.end + reach);
      if (!this.sentencesUseAll(key, first, last, others)) continue;
      if (
        current?.document === document &&
        document.sentences[first].span.start <= document.sentences[current.last].span.end
      ) {
        current.last = Math.max(current.last, last);
        continue;
      }
      if (current) yield current;
      current = { document, first, last };
    }
    if (current) yield current;
  }

  /** Whether sentences first..last of a document hold every one of the terms. */
  private sentencesUseAll(key: string, first: number, last: number, termIds: readonly number[]): boolean {
    const { termIds: terms, sentenceTermStarts } = this.index.get(key)!;
    const used = terms.subarray(sentenceTermStarts[first], sentenceTermStarts[last + 1]);
    return termIds.every((id) => used.includes(id));
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

  static importState<T extends SourceLibrary>(this: new () => T, state: LibraryState<AnyPersistedDocument>): T {
    if (state.formatVersion !== INDEX_FORMAT_VERSION) {
      throw new Error(`index format ${state.formatVersion} is not ${INDEX_FORMAT_VERSION}`);
    }
    const library = new this();
    // Into an empty dictionary the state's terms get their own ids, so its term arrays are used as they are.
    const ids = state.terms.map((term) => library.index.termId(term));
    const documents = ids.every((id, old) => id === old)
      ? state.documents
      : state.documents.map((persisted) => ({ ...persisted, termIds: persisted.termIds.map((id) => ids[id]) }));
    for (const persisted of documents) library.store(persisted);
    library.index.addAll(documents.map(indexedOf));
    return library;
  }

  /** Keeps a document's analysis (its index entry is made by the caller). */
  private store(persisted: AnyPersistedDocument): void {
    const { document } = persisted;
    if (this.byPath.has(document.path)) this.remove(document.path);
    this.byPath.set(document.path, 'stored' in persisted ? persisted : persisted.document);
    if (!this.byId.has(document.metadata.id)) this.byId.set(document.metadata.id, document.path);
    this.changes++;
  }

  /** The document at a path held here, decoded the first time it is asked for (no `version` bump: nothing changes). */
  private read(path: string): SourceDocument {
    const held = this.byPath.get(path)!;
    if (!('stored' in held)) return held;
    const document = decodeStoredDocument(held.document, held.stored);
    this.byPath.set(path, document);
    return document;
  }

  private toPassage(hit: SentenceHit): PassageHit {
    return { document: this.read(hit.key), sentence: hit.sentence, score: hit.score };
  }
}

function headerOf(held: SourceDocument | StoredDocument): DocumentHeader {
  return 'stored' in held ? held.document : held;
}

export async function loadLibrary(
  inputs: string[],
  options?: LoadOptions,
): Promise<{ library: SourceLibrary; warnings: SourceWarning[] }> {
  const { files, warnings } = await readSourceFiles(inputs, options);
  return { library: SourceLibrary.importState(analyseFiles(files)), warnings };
}

/**
 * Files analysed for the index, as a state over their own dictionary, without building the index itself: what a
 * worker thread hands back, and what a library is loaded from.
 */
export function analyseFiles(
  files: readonly SourceFile[],
  onAnalysed?: (analysed: number, file: SourceFile) => void,
): LibraryState {
  const dictionary = new TermDictionary();
  const documents = files.map((file, i) => {
    const persisted = analyseForIndex(file, (term) => dictionary.idOf(term));
    onAnalysed?.(i + 1, file);
    return persisted;
  });
  return { formatVersion: INDEX_FORMAT_VERSION, terms: dictionary.terms, documents };
}

/** One file's document, with its sentences' index terms as ids given by `termId`. */
function analyseForIndex(file: SourceFile, termId: (term: string) => number): PersistedDocument {
  const document = analyzeSource(file.path, file.text, file.hash);
  const termIds: number[] = [];
  const starts = [0];
  for (const sentence of document.sentences) {
    visitIndexTerms(sentence.text, (term) => termIds.push(termId(term)));
    starts.push(termIds.length);
  }
  return { document, termIds: Uint32Array.from(termIds), sentenceTermStarts: Uint32Array.from(starts) };
}

function indexedOf({ document, termIds, sentenceTermStarts }: AnyPersistedDocument): IndexedDocument {
  return { key: document.path, termIds, sentenceTermStarts };
}
