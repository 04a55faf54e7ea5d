// The on-disk form of a persisted library (LibraryState), built for a fast warm start and for never trusting a
// damaged file. Layout:
//
//   header (32 bytes, little-endian): magic "GWINDEX\n" | layout version u32 | index format version u32 |
//                      byte-order probe u32 | crc32 of payload u32 | payload length u64
//   payload (in the writer's byte order, which the probe checks):
//     counts           u32 documents | u32 numbers | u32 manifest bytes
//     stamps           per document f64 size, f64 mtime (ms) of the file it was read from; NaN when not known
//     numbers          per document u32 text bytes, text length (UTF-16), term count, packed sentence count
//                      (NOT_PACKED when the sentences are in the manifest); then per document its term ids,
//                      sentence term starts and sentences (start, end, paragraph)
//     manifest         JSON: the dictionary, and per document its remaining fields
//     texts            the texts whose characters are all Latin-1, in Latin-1 (one byte a character), then the
//                      others in UTF-8, each group in document order
//
// The numbers region holds every document's term ids, sentence term starts and sentence spans as raw u32s, so a
// warm start copies them in one go instead of parsing millions of JSON numbers. Sentence and document texts are
// stored once: a sentence's text is re-sliced from its document's text.
//
// A warm start reads each region straight into where it is used, checksumming it a slice at a time while the
// slice is still in the CPU cache: reading the 55 MB file of 10,000 documents into one buffer, checksumming that
// and copying the numbers out of it cost 400-600 ms, on a machine where touching fresh memory is slow. Texts are
// decoded a run of documents at a time, each document's text a slice of its run: one decode per megabyte, not
// per document, and run strings are too large for the young generation, so the garbage collector does not copy
// them twice as it did every document's string. Latin-1 texts are decoded apart from wider ones: a run mixing
// them would make all its strings two-byte.
import { crc32 } from 'node:zlib';
import type { LibraryState, PersistedDocument } from '../library.js';
import type { FileStamp } from '../sources/load.js';
import type { Sentence, SourceDocument } from '../types.js';
import { withoutUnusedTerms } from './state.js';

/** Bump when this layout changes. (What the index stores is versioned separately by INDEX_FORMAT_VERSION.) */
export const CACHE_FORMAT_VERSION = 3;

const MAGIC = Buffer.from('GWINDEX\n', 'latin1');
const HEADER_BYTES = 32;
const BYTE_ORDER_PROBE = 0x01020304;
const COUNTS = 3;
// The per-document columns at the start of the numbers region.
const COLUMNS = 4;
const TEXT_BYTES = 0;
const TEXT_LENGTH = 1;
const TERM_COUNT = 2;
const PACKED_SENTENCES = 3;
const NOT_PACKED = 0xffffffff;
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
// Read and checksummed this much at a time: small enough to stay in the CPU cache between the two.
const SLICE_BYTES = 1 << 20;
// Texts are decoded this much at a time. A run's string lives as long as any document sliced from it, so a
// replaced document keeps at most this much text alive.
const RUN_BYTES = 1 << 20;

/** Any reason a cache file cannot be used: it is then rebuilt, never partly trusted. */
export class InvalidCacheError extends Error {}

/** A decoded cache file: the library's state, and the stamp of each document's file by path (where known). */
export interface CachedLibrary {
  state: LibraryState;
  stamps: Map<string, FileStamp>;
}

/** Reads up to `target.length` bytes from byte `position` of the file into `target`; returns how many (0 at its end). */
export type ReadAt = (target: Uint8Array, position: number) => number;

/** A document's fields as the manifest holds them: without `text` and, when packed as numbers, `sentences`. */
type DocumentFields = Omit<SourceDocument, 'text' | 'sentences'> & { sentences?: Sentence[] };

interface Manifest {
  terms: string[];
  documents: DocumentFields[];
}

/**
 * The file's bytes, in pieces to write one after the other (no single copy of a corpus-sized buffer). `stamps`:
 * the size and modification time each document's file had when it was read, so that a warm start can reuse the
 * document without reading the file again.
 */
