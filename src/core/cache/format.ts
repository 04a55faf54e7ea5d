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
// and copying the numbers out of it cost 400-600 ms, on a machine where touching fresh memory is slow. The texts
// are read in the same pass, from the same open file, each checked against its own crc32, and kept as they are
// stored: the library decodes a document's text and sentences when it first hands the document out
// (stored-document.ts). Nothing is read from the file after the load. (Reading texts when first asked for made a
// document's `text` a getter that read a file that may since have been replaced, and threw from a property read.)
// A document whose text is damaged is left out and named, so that its file is read and analysed again.
import { crc32 } from 'node:zlib';
import type { AnyPersistedDocument, LibraryState, PersistedDocument, StoredDocument } from '../library.js';
import type { FileStamp } from '../sources/load.js';
import type { Sentence, SourceDocument } from '../types.js';
import { withoutUnusedTerms } from './state.js';
import { decodeStoredDocument } from './stored-document.js';

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

/** Any reason a cache file cannot be used: it is then rebuilt, never partly trusted. */
export class InvalidCacheError extends Error {}

/**
 * A decoded cache file: the library's state, the stamp of each document's file by path (where known), and the
 * paths of the documents left out because their stored text was damaged.
 */
export interface CachedLibrary<Document extends AnyPersistedDocument = StoredDocument> {
  state: LibraryState<Document>;
  stamps: Map<string, FileStamp>;
  damaged: string[];
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
}

/**
 * The file's bytes. `stamps`: the size and modification time each document's file had when it was read, so that
 * a warm start can reuse the document without reading the file again.
 */
