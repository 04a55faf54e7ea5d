// The on-disk form of a persisted library (LibraryState), built for a fast warm start and for never trusting a
// damaged file. Layout, little-endian:
//
//   header (32 bytes): magic "GWINDEX\n" | container version u32 | index format version u32 |
//                      byte-order probe u32 | crc32 of payload u32 | payload length u64
//   payload:           u32 count | count u32 numbers | u32 length | JSON | document texts (UTF-8, back to back)
//
// The numbers region holds every document's term ids, sentence term starts and sentence spans as raw u32s, so a
// warm start copies them in one go instead of parsing millions of JSON numbers. Sentence and document texts are
// stored once: a sentence's text is re-sliced from its document's text.
import { crc32 } from 'node:zlib';
import type { LibraryState, PersistedDocument } from '../library.js';
import type { FileStamp } from '../sources/load.js';
import type { Sentence, SourceDocument } from '../types.js';
import { withoutUnusedTerms } from './state.js';

/** Bump when this layout changes. (What the index stores is versioned separately by INDEX_FORMAT_VERSION.) */
export const CACHE_FORMAT_VERSION = 2;

const MAGIC = Buffer.from('GWINDEX\n', 'latin1');
const HEADER_BYTES = 32;
const BYTE_ORDER_PROBE = 0x01020304;

/** Any reason a cache file cannot be used: it is then rebuilt, never partly trusted. */
export class InvalidCacheError extends Error {}

/** What the JSON part says about one document; its text, sentence spans and term ids live in the binary parts. */
interface DocumentRecord {
  /** The document without `text` and, when they are stored as numbers, without `sentences`. */
  fields: Omit<SourceDocument, 'text' | 'sentences'> & { sentences?: Sentence[] };
  textBytes: number;
  /** Sentences stored in the numbers region (absent when they are kept in `fields` as JSON). */
  packedSentences?: number;
  termCount: number;
  /** The size and modification time of the file the document was read from, when the writer knew them. */
  stamp?: FileStamp;
}

interface Manifest {
  terms: string[];
  documents: DocumentRecord[];
}

/** A decoded cache file: the library's state, and the stamp of each document's file by path (where known). */
export interface CachedLibrary {
  state: LibraryState;
  stamps: Map<string, FileStamp>;
}

/**
 * The file's bytes, in pieces to write one after the other (no single copy of a corpus-sized buffer). `stamps`:
 * the size and modification time each document's file had when it was read, so that a warm start can reuse the
 * document without reading the file again.
 */
export function encodeLibraryState(full: LibraryState, stamps: ReadonlyMap<string, FileStamp> = new Map()): Buffer[] {
  const state = withoutUnusedTerms(full);
  const records: DocumentRecord[] = [];
  const texts: Buffer[] = [];
  let numberCount = 0;
  for (const { document, termIds, sentenceTermStarts } of state.documents) {
    const { text, sentences, ...rest } = document;
    const packable = sentences.every((sentence) => isPackable(sentence, text));
    const textBuffer = Buffer.from(text, 'utf8');
    texts.push(textBuffer);
    records.push({
      fields: packable ? rest : { ...rest, sentences },
      textBytes: textBuffer.length,
      packedSentences: packable ? sentences.length : undefined,
      termCount: termIds.length,
      stamp: stampOf(stamps, document.path),
    });
    numberCount += termIds.length + sentenceTermStarts.length + (packable ? sentences.length * 3 : 0);
  }

  const numbers = new Uint32Array(numberCount);
  let at = 0;
  state.documents.forEach(({ document, termIds, sentenceTermStarts }, i) => {
    numbers.set(termIds, at);
    at += termIds.length;
    numbers.set(sentenceTermStarts, at);
    at += sentenceTermStarts.length;
    if (records[i].packedSentences === undefined) return;
    for (const { span, paragraph } of document.sentences) {
      numbers[at++] = span.start;
      numbers[at++] = span.end;
      numbers[at++] = paragraph;
    }
  });

  const manifest = Buffer.from(JSON.stringify({ terms: state.terms, documents: records } satisfies Manifest), 'utf8');
  const payload = [
    u32(numbers.length),
    Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength),
    u32(manifest.length),
    manifest,
    ...texts,
  ];
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(CACHE_FORMAT_VERSION, 8);
  header.writeUInt32LE(state.formatVersion, 12);
  // Written in the machine's own byte order, like the numbers region: a reader of the other order sees it flipped.
  Buffer.from(new Uint32Array([BYTE_ORDER_PROBE]).buffer).copy(header, 16);
  header.writeUInt32LE(payload.reduce((crc, chunk) => crc32(chunk, crc), 0), 20);
  header.writeBigUInt64LE(BigInt(payload.reduce((length, chunk) => length + chunk.length, 0)), 24);
  return [header, ...payload];
}

/**
 * The state stored in `file`, after checking that it is one of ours, of this layout and of `indexFormatVersion`,
 * complete and unchanged (crc32) and internally consistent. Throws InvalidCacheError otherwise.
 */
