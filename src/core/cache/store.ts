// Where a persisted library lives on disk, and reading/writing it safely: a reader never sees a half-written
// file (write to a temporary name, then rename), and any file it cannot fully validate counts as absent.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryState } from '../library.js';
import type { FileStamp } from '../sources/load.js';
import { encodeLibraryState, readLibraryState, type CachedLibrary, type ReadAt } from './format.js';

/** The CLI's default: `.groundwork-cache/` in the project folder (git-ignored). */
export function defaultCacheDir(projectDir: string): string {
  return path.join(projectDir, '.groundwork-cache');
}

/**
 * One cache file per set of inputs, so alternating between two source folders does not rebuild each time.
 * (Which documents are reused is decided per file by path and content hash, not by this name.)
 */
export function cacheFileFor(cacheDir: string, inputs: readonly string[]): string {
  const key = JSON.stringify(inputs.map((input) => path.resolve(input)).sort());
  return path.join(cacheDir, `index-${crypto.createHash('sha256').update(key).digest('hex').slice(0, 16)}.gwcache`);
}

/** A usable cache file; `writtenMs`: its modification time, which says which file stamps can be trusted. */
export type CacheRead =
  | ({ status: 'found'; bytes: number; writtenMs: number } & CachedLibrary)
  | { status: 'missing' }
  | { status: 'invalid'; reason: string };

export function readCache(file: string, indexFormatVersion: number): CacheRead {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'invalid', reason: (error as Error).message };
  }
  try {
    // Size and time of the file being read, not of whatever a concurrent save renames into place meanwhile.
    const read = fs.fstatSync(descriptor);
    const readAt = (target: Uint8Array, position: number) => fs.readSync(descriptor, target, 0, target.length, position);
    const cached = readLibraryState(readAt, read.size, indexFormatVersion, readAtWhileUnchanged(file, read));
    return { status: 'found', ...cached, bytes: read.size, writtenMs: read.mtimeMs };
  } catch (error) {
    // InvalidCacheError, or a read that failed: either way the file is not used.
    return { status: 'invalid', reason: (error as Error).message };
  } finally {
    fs.closeSync(descriptor);
  }
}

// Files opened for reading texts after a load, each held open until the reads of the current task are done: a
// check reads thousands of texts in one go, and opening the file for each read cost three times the read.
const heldOpen = new Set<() => void>();

/**
 * Reads `file` for the texts read after the load, as long as it is still the file of `identity` (the descriptor
 * then reads that file, even should another be renamed over it meanwhile). Not held open beyond the current
 * task: a save renames a new file over it, which Windows refuses while it is open.
 */
function readAtWhileUnchanged(file: string, identity: fs.Stats): ReadAt {
  const absolute = path.resolve(file);
  let descriptor: number | undefined;
  const close = () => {
    if (descriptor !== undefined) fs.closeSync(descriptor);
    descriptor = undefined;
    heldOpen.delete(close);
  };
  return (target, position) => {
    if (descriptor === undefined) {
      descriptor = openIfUnchanged(absolute, identity);
      heldOpen.add(close);
      setImmediate(close);
    }
    return fs.readSync(descriptor, target, 0, target.length, position);
  };
}

function openIfUnchanged(file: string, identity: fs.Stats): number {
  const descriptor = fs.openSync(file, 'r');
  if (sameFile(fs.fstatSync(descriptor), identity)) return descriptor;
  fs.closeSync(descriptor);
  throw new Error(`${file} was replaced since it was read`);
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

/**
 * Writes the state atomically, with the stamps of the files its documents were read from (a document without
 * one is re-read and re-hashed on the next warm start); returns the file's size in bytes.
 */
export function writeCache(file: string, state: LibraryState, stamps?: ReadonlyMap<string, FileStamp>): number {
  ensureCacheDir(path.dirname(file));
  // Encoded before the rename: every text still read lazily from the file about to be replaced is read by then.
  const encoded = encodeLibraryState(state, stamps);
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  let bytes = 0;
  let written: fs.Stats;
  const descriptor = fs.openSync(temporary, 'w');
  try {
    for (const piece of encoded.pieces) {
      for (let done = 0; done < piece.length; ) done += fs.writeSync(descriptor, piece, done);
      bytes += piece.length;
    }
    written = fs.fstatSync(descriptor);
  } catch (error) {
    fs.closeSync(descriptor);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(descriptor);
  // The texts just encoded may have been read from the file about to be replaced, which Windows would not rename over.
  for (const close of heldOpen) close();
  fs.renameSync(temporary, file);
  encoded.readTextsFrom(readAtWhileUnchanged(file, written));
  return bytes;
}

// The folder holds only generated files: a .gitignore inside keeps it out of any repository it ends up in.
function ensureCacheDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const ignore = path.join(dir, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '*\n');
}