export function encodeLibraryState(full: LibraryState, stamps: ReadonlyMap<string, FileStamp> = new Map()): Buffer[] {
  const state = withoutUnusedTerms(full);
  const fields: DocumentFields[] = [];
  const latin1Texts: Buffer[] = [];
  const otherTexts: Buffer[] = [];
  const spans: (Uint32Array | undefined)[] = [];
  const columns = new Uint32Array(state.documents.length * COLUMNS);
  state.documents.forEach(({ document, termIds }, i) => {
    const stored = encodedForm(document);
    (stored.latin1 ? latin1Texts : otherTexts).push(stored.bytes);
    fields.push(stored.fields);
    spans.push(stored.spans);
    const sentenceCount = stored.spans ? stored.spans.length / 3 : NOT_PACKED;
    columns.set([stored.bytes.length, stored.textLength, termIds.length, sentenceCount], i * COLUMNS);
  });
  const numbers = numbersRegion(state, columns, spans);
  const manifest = Buffer.from(JSON.stringify({ terms: state.terms, documents: fields } satisfies Manifest), 'utf8');
  const payload = [
    bytesOf(new Uint32Array([state.documents.length, numbers.length, manifest.length])),
    bytesOf(stampsRegion(state, stamps)),
    bytesOf(numbers),
    manifest,
    ...latin1Texts,
    ...otherTexts,
  ];
  return [header(payload, state.formatVersion), ...payload];
}

/** How a document is stored: its other fields, its text's bytes, and its sentences as spans when they pack. */
interface EncodedForm {
  fields: DocumentFields;
  bytes: Buffer;
  latin1: boolean;
  textLength: number;
  /** (start, end, paragraph) per sentence; undefined when the sentences go in `fields` as JSON. */
  spans?: Uint32Array;
}

// Documents decoded from a cache, with the form they were stored in: saving them again (a cache update after one
// file changed, or a worker handing its state over) copies that form instead of decoding and re-encoding them.
const storedForms = new WeakMap<SourceDocument, Omit<EncodedForm, 'fields' | 'bytes'> & { bytes: () => Buffer }>();

function encodedForm(document: SourceDocument): EncodedForm {
  const stored = storedForms.get(document);
  if (stored) {
    // Not `...document`: that would decode the text and sentences this is here to avoid.
    const fields = Object.fromEntries(
      Object.keys(document).filter((key) => key !== 'text' && key !== 'sentences').map((key) => [key, document[key as keyof SourceDocument]]),
    ) as DocumentFields;
    return { ...stored, fields, bytes: stored.bytes() };
  }
  const { text, sentences, ...rest } = document;
  const packable = sentences.every((sentence) => isPackable(sentence, text));
  const latin1 = !BEYOND_LATIN1.test(text);
  return {
    fields: packable ? rest : { ...rest, sentences },
    bytes: Buffer.from(text, latin1 ? 'latin1' : 'utf8'),
    latin1,
    textLength: text.length,
    spans: packable ? packSpans(sentences) : undefined,
  };
}

function packSpans(sentences: Sentence[]): Uint32Array {
  const spans = new Uint32Array(sentences.length * 3);
  sentences.forEach(({ span, paragraph }, i) => spans.set([span.start, span.end, paragraph], i * 3));
  return spans;
}

function numbersRegion(state: LibraryState, columns: Uint32Array, spans: (Uint32Array | undefined)[]): Uint32Array {
  let count = columns.length;
  state.documents.forEach(({ termIds, sentenceTermStarts }, i) => {
    count += termIds.length + sentenceTermStarts.length + (spans[i]?.length ?? 0);
  });
  const numbers = new Uint32Array(count);
  numbers.set(columns);
  let at = columns.length;
  state.documents.forEach(({ termIds, sentenceTermStarts }, i) => {
    for (const part of [termIds, sentenceTermStarts, spans[i]]) {
      if (!part) continue;
      numbers.set(part, at);
      at += part.length;
    }
  });
  return numbers;
}

function stampsRegion(state: LibraryState, stamps: ReadonlyMap<string, FileStamp>): Float64Array {
  const numbers = new Float64Array(state.documents.length * 2).fill(NaN);
  state.documents.forEach(({ document }, i) => {
    const stamp = stamps.get(document.path);
    if (stamp) numbers.set([stamp.size, stamp.mtimeMs], i * 2);
  });
  return numbers;
}

function header(payload: Buffer[], formatVersion: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(CACHE_FORMAT_VERSION, 8);
  header.writeUInt32LE(formatVersion, 12);
  // Written in the machine's own byte order, like the payload: a reader of the other order sees it flipped.
  bytesOf(new Uint32Array([BYTE_ORDER_PROBE])).copy(header, 16);
  header.writeUInt32LE(payload.reduce((crc, chunk) => crc32(chunk, crc), 0), 20);
  header.writeBigUInt64LE(BigInt(payload.reduce((length, chunk) => length + chunk.length, 0)), 24);
  return header;
}