export function encodeLibraryState(
  full: LibraryState<AnyPersistedDocument>,
  stamps: ReadonlyMap<string, FileStamp> = new Map(),
): EncodedLibrary {
  const state = withoutUnusedTerms(full);
  const fields: DocumentFields[] = [];
  const texts: Buffer[] = [];
  const spans: (Uint32Array | undefined)[] = [];
  const columns = new Uint32Array(state.documents.length * COLUMNS);
  state.documents.forEach((persisted, i) => {
    const stored = encodedForm(persisted);
    texts.push(stored.bytes);
    fields.push(stored.fields);
    spans.push(stored.spans);
    const sentenceCount = stored.spans ? stored.spans.length / 3 : NOT_PACKED;
    columns.set(
      [stored.bytes.length, stored.textLength, persisted.termIds.length, sentenceCount, stored.crc],
      i * COLUMNS,
    );
  });
  const numbers = numbersRegion(state, columns, spans);
  const manifest = Buffer.from(JSON.stringify({ terms: state.terms, documents: fields } satisfies Manifest), 'utf8');
  const checked = [
    bytesOf(new Uint32Array([state.documents.length, numbers.length, manifest.length])),
    bytesOf(stampsRegion(state, stamps)),
    bytesOf(numbers),
    manifest,
  ];
  return { pieces: [header(checked, texts, state.formatVersion), ...checked, ...texts] };
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

function encodedForm(persisted: AnyPersistedDocument): EncodedForm {
  // A document still as the cache stored it is saved as it was read: the same bytes, without decoding it.
  if ('stored' in persisted) {
    const { document: fields, stored } = persisted;
    const spans = Array.isArray(stored.sentences) ? undefined : stored.sentences;
    return {
      fields: spans ? fields : { ...fields, sentences: stored.sentences as Sentence[] },
      bytes: stored.bytes,
      crc: stored.crc,
      textLength: stored.length,
      spans,
    };
  }
  const { text, sentences, ...rest } = persisted.document;
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

function packSpans(sentences: Sentence[]): Uint32Array {
  const spans = new Uint32Array(sentences.length * 3);
  sentences.forEach(({ span, paragraph }, i) => spans.set([span.start, span.end, paragraph], i * 3));
  return spans;
}

function numbersRegion(
  state: LibraryState<AnyPersistedDocument>,
  columns: Uint32Array,
  spans: (Uint32Array | undefined)[],
): Uint32Array {
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

function stampsRegion(state: LibraryState<AnyPersistedDocument>, stamps: ReadonlyMap<string, FileStamp>): Float64Array {
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
  header.writeUInt32LE(
    checked.reduce((crc, piece) => crc32(piece, crc), 0),
    20,
  );
  header.writeBigUInt64LE(BigInt(lengthOf(checked) + lengthOf(texts)), 24);
  header.writeBigUInt64LE(BigInt(lengthOf(checked)), CHECKED_LENGTH_AT);
  return header;
}

/**
 * readLibraryState for a file already in memory: its documents stay stored, as a warm start keeps them. Its
 * regions are used in place, not copied: copying the 55 MB a worker hands over for 10,000 documents took ~0.5 s
 * of the receiving thread.
 */
export function readLibraryStateFrom(file: Buffer, indexFormatVersion: number): CachedLibrary {
  const readAt = (target: Uint8Array, position: number) => file.copy(target, 0, position);
  return readLibraryState(readAt, file.length, indexFormatVersion, file);
}

/** readLibraryState for a file already in memory, every document decoded. */
export function decodeLibraryState(file: Buffer, indexFormatVersion: number): CachedLibrary<PersistedDocument> {
  const { state, ...cached } = readLibraryStateFrom(file, indexFormatVersion);
  const documents = state.documents.map(({ document, stored, ...indexed }) => ({
    document: decodeStoredDocument(document, stored),
    ...indexed,
  }));
  return { ...cached, state: { ...state, documents } };
}

/**
 * The state stored in a file of `size` bytes, after checking that it is one of ours, of this layout and of
 * `indexFormatVersion`, complete, internally consistent and its checked part unchanged (crc32). Throws
 * InvalidCacheError otherwise. Nothing read is interpreted before the checksum has vouched for all of it. Each
 * text is checked against its own crc32: a document whose text is not intact is left out and named in `damaged`.
 */
export function readLibraryState(
  readAt: ReadAt,
  size: number,
  indexFormatVersion: number,
  /** The file itself, when it is in memory: its regions are then used where they are. */
  inMemory?: Buffer,
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
  const reader = new PayloadReader(readAt, HEADER_BYTES + Number(checkedLength), header.readUInt32LE(20), inMemory);
  try {
    return readPayload(reader, formatVersion, size);
  } catch (error) {
    if (error instanceof InvalidCacheError) throw error;
    throw new InvalidCacheError(`unreadable: ${(error as Error).message}`);
  }
}

function readPayload(reader: PayloadReader, formatVersion: number, size: number): CachedLibrary {
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
  if (!Array.isArray(manifest.documents) || manifest.documents.length !== documentCount) {
    throw new InvalidCacheError('sections do not add up');
  }
  const columns = numbers.subarray(0, documentCount * COLUMNS);
  let textBytes = 0;
  for (let i = 0; i < documentCount; i++) textBytes += columns[i * COLUMNS + TEXT_BYTES];
  if (reader.end + textBytes !== size) throw new InvalidCacheError('sections do not add up');
  // The texts are not under the header's checksum (each has its own), and are read in one go.
  const texts = reader.unchecked(textBytes);
  let at = columns.length;
  let position = 0;
  const documents: StoredDocument[] = [];
  const damaged: string[] = [];
  const stamps = new Map<string, FileStamp>();
  manifest.documents.forEach((fields, i) => {
    const column = (which: number) => columns[i * COLUMNS + which];
    const termIds = numbers.subarray(at, (at += column(TERM_COUNT)));
    const packed = column(PACKED_SENTENCES);
    const sentenceCount = packed === NOT_PACKED ? (fields.sentences?.length ?? -1) : packed;
    const sentenceTermStarts = numbers.subarray(at, (at += sentenceCount + 1));
    const spans = packed === NOT_PACKED ? undefined : numbers.subarray(at, (at += packed * 3));
    checkConsistent(fields, column(TEXT_LENGTH), spans, termIds, sentenceTermStarts, manifest.terms.length);
    const bytes = texts.subarray(position, (position += column(TEXT_BYTES)));
    // Checked now, decoded when first read: the crc vouches for the bytes the writer wrote, and with them for the
    // length stored beside them under the header's checksum.
    if (crc32(bytes) !== column(TEXT_CRC)) {
      damaged.push(fields.path);
      return;
    }
    const { sentences, ...header } = fields;
    const stored = { bytes, length: column(TEXT_LENGTH), crc: column(TEXT_CRC), sentences: spans ?? sentences! };
    documents.push({ document: header, stored, termIds, sentenceTermStarts });
    const fileSize = stampNumbers[i * 2];
    if (!Number.isNaN(fileSize)) stamps.set(fields.path, { size: fileSize, mtimeMs: stampNumbers[i * 2 + 1] });
  });
  if (at !== numberCount) throw new InvalidCacheError('sections do not add up');
  return { state: { formatVersion, terms: manifest.terms, documents }, stamps, damaged };
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
    private readonly inMemory?: Buffer,
  ) {}

  get remaining(): number {
    return this.end - this.position;
  }

  u32s(count: number): Uint32Array {
    const inPlace = this.inPlace(count * 4, 4);
    if (inPlace) return new Uint32Array(inPlace.buffer, inPlace.byteOffset, count);
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
    const inPlace = this.inPlace(count, 1);
    if (inPlace) return inPlace;
    const bytes = Buffer.allocUnsafe(count);
    this.fill(bytes);
    return bytes;
  }

  /** The next `count` bytes, not checksummed (the texts, which have checksums of their own). */
  unchecked(count: number): Buffer {
    if (this.inMemory) {
      if (this.position + count > this.inMemory.length) throw new InvalidCacheError('truncated');
      return this.inMemory.subarray(this.position, (this.position += count));
    }
    const bytes = Buffer.allocUnsafe(count);
    for (let done = 0; done < count;) {
      const read = this.readAt(bytes.subarray(done), this.position);
      if (read === 0) throw new InvalidCacheError('truncated');
      this.position += read;
      done += read;
    }
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

  /** The next `count` bytes of a file in memory, checksummed, where they are (if aligned for their type). */
  private inPlace(count: number, alignment: number): Buffer | undefined {
    if (!this.inMemory || (this.inMemory.byteOffset + this.position) % alignment !== 0) return undefined;
    if (count > this.remaining) throw new InvalidCacheError('truncated');
    const bytes = this.inMemory.subarray(this.position, (this.position += count));
    this.crc = crc32(bytes, this.crc);
    return bytes;
  }

  private intoScratch(count: number): Buffer {
    if (this.scratch.length < count) this.scratch = Buffer.allocUnsafeSlow(Math.max(count, SLICE_BYTES));
    this.fill(this.scratch.subarray(0, count));
    return this.scratch;
  }

  /** Fills `target` with the next bytes, checksumming each slice right after reading it. */
  private fill(target: Uint8Array): void {
    if (target.length > this.remaining) throw new InvalidCacheError('truncated');
    for (let done = 0; done < target.length;) {
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
  if (typeof fields.path !== 'string' || typeof fields.hash !== 'string' || sentenceCount === undefined)
    fail('missing fields');
  if (starts.length !== sentenceCount! + 1 || starts[0] !== 0 || starts[starts.length - 1] !== termIds.length) {
    fail('sentence term starts do not match');
  }
  for (let i = 1; i < starts.length; i++) if (starts[i] < starts[i - 1]) fail('sentence term starts go backwards');
  for (const id of termIds) if (id >= termCount) fail('unknown term id');
  const badSpan = (start: number, end: number) => end > textLength || start > end;
  if (packedSpans) {
    for (let at = 0; at < packedSpans.length; at += 3)
      if (badSpan(packedSpans[at], packedSpans[at + 1])) fail('bad span');
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
