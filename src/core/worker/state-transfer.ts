// A library state crossing between threads in the cache's binary form: one transferable buffer instead of a
// structured clone of every document and sentence object, which the receiving thread (the language server's)
// spent seconds rebuilding. The receiver decodes it as a warm start decodes the cache file.
import { decodeLibraryState, encodeLibraryState } from '../cache/format.js';
import { INDEX_FORMAT_VERSION, type AnyPersistedDocument, type LibraryState } from '../library.js';

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

export function unpackState(packed: ArrayBuffer): LibraryState {
  const { state, damaged } = decodeLibraryState(Buffer.from(packed), INDEX_FORMAT_VERSION);
  // Bytes handed over in memory cannot have been damaged on disk: this would be an encoder's mistake.
  if (damaged.length > 0) throw new Error(`a state handed between threads has damaged texts: ${damaged.join(', ')}`);
  return state;
}
