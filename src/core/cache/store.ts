// Where a persisted library lives on disk, and reading/writing it safely: a reader never sees a half-written
// file (write to a temporary name, then rename), and any file it cannot fully validate counts as absent.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryState } from '../library.js';
import type { FileStamp } from '../sources/load.js';
import { decodeLibraryState, encodeLibraryState, InvalidCacheError, type CachedLibrary } from './format.js';

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
  let bytes: Buffer;
  let writtenMs: number;
  try {
    // The time is taken from the file that is read, not from whatever a concurrent save renamed into place.
    const descriptor = fs.openSync(file, 'r');
    try {
      writtenMs = fs.fstatSync(descriptor).mtimeMs;
      bytes = fs.readFileSync(descriptor);
    } finally {
      fs.closeSync(descriptor);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'invalid', reason: (error as Error).message };
  }
  try {
    return { status: 'found', ...decodeLibraryState(bytes, indexFormatVersion), bytes: bytes.length, writtenMs };
  } catch (error) {
    if (error instanceof InvalidCacheError) return { status: 'invalid', reason: error.message };
    throw error;
  }
}

/**
 * Writes the state atomically, with the stamps of the files its documents were read from (a document without
 * one is re-read and re-hashed on the next warm start); returns the file's size in bytes.
 */
export function writeCache(file: string, state: LibraryState, stamps?: ReadonlyMap<string, FileStamp>): number {
  ensureCacheDir(path.dirname(file));
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  let bytes = 0;
  const descriptor = fs.openSync(temporary, 'w');
  try {
    for (const chunk of encodeLibraryState(state, stamps)) {
      for (let written = 0; written < chunk.length; ) written += fs.writeSync(descriptor, chunk, written);
      bytes += chunk.length;
    }
  } catch (error) {
    fs.closeSync(descriptor);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(descriptor);
  fs.renameSync(temporary, file);
  return bytes;
}

// The folder holds only generated files: a .gitignore inside keeps it out of any repository it ends up in.
function ensureCacheDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const ignore = path.join(dir, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '*\n');
}