/** readLibraryState for a file already in memory. */
export function decodeLibraryState(file: Buffer, indexFormatVersion: number): CachedLibrary {
  return readLibraryState((target, position) => file.copy(target, 0, position), file.length, indexFormatVersion);
}

/**
 * The state stored in a file of `size` bytes, after checking that it is one of ours, of this layout and of
 * `indexFormatVersion`, complete and unchanged (crc32) and internally consistent. Throws InvalidCacheError
 * otherwise. Nothing read is interpreted before the checksum has vouched for all of it.
 */
export function readLibraryState(readAt: ReadAt, size: number, indexFormatVersion: number): CachedLibrary {
  const header = Buffer.alloc(HEADER_BYTES);
  if (size < HEADER_BYTES || readAt(header, 0) < HEADER_BYTES || !header.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new InvalidCacheError('not a Groundwork index cache');
  }
  const containerVersion = header.readUInt32LE(8);
  if (containerVersion !== CACHE_FORMAT_VERSION) {
    throw new InvalidCacheError(`cache layout ${containerVersion}, expected ${CACHE_FORMAT_VERSION}`);
  }
  const formatVersion = header.readUInt32LE(12);
  if (formatVersion !== indexFormatVersion) {
    throw new InvalidCacheError(`index format ${formatVersion}, expected ${indexFormatVersion}`);
  }
  if (new Uint32Array(new Uint8Array(header.subarray(16, 20)).buffer)[0] !== BYTE_ORDER_PROBE) {
    throw new InvalidCacheError('written on a machine of another byte order');
  }
  if (header.readBigUInt64LE(24) !== BigInt(size - HEADER_BYTES)) throw new InvalidCacheError('truncated');
  const reader = new PayloadReader(readAt, size, header.readUInt32LE(20));
  try {
    return readPayload(reader, formatVersion);
  } catch (error) {
    if (error instanceof InvalidCacheError) throw error;
    throw new InvalidCacheError(`unreadable: ${(error as Error).message}`);
  }
}

function readPayload(reader: PayloadReader, formatVersion: number): CachedLibrary {
  const [documentCount, numberCount, manifestBytes] = reader.u32s(COUNTS);
  const fixedBytes = COUNTS * 4 + documentCount * 16 + numberCount * 4 + manifestBytes;
  if (numberCount < documentCount * COLUMNS || fixedBytes > reader.size - HEADER_BYTES) {
    return reader.failAfterChecksum('sections do not add up');
  }
  const stampNumbers = reader.f64s(documentCount * 2);
  const numbers = reader.u32s(numberCount);
  const manifestBuffer = reader.bytes(manifestBytes);
  const columns = numbers.subarray(0, documentCount * COLUMNS);
  const runs = readTextRuns(reader, columns);
  reader.checkChecksum();

  // From here on, every byte is the one the writer wrote.
  const manifest = JSON.parse(manifestBuffer.toString('utf8')) as Manifest;
  if (manifest.documents.length !== documentCount) throw new InvalidCacheError('sections do not add up');
  const { textOf, bytesOfText } = lazyTexts(runs, columns);
  let at = columns.length;
  const documents = manifest.documents.map((fields, i): PersistedDocument => {
    const termIds = numbers.subarray(at, (at += columns[i * COLUMNS + TERM_COUNT]));
    const packed = columns[i * COLUMNS + PACKED_SENTENCES];
    const sentenceCount = packed === NOT_PACKED ? (fields.sentences?.length ?? -1) : packed;
    const sentenceTermStarts = numbers.subarray(at, (at += sentenceCount + 1));
    const spans = packed === NOT_PACKED ? undefined : numbers.subarray(at, (at += packed * 3));
    checkConsistent(fields, columns[i * COLUMNS + TEXT_LENGTH], spans, termIds, sentenceTermStarts, manifest.terms.length);
    // A document's text and sentences are decoded when first read: a check reads a few hundred documents of the
    // corpus, and decoding all of them was half of a warm start.
    const document = fields as SourceDocument;
    defineLazily(document, 'text', () => textOf(i));
    if (spans) {
      defineLazily(document, 'sentences', () => unpackSentences(spans, document.text));
      const latin1 = columns[i * COLUMNS + TEXT_BYTES] === columns[i * COLUMNS + TEXT_LENGTH];
      const textLength = columns[i * COLUMNS + TEXT_LENGTH];
      const bytes = () => bytesOfText(i) ?? Buffer.from(document.text, latin1 ? 'latin1' : 'utf8');
      storedForms.set(document, { latin1, textLength, spans, bytes });
    }
    return { document, termIds, sentenceTermStarts };
  });
  if (at !== numberCount) throw new InvalidCacheError('sections do not add up');
  return { state: { formatVersion, terms: manifest.terms, documents }, stamps: stampsByPath(documents, stampNumbers) };
}