export function decodeLibraryState(file: Buffer, indexFormatVersion: number): CachedLibrary {
  if (file.length < HEADER_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new InvalidCacheError('not a Groundwork index cache');
  }
  const containerVersion = file.readUInt32LE(8);
  if (containerVersion !== CACHE_FORMAT_VERSION) {
    throw new InvalidCacheError(`cache layout ${containerVersion}, expected ${CACHE_FORMAT_VERSION}`);
  }
  const formatVersion = file.readUInt32LE(12);
  if (formatVersion !== indexFormatVersion) {
    throw new InvalidCacheError(`index format ${formatVersion}, expected ${indexFormatVersion}`);
  }
  if (new Uint32Array(new Uint8Array(file.subarray(16, 20)).buffer)[0] !== BYTE_ORDER_PROBE) {
    throw new InvalidCacheError('written on a machine of another byte order');
  }
  const payload = file.subarray(HEADER_BYTES);
  if (file.readBigUInt64LE(24) !== BigInt(payload.length)) throw new InvalidCacheError('truncated');
  if (crc32(payload) !== file.readUInt32LE(20)) throw new InvalidCacheError('checksum mismatch');
  try {
    return readPayload(payload, formatVersion);
  } catch (error) {
    if (error instanceof InvalidCacheError) throw error;
    throw new InvalidCacheError(`unreadable: ${(error as Error).message}`);
  }
}

function readPayload(payload: Buffer, formatVersion: number): CachedLibrary {
  const numberCount = payload.readUInt32LE(0);
  const numbersEnd = 4 + numberCount * 4;
  // A copy, not a view: the numbers then own a compact buffer and the file's bytes can be freed.
  const numbers = new Uint32Array(numberCount);
  new Uint8Array(numbers.buffer).set(payload.subarray(4, numbersEnd));
  const manifestLength = payload.readUInt32LE(numbersEnd);
  const manifestEnd = numbersEnd + 4 + manifestLength;
  const manifest = JSON.parse(payload.toString('utf8', numbersEnd + 4, manifestEnd)) as Manifest;

  let textAt = manifestEnd;
  let at = 0;
  const stamps = new Map<string, FileStamp>();
  const documents = manifest.documents.map((record): PersistedDocument => {
    const text = payload.toString('utf8', textAt, (textAt += record.textBytes));
    const termIds = numbers.subarray(at, (at += record.termCount));
    const sentenceCount = record.packedSentences ?? record.fields.sentences?.length ?? -1;
    const sentenceTermStarts = numbers.subarray(at, (at += sentenceCount + 1));
    let sentences = record.fields.sentences;
    if (record.packedSentences !== undefined) {
      sentences = new Array<Sentence>(sentenceCount);
      for (let i = 0; i < sentenceCount; i++, at += 3) {
        const span = { start: numbers[at], end: numbers[at + 1] };
        sentences[i] = { span, text: text.slice(span.start, span.end), paragraph: numbers[at + 2] };
      }
    }
    const document = { ...record.fields, text, sentences } as SourceDocument;
    checkConsistent(document, termIds, sentenceTermStarts, manifest.terms.length);
    if (record.stamp) stamps.set(document.path, record.stamp);
    return { document, termIds, sentenceTermStarts };
  });
  if (at !== numberCount || textAt !== payload.length) throw new InvalidCacheError('sections do not add up');
  return { state: { formatVersion, terms: manifest.terms, documents }, stamps };
}

// The checksum catches damage; this catches a file that is intact but describes an impossible index, which would
// otherwise surface later as wrong search results rather than as a rebuild.
function checkConsistent(document: SourceDocument, termIds: Uint32Array, starts: Uint32Array, termCount: number): void {
  const fail = (what: string) => {
    throw new InvalidCacheError(`${document.path ?? 'a document'}: ${what}`);
  };
  if (typeof document.path !== 'string' || typeof document.hash !== 'string' || !Array.isArray(document.sentences)) {
    fail('missing fields');
  }
  if (starts.length !== document.sentences.length + 1 || starts[0] !== 0 || starts[starts.length - 1] !== termIds.length) {
    fail('sentence term starts do not match');
  }
  for (let i = 1; i < starts.length; i++) if (starts[i] < starts[i - 1]) fail('sentence term starts go backwards');
  for (const id of termIds) if (id >= termCount) fail('unknown term id');
  for (const { span } of document.sentences) if (span.end > document.text.length || span.start > span.end) fail('bad span');
}

function isPackable(sentence: Sentence, text: string): boolean {
  return (
    Object.keys(sentence).length === 3 &&
    Number.isInteger(sentence.paragraph) &&
    sentence.paragraph >= 0 &&
    sentence.text === text.slice(sentence.span.start, sentence.span.end) &&
    Object.keys(sentence.span).length === 2
  );
}

function stampOf(stamps: ReadonlyMap<string, FileStamp>, path: string): FileStamp | undefined {
  const stamp = stamps.get(path);
  return stamp && { size: stamp.size, mtimeMs: stamp.mtimeMs };
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value);
  return buffer;
}
