// Finding the source passages a claim rests on: the best-ranked sentence of each candidate document, grown by
// the sentences of that document that bring claim words the window does not have yet (true summaries merge
// facts from several source sentences).
import { isCommonStem } from '../extract/names.js';
import { synsetsOf } from '../extract/synonyms.js';
import type { SourceLibrary } from '../library.js';
import { compoundParts, isContentToken, tokenize, type Token } from '../text/normalize.js';
import type { SourceDocument, Span } from '../types.js';
import { textNear } from './scan-range.js';
import { factsOf, hasWordOrSense, SourceFactsCache, type SentenceFacts } from './facts.js';

export interface EvidenceWindow {
  document: SourceDocument;
  /** Sentence indices, in document order. */
  sentences: number[];
  /** The best-matching sentence. */
  anchor: number;
  /** Share of the claim's (rarity-weighted) words that the window contains, or a synonym of, 0..1. */
  coverage: number;
  /** The same, counting only the claim's own words (stems), not synonyms. */
  exactCoverage: number;
  /** Share of the claim's words in the anchor sentence alone. */
  anchorCoverage: number;
  retrieval: number;
}

export interface LexicalOverlap {
  unigram: number;
  bigram: number;
  trigram: number;
  /** Claim content words the document never uses. */
  novel: number;
  /** Of those, the ones that are not common English: likely names or terms the source never mentions. */
  novelUncommon: number;
}

interface DocumentVocabulary {
  stems: Set<string>;
  pairs: Set<string>;
  triples: Set<string>;
}

const DOCUMENTS_CONSIDERED = 3;
const VOCABULARY_CACHE_LIMIT = 256;
const KEY_STEM_BONUS = 0.25;
const WINDOW_SENTENCES = 3;
const MIN_NEW_SHARE = 0.12;

export class EvidenceFinder {
  private readonly facts = new SourceFactsCache();
  private readonly vocabularies = new Map<string, DocumentVocabulary>();

  constructor(readonly library: SourceLibrary) {}

  sentenceFacts(document: SourceDocument, sentence: number): SentenceFacts {
    return this.facts.get(`${document.path}\0${document.hash}\0${sentence}`, () =>
      factsOf(document.text, document.sentences[sentence].span, document.metadata.date),
    );
  }

  weight(stem: string): number {
    return this.library.rarity(stem);
  }

  /** How much of a claim's wording a document has anywhere (near `anchor`: scan-range.ts): the lexical floor a model leans on. */
  lexicalOverlap(document: SourceDocument, claimTokens: readonly Token[], anchor: number): LexicalOverlap {
    const vocabulary = this.vocabularyOf(document, textNear(document, anchor));
    const content = claimTokens.filter(isContentToken);
    const pairs = claimTokens.slice(1).map((token, i) => `${claimTokens[i].norm} ${token.norm}`);
    const triples = claimTokens
      .slice(2)
      .map((token, i) => `${claimTokens[i].norm} ${claimTokens[i + 1].norm} ${token.norm}`);
    const share = (items: string[], set: Set<string>) =>
      items.length ? items.filter((item) => set.has(item)).length / items.length : 1;
    const novel = content.filter((t) => !vocabulary.stems.has(t.stem));
    return {
      unigram: share(
        content.map((t) => t.stem),
        vocabulary.stems,
      ),
      bigram: share(pairs, vocabulary.pairs),
      trigram: share(triples, vocabulary.triples),
      novel: novel.length,
      novelUncommon: novel.filter((t) => !isCommonStem(t.stem)).length,
    };
  }

  private vocabularyOf(document: SourceDocument, span: Span): DocumentVocabulary {
    const key = `${document.path}\0${document.hash}\0${span.start}\0${span.end}`;
    let vocabulary = this.vocabularies.get(key);
    if (!vocabulary) {
      const tokens = tokenize(document.text.slice(span.start, span.end));
      vocabulary = {
        stems: new Set(tokens.map((t) => t.stem)),
        pairs: new Set(tokens.slice(1).map((token, i) => `${tokens[i].norm} ${token.norm}`)),
        triples: new Set(tokens.slice(2).map((token, i) => `${tokens[i].norm} ${tokens[i + 1].norm} ${token.norm}`)),
      };
      this.vocabularies.set(key, vocabulary);
      if (this.vocabularies.size > VOCABULARY_CACHE_LIMIT)
        this.vocabularies.delete(this.vocabularies.keys().next().value!);
    }
    return vocabulary;
  }

