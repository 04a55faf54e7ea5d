// The on-disk form of a persisted library (LibraryState), built for a fast warm start and for never trusting a
// damaged file. Layout:
//
//   header (40 bytes, little-endian): magic "GWINDEX\n" | layout version u32 | index format version u32 |
//                      byte-order probe u32 | crc32 of the checked part u32 | payload length u64 |
//                      checked part's length u64
//   payload (in the writer's byte order, which the probe checks): the checked part, then the texts
//     counts           u32 documents | u32 numbers | u32 manifest bytes
//     stamps           per document f64 size, f64 mtime (ms) of the file it was read from; NaN when not known
//     numbers          per document u32 text bytes, text length (UTF-16), term count, packed sentence count
//                      (NOT_PACKED when the sentences are in the manifest), crc32 of its text's bytes; then per
//                      document its term ids, sentence term starts and sentences (start, end, paragraph)
//     manifest         JSON: the dictionary, and per document its remaining fields
//     texts            (not in the checked part) each document's text in document order: in Latin-1 (one byte a
//                      character) when all its characters are Latin-1, in UTF-8 otherwise
//
// The numbers region holds every document's term ids, sentence term starts and sentence spans as raw u32s, so a
// warm start copies them in one go instead of parsing millions of JSON numbers. Sentence and document texts are
// stored once: a sentence's text is re-sliced from its document's text.
//
// A warm start reads the checked part straight into where it is used, checksumming it a slice at a time while the
// slice is still in the CPU cache: reading the 55 MB file of 10,000 documents into one buffer, checksumming that
// and copying the numbers out of it cost 400-600 ms, on a machine where touching fresh memory is slow. It does not
// read the texts, two thirds of the file: reading and checksumming them took a fifth of a warm start, and a check
// reads only some of them (the bench's full check, 3,906 of 10,000). A document's text is read, checked against
// its own crc32 and decoded when first asked for: from the buffer the state was decoded from, or from the file,
// reopened by its path and read only while it is still the file that was loaded (never held open beyond one task:
// a save renames a new file over it). A save points the documents it wrote at the new file. Should the file have
// been replaced or damaged since, the text is read from the document's source file, if that still hashes the same.
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { LibraryState, PersistedDocument } from '../library.js';
import { sourceFromBytes, type FileStamp, type SourceReadResult } from '../sources/load.js';
import type { Sentence, SourceDocument } from '../types.js';
import { withoutUnusedTerms } from './state.js';

/** Bump when this layout changes. (What the index stores is versioned separately by INDEX_FORMAT_VERSION.) */
export const CACHE_FORMAT_VERSION = 4;

const MAGIC = Buffer.from('GWINDEX\n', 'latin1');
const HEADER_BYTES = 40;
const CHECKED_LENGTH_AT = 32;
const BYTE_ORDER_PROBE = 0x01020304;
const COUNTS = 3;
// The per-document columns at the start of the numbers region.
const COLUMNS = 5;
const TEXT_BYTES = 0;
const TEXT_LENGTH = 1;
const TERM_COUNT = 2;
const PACKED_SENTENCES = 3;
const TEXT_CRC = 4;
const NOT_PACKED = 0xffffffff;
const BEYOND_LATIN1 = /[\u0100-\uffff]/;
// Read and checksummed this much at a time: small enough to stay in the CPU cache between the two.
const SLICE_BYTES = 1 << 20;
// Texts read in order are read ahead, FIRST_READ_AHEAD_BYTES at first and twice as far at each further read in
// order, up to READ_AHEAD_BYTES: a save, which reads them all, reads a megabyte at a time, not a document. A text
// read on its own is read alone: a check reads thousands of texts in a sweep through the file with gaps, and
// reading a megabyte ahead whenever two of them were neighbours read 90 MB of a 35 MB region.
const FIRST_READ_AHEAD_BYTES = 16 << 10;
const READ_AHEAD_BYTES = 1 << 20;

