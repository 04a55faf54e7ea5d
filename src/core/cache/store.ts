// Where a persisted library lives on disk, and reading/writing it safely: a reader never sees a half-written
// file (write to a temporary name, then rename), and any file it cannot fully validate counts as absent.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AnyPersistedDocument, LibraryState } from '../library.js';
import type { FileStamp } from '../sources/load.js';
import { describeFileError, notRegular, SAFE_READ_FLAGS } from '../sources/read-regular.js';
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
    // Not blocking: a FIFO put where the cache file was would wait for a writer forever (read-regular.ts).
    descriptor = fs.openSync(file, SAFE_READ_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    return { status: 'invalid', reason: describeFileError(error) };
  }
  try {
    // Size and time of the file being read, not of whatever a concurrent save renames into place meanwhile.
    const read = fs.fstatSync(descriptor);
    if (!read.isFile()) return { status: 'invalid', reason: notRegular(read) };
    const readAt = (target: Uint8Array, position: number) =>
      fs.readSync(descriptor, target, 0, target.length, position);
    const cached = readLibraryState(readAt, read.size, indexFormatVersion);
    return { status: 'found', ...cached, bytes: read.size, writtenMs: read.mtimeMs };
  } catch (error) {
    // InvalidCacheError, or a read that failed: either way the file is not used.
    return { status: 'invalid', reason: (error as Error).message };
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * Writes the state atomically, with the stamps of the files its documents were read from (a document without
 * one is re-read and re-hashed on the next warm start); returns the file's size in bytes. Writes only into a real
 * folder (not through a link a workspace may have committed in its place), to a new temporary file (never through
 * an existing name), renamed over the cache file (which replaces a link or FIFO there instead of writing into it).
 */
export function writeCache(
  file: string,
  state: LibraryState<AnyPersistedDocument>,
  stamps?: ReadonlyMap<string, FileStamp>,
): number {
  ensureCacheDir(path.dirname(file));
  const encoded = encodeLibraryState(state, stamps);
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  let bytes = 0;
  // 'wx': created new, never opened through a name that already exists.
  const descriptor = fs.openSync(temporary, 'wx');
  try {
    try {
      for (const piece of encoded.pieces) {
        for (let done = 0; done < piece.length;) done += fs.writeSync(descriptor, piece, done);
        bytes += piece.length;
      }
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    // A failed write or rename must not leave a corpus-sized temporary file behind on every run.
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  return bytes;
}

// The folder holds only generated files: a .gitignore inside keeps it out of any repository it ends up in.
function ensureCacheDir(dir: string): void {
  makeFolders(path.resolve(dir));
  const stats = fs.lstatSync(dir);
  if (stats.isSymbolicLink()) throw new Error(`${dir} is a symbolic link: the index is not written through it`);
  if (!stats.isDirectory()) throw new Error(`${dir} is not a folder`);
  try {
    // 'wx': never through an existing name, such as a link to a file elsewhere.
    fs.writeFileSync(path.join(dir, '.gitignore'), '*\n', { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * `mkdir -p`, by hand: Node's `mkdirSync(dir, { recursive: true })` spins forever when mkdir fails with ENOENT inside
 * a folder that exists (`--cache-dir /proc/x`). Each missing folder is made once; any failure is thrown.
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let folder = dir; !fs.existsSync(folder); folder = path.dirname(folder)) {
    missing.push(folder);
    if (path.dirname(folder) === folder) break;
  }
  for (const folder of missing.reverse()) fs.mkdirSync(folder);
}
