// One source file's text -> a SourceDocument: metadata and sentences with offsets. Its quotations (with speakers)
// are read on demand: only a quote found in a document needs them, and reading every source's quotations at
// index time cost a quarter of the build.
import { createHash } from 'node:crypto';
import { attributeSpeakers } from '../extract/speakers.js';
import { findQuotations } from '../extract/quotations.js';
import { splitParagraphs, splitSentences } from '../text/sentences.js';
import type { Quotation, SourceDocument, Span } from '../types.js';
import { readMetadata } from './metadata.js';

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function analyzeSource(path: string, text: string, hash = hashText(text)): SourceDocument {
  const { metadata, body } = readMetadata(path, text);
  const sentences = splitSentences(text, bodyBlocks(text, body));
  return { path, hash, text, metadata, sentences };
}

const quotationsByDocument = new WeakMap<SourceDocument, Quotation[]>();

/** A source's quotations with their speakers, read the first time they are asked for. */
export function sourceQuotations(document: SourceDocument): Quotation[] {
  let quotations = quotationsByDocument.get(document);
  if (!quotations) {
    const { text, path, sentences } = document;
    const blocks = bodyBlocks(text, readMetadata(path, text).body);
    quotations = attributeSpeakers(text, findQuotations(text, blocks), sentences);
    quotationsByDocument.set(document, quotations);
  }
  return quotations;
}

/** The paragraphs after any front matter. */
function bodyBlocks(text: string, body: Span): Span[] {
  return splitParagraphs(text)
    .filter((block) => block.end > body.start)
    .map((block) => ({ start: Math.max(block.start, body.start), end: block.end }));
}
