// A document's text and sentences in the form the cache file holds them, and their decoding. A warm start keeps
// restored documents this way, and the library decodes one when it first hands it out (library.ts): decoding
// every document at load built ~400,000 sentence objects and 10,000 text strings at 10,000 documents, ~0.5 s of
// a 1 s warm start, for documents a session may never read (a full check of the bench draft reads a third). The
// bytes are in memory, checked against their crc32 at load, so decoding them later reads no file and cannot fail.
import type { Sentence, SourceDocument } from '../types.js';

/** A document's fields but its text and sentences: what is known of a stored document before it is decoded. */
export type DocumentHeader = Omit<SourceDocument, 'text' | 'sentences'>;

export interface StoredText {
  /** The text in Latin-1 (one byte a character) when there are as many bytes as characters, in UTF-8 otherwise. */
  bytes: Buffer;
  /** The text's length in UTF-16 code units. */
  length: number;
  /** crc32 of `bytes`, as the file stores it. */
  crc: number;
  /**
   * (start, end, paragraph) per sentence, each sentence's text being its span of the document's; or the sentences
   * themselves when they are not of that shape.
   */
  sentences: Uint32Array | Sentence[];
}

export function decodeStoredDocument(header: DocumentHeader, stored: StoredText): SourceDocument {
  const text = stored.bytes.toString(stored.bytes.length === stored.length ? 'latin1' : 'utf8');
  const sentences = Array.isArray(stored.sentences) ? stored.sentences : unpackSentences(stored.sentences, text);
  return { ...header, text, sentences };
}

/** Sentences from (start, end, paragraph) triples, each sentence's text sliced from its document's. */
function unpackSentences(triples: Uint32Array, text: string): Sentence[] {
  const sentences = new Array<Sentence>(triples.length / 3);
  for (let i = 0, at = 0; at < triples.length; i++, at += 3) {
    const span = { start: triples[at], end: triples[at + 1] };
    sentences[i] = { span, text: text.slice(span.start, span.end), paragraph: triples[at + 2] };
  }
  return sentences;
}