  /**
   * Candidate windows, best first: by coverage, with a document that names the claim's names and numbers
   * (`keyStems`) preferred over one that merely shares its common words.
   */
  find(claimWords: readonly Token[], restrictToPath?: string, keyStems: readonly string[] = []): EvidenceWindow[] {
    if (claimWords.length === 0) return [];
    const hits = this.library.searchTokens(claimWords, 40, restrictToPath);
    const byDocument = new Map<string, typeof hits>();
    for (const hit of hits) {
      const list = byDocument.get(hit.document.path) ?? [];
      list.push(hit);
      byDocument.set(hit.document.path, list);
    }
    const claimStems = new Map<string, number>();
    for (const token of claimWords) claimStems.set(token.stem, this.weight(token.stem));
    // Whether a sentence has a claim's word, a word sharing one of its senses, or each part of a hyphenated
    // word written apart ("full-year" in "full year revenues"). Read once per claim, asked of every document.
    const senses = new Map([...claimStems.keys()].map((stem) => [stem, synsetsOf(stem)]));
    const parts = new Map([...claimStems.keys()].map((stem) => [stem, compoundParts(stem)]));
    const covers = (facts: SentenceFacts, stem: string) =>
      hasWordOrSense(facts, stem, senses.get(stem)) ||
      (parts.get(stem)!.length > 0 && parts.get(stem)!.every((part) => facts.stems.has(part)));
    const windows = [...byDocument.values()]
      .slice(0, DOCUMENTS_CONSIDERED)
      .map((documentHits) => this.grow(documentHits[0].document, documentHits, claimStems, covers));
    const rank = (window: EvidenceWindow) => {
      if (keyStems.length === 0) return window.coverage;
      const named = keyStems.filter((stem) => this.library.uses(window.document, stem)).length;
      return window.coverage + KEY_STEM_BONUS * (named / keyStems.length);
    };
    return windows.sort((a, b) => rank(b) - rank(a) || b.retrieval - a.retrieval);
  }

  /** The sentences of one document that best match some words (for a fact's context), best first. */
  rankSentences(
    document: SourceDocument,
    words: readonly Token[],
    limit: number,
  ): { sentence: number; score: number }[] {
    return this.library.searchTokens(words, limit, document.path);
  }

  private grow(
    document: SourceDocument,
    hits: { sentence: number; score: number }[],
    claimStems: Map<string, number>,
    covers: (facts: SentenceFacts, stem: string) => boolean,
  ): EvidenceWindow {
    const total = [...claimStems.values()].reduce((sum, weight) => sum + weight, 0);
    const anchor = hits[0].sentence;
    const covered = new Set<string>();
    const cover = (sentence: number) => {
      const facts = this.sentenceFacts(document, sentence);
      for (const stem of claimStems.keys()) if (!covered.has(stem) && covers(facts, stem)) covered.add(stem);
    };
    cover(anchor);
    const anchorCoverage = weightOf(covered, claimStems) / total;
    const sentences = [anchor];
    const candidates = new Set(hits.map((hit) => hit.sentence));
    for (const offset of [-1, 1]) {
      const neighbour = anchor + offset;
      if (neighbour >= 0 && neighbour < document.sentences.length) candidates.add(neighbour);
    }
    while (sentences.length < WINDOW_SENTENCES) {
      let best = -1;
      let bestGain = MIN_NEW_SHARE * total;
      for (const candidate of candidates) {
        if (sentences.includes(candidate)) continue;
        const facts = this.sentenceFacts(document, candidate);
        let gain = 0;
        for (const [stem, weight] of claimStems) {
          if (!covered.has(stem) && covers(facts, stem)) gain += weight;
        }
        if (gain > bestGain) {
          best = candidate;
          bestGain = gain;
        }
      }
      if (best < 0) break;
      sentences.push(best);
      cover(best);
    }
    const exact = [...covered].filter((stem) => sentences.some((s) => this.sentenceFacts(document, s).stems.has(stem)));
    return {
      document,
      sentences: sentences.sort((a, b) => a - b),
      anchor,
      coverage: weightOf(covered, claimStems) / total,
      exactCoverage: weightOf(new Set(exact), claimStems) / total,
      anchorCoverage,
      retrieval: hits[0].score,
    };
  }
}

function weightOf(stems: Set<string>, weights: Map<string, number>): number {
  let sum = 0;
  for (const stem of stems) sum += weights.get(stem) ?? 0;
  return sum;
}