/** Any reason a cache file cannot be used: it is then rebuilt, never partly trusted. */
export class InvalidCacheError extends Error {}

/** A decoded cache file: the library's state, and the stamp of each document's file by path (where known). */
export interface CachedLibrary {
  state: LibraryState;
  stamps: Map<string, FileStamp>;
}

/**
 * Reads up to `target.length` bytes from byte `position` of the file into `target`; returns how many (0 at its end).
 * May throw when the file can no longer be read.
 */
export type ReadAt = (target: Uint8Array, position: number) => number;

/** A document's fields as the manifest holds them: without `text` and, when packed as numbers, `sentences`. */
type DocumentFields = Omit<SourceDocument, 'text' | 'sentences'> & { sentences?: Sentence[] };

interface Manifest {
  terms: string[];
  documents: DocumentFields[];
}

/** A state's file, in pieces to write one after the other (no single copy of a corpus-sized buffer). */
export interface EncodedLibrary {
  pieces: Buffer[];
  /**
   * Once the pieces are written where `readAt` reads, the documents decoded from an earlier file read their texts
   * from there: a save renames its file over the one they came from.
   */
  readTextsFrom(readAt: ReadAt): void;
}

/**
 * The file's bytes. `stamps`: the size and modification time each document's file had when it was read, so that
 * a warm start can reuse the document without reading the file again.
 */
export function encodeLibraryState(
  full: LibraryState,
  stamps: ReadonlyMap<string, FileStamp> = new Map(),
): EncodedLibrary {
  const state = withoutUnusedTerms(full);
  const fields: DocumentFields[] = [];
  const texts: Buffer[] = [];
  const spans: (Uint32Array | undefined)[] = [];
  const columns = new Uint32Array(state.documents.length * COLUMNS);
  state.documents.forEach(({ document, termIds }, i) => {
    const stored = encodedForm(document);
    texts.push(stored.bytes);
    fields.push(stored.fields);
    spans.push(stored.spans);
    const sentenceCount = stored.spans ? stored.spans.length / 3 : NOT_PACKED;
    columns.set([stored.bytes.length, stored.textLength, termIds.length, sentenceCount, stored.crc], i * COLUMNS);
  });
  const numbers = numbersRegion(state, columns, spans);
  const manifest = Buffer.from(JSON.stringify({ terms: state.terms, documents: fields } satisfies Manifest), 'utf8');
  const checked = [
    bytesOf(new Uint32Array([state.documents.length, numbers.length, manifest.length])),
    bytesOf(stampsRegion(state, stamps)),
    bytesOf(numbers),
    manifest,
  ];
  const textsAt = HEADER_BYTES + lengthOf(checked);
  const end = textsAt + lengthOf(texts);
  return {
    pieces: [header(checked, texts, state.formatVersion), ...checked, ...texts],
    readTextsFrom: (readAt) => moveStoredTexts(state, columns, new StoredTexts(readAt, end), textsAt),
  };
}

/** How a document is stored: its other fields, its text's bytes, and its sentences as spans when they pack. */
interface EncodedForm {
  fields: DocumentFields;
  bytes: Buffer;
  /** crc32 of `bytes`. */
  crc: number;
  textLength: number;
  /** (start, end, paragraph) per sentence; undefined when the sentences go in `fields` as JSON. */
  spans?: Uint32Array;
}

/** Where a document decoded from a file has its text's bytes, and the form it was stored in. */
interface StoredForm extends Omit<EncodedForm, 'fields' | 'bytes'> {
  texts: StoredTexts;
  position: number;
  byteLength: number;
  encoding: 'latin1' | 'utf8';
}

// Documents decoded from a cache, with where and how they were stored: their texts are read from there when first
// asked for, and saving them again (a cache update after one file changed, or a worker handing its state over)
// copies the stored form instead of decoding and re-encoding them.
const storedForms = new WeakMap<SourceDocument, StoredForm>();

