// A library state crossing between threads in the cache's binary form: one transferable buffer instead of a
// structured clone of every document and sentence object, which the receiving thread (the language server's)
// spent seconds rebuilding. The receiver decodes it as a warm start decodes the cache file.
import { decodeLibraryState, encodeLibraryState, readLibraryStateFrom, type CachedLibrary } from '../cache/format.js';
import {
  INDEX_FORMAT_VERSION,
  type AnyPersistedDocument,
  type LibraryState,
  type PersistedDocument,
  type StoredDocument,
} from '../library.js';

export function packState(state: LibraryState<AnyPersistedDocument>): ArrayBuffer {
  const parts = encodeLibraryState(state).pieces;
  const packed = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let at = 0;
  for (const part of parts) {
    packed.set(part, at);
    at += part.length;
  }
  return packed.buffer;
}

/** A parallel build's shard: documents just analysed, decoded as if analysed on this thread. */
export function unpackState(packed: ArrayBuffer): LibraryState<PersistedDocument> {
  return intact(decodeLibraryState(Buffer.from(packed), INDEX_FORMAT_VERSION));
}

/**
 * A loaded library's state: its documents stay stored until the library first hands them out, as in a warm start
 * on this thread (most of them came from the cache, and a check decodes only those it reads).
 */
export function unpackStoredState(packed: ArrayBuffer): LibraryState<StoredDocument> {
  return intact(readLibraryStateFrom(Buffer.from(packed), INDEX_FORMAT_VERSION));
}

function intact<Document extends AnyPersistedDocument>({
  state,
  damaged,
}: CachedLibrary<Document>): LibraryState<Document> {
  // Bytes handed over in memory cannot have been damaged on disk: this would be an encoder's mistake.
  if (damaged.length > 0) throw new Error(`a state handed between threads has damaged texts: ${damaged.join(', ')}`);
  return state;
}
