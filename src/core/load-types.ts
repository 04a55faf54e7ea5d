// What loading a library through the cache takes and tells: shared by cache/ (which loads) and worker/ (which
// loads in a thread and reports progress), in a module of their own so that neither imports the other for them.
import type { AnyPersistedDocument, LibraryState, SourceLibrary } from './library.js';
import type { LoadOptions } from './sources/load.js';
import type { SourceWarning } from './types.js';

export interface CachedLoadOptions extends LoadOptions {
  /** Folder for the cache file (created when missing). Undefined: no cache, every file is analysed. */
  cacheDir?: string;
  /** Worker threads analysing files in parallel; default: one per core. 1: analyse on this thread. */
  workers?: number;
  /** Called as files are analysed, for progress reports; `total` counts only files that need analysis. */
  onProgress?: (progress: LoadProgress) => void;
}

export interface LoadProgress {
  analysed: number;
  total: number;
  path: string;
}

export interface CacheStats {
  /** missing: no cache yet; invalid: damaged, foreign or of another version (see `reason`), rebuilt. */
  cache: 'disabled' | 'missing' | 'invalid' | 'found';
  reason?: string;
  cacheFile?: string;
  /** Source files in the library. */
  files: number;
  /** Files read and hashed: new, changed or touched ones, and any whose stamp could not vouch for the cache. */
  read: number;
  /** Documents restored from the cache (read or not). */
  reused: number;
  /** Documents analysed now (new or changed files, or all of them without a usable cache). */
  analysed: number;
  /** Cached documents dropped because their file is gone or changed. */
  dropped: number;
  /** Documents whose cached text was damaged (the rest of the cache was sound): their files were read again. */
  damaged: string[];
  /** Worker threads the analysis ran in (0: on the calling thread). */
  workers: number;
  /** Bytes written when the cache was saved; 0 when nothing changed. */
  bytesWritten: number;
  /** Why the cache could not be saved (the library is complete regardless). */
  saveError?: string;
  /** Listing the source files (with their size and modification time), and reading and hashing those read. */
  readFilesMs: number;
  /** Reading and validating the cache file. */
  readCacheMs: number;
  /** Analysing new and changed files. */
  analyseMs: number;
  saveMs: number;
}

/** The library's state before it is indexed: what a worker thread hands over. */
export interface CachedState {
  state: LibraryState<AnyPersistedDocument>;
  warnings: SourceWarning[];
  stats: CacheStats;
}

export interface CachedLoad {
  library: SourceLibrary;
  warnings: SourceWarning[];
  stats: CacheStats;
  /** Time spent on the calling thread building the index (posting lists) from the state. */
  importMs: number;
}
