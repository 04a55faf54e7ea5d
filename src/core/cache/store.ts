// Where a persisted library lives on disk, and reading/writing it safely: a reader never sees a half-written
// file (write to a temporary name, then rename), and any file it cannot fully validate counts as absent.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LibraryState } from '../library.js';
import type { FileStamp } from '../sources/load.js';
import { encodeLibraryState, readLibraryState, type CachedLibrary } from './format.js';

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
    const { size, mtimeMs } = fs.fstatSync(descriptor);
    const readAt = (target: Uint8Array, position: number) => fs.readSync(descriptor, target, 0, target.length, position);
    return { status: 'found', ...readLibraryState(readAt, size, indexFormatVersion), bytes: size, writtenMs: mtimeMs };
  } catch (error) {
    // InvalidCacheError, or a read that failed: either way the file is not used.
    return { status: 'invalid', reason: (error as Error).message };
  } finally {
    fs.closeSync(descriptor);
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