/** Defines `key` on `object` as computed on its first read (a getter that replaces itself with the value). */
function defineLazily<T extends object, K extends keyof T>(object: T, key: K, compute: () => T[K]): void {
  const settle = (value: T[K]) => {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
    return value;
  };
  Object.defineProperty(object, key, { get: () => settle(compute()), set: settle, enumerable: true, configurable: true });
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

function stampsByPath(documents: PersistedDocument[], numbers: Float64Array): Map<string, FileStamp> {
  const stamps = new Map<string, FileStamp>();
  documents.forEach(({ document }, i) => {
    const size = numbers[i * 2];
    if (!Number.isNaN(size)) stamps.set(document.path, { size, mtimeMs: numbers[i * 2 + 1] });
  });
  return stamps;
}

/** Texts stored together, and the documents (in order) whose texts they are, back to back. */
interface TextRun {
  bytes: Buffer;
  encoding: 'latin1' | 'utf8';
  documents: number[];
}

/** The texts region as runs of up to RUN_BYTES (or one larger document): read, not yet decoded. */
function readTextRuns(reader: PayloadReader, columns: Uint32Array): TextRun[] {
  const latin1: number[] = [];
  const other: number[] = [];
  let textBytes = 0;
  for (let i = 0; i < columns.length / COLUMNS; i++) {
    const bytes = columns[i * COLUMNS + TEXT_BYTES];
    // A text with a character beyond Latin-1 is stored in UTF-8, which takes more bytes than UTF-16 takes units.
    (bytes === columns[i * COLUMNS + TEXT_LENGTH] ? latin1 : other).push(i);
    textBytes += bytes;
  }
  if (textBytes !== reader.remaining) return reader.failAfterChecksum('sections do not add up');
  const runs: TextRun[] = [];
  for (const [group, encoding] of [[latin1, 'latin1'], [other, 'utf8']] as const) {
    let run: number[] = [];
    let runBytes = 0;
    const flush = () => {
      if (run.length > 0) runs.push({ bytes: reader.bytes(runBytes), encoding, documents: run });
      run = [];
      runBytes = 0;
    };
    for (const i of group) {
      const bytes = columns[i * COLUMNS + TEXT_BYTES];
      if (runBytes > 0 && runBytes + bytes > RUN_BYTES) flush();
      run.push(i);
      runBytes += bytes;
    }
    flush();
  }
  return runs;
}

/**
 * Each document's text, its whole run decoded the first time one of its documents is asked for; and its stored
 * bytes while its run is not decoded yet.
 */
function lazyTexts(runs: TextRun[], columns: Uint32Array): { textOf: (document: number) => string; bytesOfText: (document: number) => Buffer | undefined } {
  const placeOf = new Array<{ run: TextRun; at: number; byteAt: number }>(columns.length / COLUMNS);
  const decoded = new Map<TextRun, string>();
  for (const run of runs) {
    let at = 0;
    let byteAt = 0;
    for (const i of run.documents) {
      placeOf[i] = { run, at, byteAt };
      at += columns[i * COLUMNS + TEXT_LENGTH];
      byteAt += columns[i * COLUMNS + TEXT_BYTES];
    }
  }
  const textOf = (document: number) => {
    const { run, at } = placeOf[document];
    let text = decoded.get(run);
    if (text === undefined) {
      text = run.bytes.toString(run.encoding);
      const length = run.documents.reduce((sum, i) => sum + columns[i * COLUMNS + TEXT_LENGTH], 0);
      // The checksum vouches for the bytes; this would be a writer's mistake, and must not pass unnoticed.
      if (text.length !== length) throw new Error('index cache: text lengths do not add up');
      decoded.set(run, text);
      run.bytes = Buffer.alloc(0);
    }
    return text.slice(at, at + columns[document * COLUMNS + TEXT_LENGTH]);
  };
  const bytesOfText = (document: number) => {
    const { run, byteAt } = placeOf[document];
    return decoded.has(run) ? undefined : run.bytes.subarray(byteAt, byteAt + columns[document * COLUMNS + TEXT_BYTES]);
  };
  return { textOf, bytesOfText };
}

/** The payload, read front to back straight into where it is used, with a running checksum. */
class PayloadReader {
  private position = HEADER_BYTES;
  private crc = 0;
  private scratch = Buffer.alloc(0);

  constructor(
    private readonly readAt: ReadAt,
    readonly size: number,
    private readonly expectedCrc: number,
  ) {}

  get remaining(): number {
    return this.size - this.position;
  }

  u32s(count: number): Uint32Array {
    const numbers = new Uint32Array(count);
    this.fill(new Uint8Array(numbers.buffer));
    return numbers;
  }

  f64s(count: number): Float64Array {
    const numbers = new Float64Array(count);
    this.fill(new Uint8Array(numbers.buffer));
    return numbers;
  }

  bytes(count: number): Buffer {
    const bytes = Buffer.allocUnsafe(count);
    this.fill(bytes);
    return bytes;
  }

  checkChecksum(): void {
    if (this.remaining !== 0) throw new InvalidCacheError('sections do not add up');
    if (this.crc !== this.expectedCrc) throw new InvalidCacheError('checksum mismatch');
  }

  /** Reads the rest only to checksum it: a damaged file is reported as damaged, whatever it seemed to say. */
  failAfterChecksum(reason: string): never {
    while (this.remaining > 0) this.intoScratch(Math.min(this.remaining, RUN_BYTES));
    this.checkChecksum();
    throw new InvalidCacheError(reason);
  }

  private intoScratch(count: number): Buffer {
    if (this.scratch.length < count) this.scratch = Buffer.allocUnsafeSlow(Math.max(count, RUN_BYTES));
    this.fill(this.scratch.subarray(0, count));
    return this.scratch;
  }

  /** Fills `target` with the next bytes, checksumming each slice right after reading it. */
  private fill(target: Uint8Array): void {
    if (target.length > this.remaining) throw new InvalidCacheError('truncated');
    for (let done = 0; done < target.length; ) {
      const slice = target.subarray(done, Math.min(target.length, done + SLICE_BYTES));
      const read = this.readAt(slice, this.position);
      if (read === 0) throw new InvalidCacheError('truncated');
      this.crc = crc32(slice.subarray(0, read), this.crc);
      this.position += read;
      done += read;
    }
  }
}

// The checksum catches damage; this catches a file that is intact but describes an impossible index, which would
// otherwise surface later as wrong search results rather than as a rebuild. It reads the stored numbers, not the
// (not yet decoded) text and sentences.
function checkConsistent(
  fields: Partial<SourceDocument>,
  textLength: number,
  packedSpans: Uint32Array | undefined,
  termIds: Uint32Array,
  starts: Uint32Array,
  termCount: number,
): void {
  const fail = (what: string) => {
    throw new InvalidCacheError(`${fields.path ?? 'a document'}: ${what}`);
  };
  const sentenceCount = packedSpans ? packedSpans.length / 3 : fields.sentences?.length;
  if (typeof fields.path !== 'string' || typeof fields.hash !== 'string' || sentenceCount === undefined) fail('missing fields');
  if (starts.length !== sentenceCount! + 1 || starts[0] !== 0 || starts[starts.length - 1] !== termIds.length) {
    fail('sentence term starts do not match');
  }
  for (let i = 1; i < starts.length; i++) if (starts[i] < starts[i - 1]) fail('sentence term starts go backwards');
  for (const id of termIds) if (id >= termCount) fail('unknown term id');
  const badSpan = (start: number, end: number) => end > textLength || start > end;
  if (packedSpans) {
    for (let at = 0; at < packedSpans.length; at += 3) if (badSpan(packedSpans[at], packedSpans[at + 1])) fail('bad span');
  } else if (fields.sentences!.some(({ span }) => badSpan(span.start, span.end))) fail('bad span');
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

function bytesOf(numbers: Uint32Array | Float64Array): Buffer {
  return Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength);
}
