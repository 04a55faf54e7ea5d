// One source file's text -> a SourceDocument: metadata, sentences with offsets, quotations with speakers.
import { createHash } from 'node:crypto';
import { attributeSpeakers } from '../extract/speakers.js';
import { findQuotations } from '../extract/quotations.js';
import { splitParagraphs, splitSentences } from '../text/sentences.js';
import type { SourceDocument } from '../types.js';
import { readMetadata } from './metadata.js';

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function analyzeSource(path: string, text: string, hash = hashText(text)): SourceDocument {
  const { metadata, body } = readMetadata(path, text);
  const blocks = splitParagraphs(text)
    .filter((block) => block.end > body.start)
    .map((block) => ({ start: Math.max(block.start, body.start), end: block.end }));
  const sentences = splitSentences(text, blocks);
  const quotations = attributeSpeakers(text, findQuotations(text, blocks), sentences);
  return { path, hash, text, metadata, sentences, quotations };
}