function encodedForm(document: SourceDocument): EncodedForm {
  const stored = storedForms.get(document);
  if (stored) {
    // Not `...document`: that would read the text and decode the sentences this is here to avoid.
    const fields = Object.fromEntries(
      Object.keys(document)
        .filter((key) => key !== 'text' && !(key === 'sentences' && stored.spans))
        .map((key) => [key, document[key as keyof SourceDocument]]),
    ) as DocumentFields;
    const { crc, textLength, spans } = stored;
    return { fields, bytes: storedBytes(document, stored), crc, textLength, spans };
  }
  const { text, sentences, ...rest } = document;
  const packable = sentences.every((sentence) => isPackable(sentence, text));
  const bytes = Buffer.from(text, BEYOND_LATIN1.test(text) ? 'utf8' : 'latin1');
  return {
    fields: packable ? rest : { ...rest, sentences },
    bytes,
    crc: crc32(bytes),
    textLength: text.length,
    spans: packable ? packSpans(sentences) : undefined,
  };
}

/** Points the state's documents decoded from a file at their texts in `texts`, the file the state was written to. */
function moveStoredTexts(state: LibraryState, columns: Uint32Array, texts: StoredTexts, textsAt: number): void {
  let position = textsAt;
  state.documents.forEach(({ document }, i) => {
    const stored = storedForms.get(document);
    if (stored) Object.assign(stored, { texts, position });
    position += columns[i * COLUMNS + TEXT_BYTES];
  });
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

function header(checked: Buffer[], texts: Buffer[], formatVersion: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(CACHE_FORMAT_VERSION, 8);
  header.writeUInt32LE(formatVersion, 12);
  // Written in the machine's own byte order, like the payload: a reader of the other order sees it flipped.
  bytesOf(new Uint32Array([BYTE_ORDER_PROBE])).copy(header, 16);
  header.writeUInt32LE(checked.reduce((crc, piece) => crc32(piece, crc), 0), 20);
  header.writeBigUInt64LE(BigInt(lengthOf(checked) + lengthOf(texts)), 24);
  header.writeBigUInt64LE(BigInt(lengthOf(checked)), CHECKED_LENGTH_AT);
  return header;
}

/** readLibraryState for a file already in memory, which its texts are read from when first asked for. */
export function decodeLibraryState(file: Buffer, indexFormatVersion: number): CachedLibrary {
  const texts = textsCopied();
  const cached = readLibraryState((target, position) => file.copy(target, 0, position), file.length, indexFormatVersion, texts.readAt);
  texts.copyFrom(file, HEADER_BYTES + Number(file.readBigUInt64LE(CHECKED_LENGTH_AT)));
  return cached;
}

/**
 * Texts read from a copy of a decoded buffer's texts region: only texts are read after the decoding, and a third
 * of the buffer is numbers already copied out, which the copy lets go. (Not in decodeLibraryState's scope: a
 * closure there would keep the whole buffer.)
 */
function textsCopied(): { readAt: ReadAt; copyFrom(file: Buffer, textsAt: number): void } {
  let texts = Buffer.alloc(0);
  let offset = 0;
  return {
    readAt: (target, position) => texts.copy(target, 0, position - offset),
    copyFrom: (file, textsAt) => {
      texts = Buffer.from(file.subarray(textsAt));
      offset = textsAt;
    },
  };
}

/**
 * The state stored in a file of `size` bytes, after checking that it is one of ours, of this layout and of
 * `indexFormatVersion`, complete, internally consistent and its checked part unchanged (crc32). Throws
 * InvalidCacheError otherwise. Nothing read is interpreted before the checksum has vouched for all of it. The
 * texts are not read: each document's is read with `textsReadAt` when first asked for, and checked then.
 */
export function readLibraryState(
  readAt: ReadAt,
  size: number,
  indexFormatVersion: number,
  textsReadAt: ReadAt,
): CachedLibrary {
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
  const payloadLength = header.readBigUInt64LE(24);
  if (payloadLength !== BigInt(size - HEADER_BYTES)) throw new InvalidCacheError('truncated');
  const checkedLength = header.readBigUInt64LE(CHECKED_LENGTH_AT);
  if (checkedLength > payloadLength) throw new InvalidCacheError('sections do not add up');
  const reader = new PayloadReader(readAt, HEADER_BYTES + Number(checkedLength), header.readUInt32LE(20));
  try {
    return readPayload(reader, formatVersion, new StoredTexts(textsReadAt, size));
  } catch (error) {
    if (error instanceof InvalidCacheError) throw error;
    throw new InvalidCacheError(`unreadable: ${(error as Error).message}`);
  }
}

function readPayload(reader: PayloadReader, formatVersion: number, texts: StoredTexts): CachedLibrary {
  const [documentCount, numberCount, manifestBytes] = reader.u32s(COUNTS);
  const checkedBytes = COUNTS * 4 + documentCount * 16 + numberCount * 4 + manifestBytes;
  if (numberCount < documentCount * COLUMNS || checkedBytes !== reader.end - HEADER_BYTES) {
    return reader.failAfterChecksum('sections do not add up');
  }
  const stampNumbers = reader.f64s(documentCount * 2);
  const numbers = reader.u32s(numberCount);
  const manifestBuffer = reader.bytes(manifestBytes);
  reader.checkChecksum();

  // From here on, every byte read is the one the writer wrote.
  const manifest = JSON.parse(manifestBuffer.toString('utf8')) as Manifest;
  if (manifest.documents.length !== documentCount) throw new InvalidCacheError('sections do not add up');
  const columns = numbers.subarray(0, documentCount * COLUMNS);
  let at = columns.length;
  let position = reader.end;
  const documents = manifest.documents.map((fields, i): PersistedDocument => {
    const column = (which: number) => columns[i * COLUMNS + which];
    const termIds = numbers.subarray(at, (at += column(TERM_COUNT)));
    const packed = column(PACKED_SENTENCES);
    const sentenceCount = packed === NOT_PACKED ? (fields.sentences?.length ?? -1) : packed;
    const sentenceTermStarts = numbers.subarray(at, (at += sentenceCount + 1));
    const spans = packed === NOT_PACKED ? undefined : numbers.subarray(at, (at += packed * 3));
    checkConsistent(fields, column(TEXT_LENGTH), spans, termIds, sentenceTermStarts, manifest.terms.length);
    const stored: StoredForm = {
      texts,
      position,
      byteLength: column(TEXT_BYTES),
      // A text with a character beyond Latin-1 is stored in UTF-8, which takes more bytes than UTF-16 takes units.
      encoding: column(TEXT_BYTES) === column(TEXT_LENGTH) ? 'latin1' : 'utf8',
      crc: column(TEXT_CRC),
      textLength: column(TEXT_LENGTH),
      spans,
    };
    position += stored.byteLength;
    // A document's text and sentences are read when first asked for: a check reads only some of the documents,
    // and decoding all of them was half of a warm start, reading their bytes a fifth of what was left.
    const document = fields as SourceDocument;
    defineLazily(document, 'text', () => storedText(document, stored));
    if (spans) defineLazily(document, 'sentences', () => unpackSentences(spans, document.text));
    storedForms.set(document, stored);
    return { document, termIds, sentenceTermStarts };
  });
  if (at !== numberCount || position !== texts.end) throw new InvalidCacheError('sections do not add up');
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

/**
 * The texts region of a file, read one document's text at a time when first asked for, and ahead while read in
 * order. A read that fails (the file was replaced or removed since) has nothing to give.
 */
class StoredTexts {
  private window: Buffer = Buffer.alloc(0);
  private windowAt = 0;
  private nextPosition = -1;
  private ahead = 0;

  constructor(
    private readonly readAt: ReadAt,
    readonly end: number,
  ) {}

  /** The `length` bytes at `position`, or undefined when they cannot be read. */
  read(position: number, length: number): Buffer | undefined {
    const inWindow = position >= this.windowAt && position + length <= this.windowAt + this.window.length;
    if (!inWindow) {
      const inOrder = position === this.nextPosition;
      this.ahead = inOrder ? Math.min(Math.max(2 * this.ahead, FIRST_READ_AHEAD_BYTES), READ_AHEAD_BYTES) : 0;
      const window = this.readFully(position, Math.min(Math.max(length, this.ahead), this.end - position));
      if (window === undefined) return undefined;
      // A new buffer each time, not one reused: a save keeps every text it has read until it has written them.
      this.window = window;
      this.windowAt = position;
    }
    this.nextPosition = position + length;
    return this.window.subarray(position - this.windowAt, position - this.windowAt + length);
  }

  private readFully(position: number, length: number): Buffer | undefined {
    const bytes = Buffer.allocUnsafe(length);
    try {
      for (let done = 0; done < length; ) {
        const read = this.readAt(bytes.subarray(done), position + done);
        if (read === 0) return undefined;
        done += read;
      }
    } catch {
      // The file was replaced or removed since: the caller reads the text from its source file instead.
      return undefined;
    }
    return bytes;
  }
}

/** A decoded document's text: from its stored bytes while they are there and intact, else from its source file. */
function storedText(document: SourceDocument, stored: StoredForm): string {
  const bytes = intactBytes(stored);
  if (bytes === undefined) return textFromSource(document);
  const text = bytes.toString(stored.encoding);
  // The crc vouches for the bytes; this would be a writer's mistake, and must not pass unnoticed.
  if (text.length !== stored.textLength) throw new Error(`index cache: ${document.path}: text length does not match`);
  return text;
}

/** A decoded document's text's bytes as stored, to save it again without decoding it. */
function storedBytes(document: SourceDocument, stored: StoredForm): Buffer {
  return intactBytes(stored) ?? Buffer.from(textFromSource(document), stored.encoding);
}

function intactBytes(stored: StoredForm): Buffer | undefined {
  const bytes = stored.texts.read(stored.position, stored.byteLength);
  return bytes !== undefined && crc32(bytes) === stored.crc ? bytes : undefined;
}

/**
 * The text of a document whose stored text is gone or damaged (its cache file was replaced or changed since it was
 * decoded), read again from its source file as sources/load.ts reads it, if that file still hashes as it did when
 * the document was analysed. (Its text is then the same, and so are the bytes and crc it is stored with.)
 */
function textFromSource({ path, hash }: SourceDocument): string {
  let source: SourceReadResult | undefined;
  try {
    source = sourceFromBytes(path, readFileSync(path));
  } catch {
    // Gone or unreadable: no more the file it was than one that changed.
  }
  if (source?.file?.hash === hash) return source.file.text;
  throw new Error(`${path}: the index cache changed on disk and the source file changed since it was indexed (re-index)`);
}

/** The checked part of the payload, read front to back straight into where it is used, with a running checksum. */
class PayloadReader {
  private position = HEADER_BYTES;
  private crc = 0;
  private scratch = Buffer.alloc(0);

  constructor(
    private readonly readAt: ReadAt,
    /** Where the checked part ends. */
    readonly end: number,
    private readonly expectedCrc: number,
  ) {}

  get remaining(): number {
    return this.end - this.position;
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
    while (this.remaining > 0) this.intoScratch(Math.min(this.remaining, SLICE_BYTES));
    this.checkChecksum();
    throw new InvalidCacheError(reason);
  }

  private intoScratch(count: number): Buffer {
    if (this.scratch.length < count) this.scratch = Buffer.allocUnsafeSlow(Math.max(count, SLICE_BYTES));
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

function lengthOf(pieces: Buffer[]): number {
  return pieces.reduce((length, piece) => length + piece.length, 0);
}
