// loadLibrary with a persisted index: documents whose path and content hash are unchanged since the last run are
// restored from the cache without re-analysis; only new and changed files are analysed (in parallel worker
// threads when there are many), the cache is saved, and the index is built once from the combined state.
import { availableParallelism } from 'node:os';
import { INDEX_FORMAT_VERSION, SourceLibrary, type LibraryState } from '../library.js';
import { readSourceFiles, type LoadOptions } from '../sources/load.js';
import type { SourceWarning } from '../types.js';
import { analyseInWorkers } from '../worker/analyse-in-workers.js';
import { mergeStates } from './state.js';
import { cacheFileFor, readCache, writeCache } from './store.js';

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
  files: number;
  /** Documents restored from the cache. */
  reused: number;
  /** Documents analysed now (new or changed files, or all of them without a usable cache). */
  analysed: number;
  /** Cached documents dropped because their file is gone or changed. */
  dropped: number;
  /** Worker threads the analysis ran in (0: on the calling thread). */
  workers: number;
  /** Bytes written when the cache was saved; 0 when nothing changed. */
  bytesWritten: number;
  /** Why the cache could not be saved (the library is complete regardless). */
  saveError?: string;
  /** Listing, reading and hashing the source files. */
  readFilesMs: number;
  /** Reading and validating the cache file. */
  readCacheMs: number;
  /** Analysing new and changed files. */
  analyseMs: number;
  saveMs: number;
}

/** The library's state before it is indexed: what a worker thread hands over. */
export interface CachedState {
  state: LibraryState;
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

// Below this many files per worker, starting workers costs more than it saves.
const MIN_FILES_PER_WORKER = 100;

export async function loadLibraryCached(inputs: string[], options: CachedLoadOptions = {}): Promise<CachedLoad> {
  const { state, warnings, stats } = await loadStateCached(inputs, options);
  const started = performance.now();
  const library = SourceLibrary.importState(state);
  return { library, warnings, stats, importMs: performance.now() - started };
}

/**
 * Everything loadLibraryCached does except building the index: the restored documents and the newly analysed
 * ones as one state, saved to the cache. The state is built (and saved) without ever indexing it, so a worker
 * thread can hand it over and the index is built once, where it is used.
 */
export async function loadStateCached(inputs: string[], options: CachedLoadOptions = {}): Promise<CachedState> {
  const { cacheDir, onProgress, workers = availableParallelism(), ...loadOptions } = options;
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return elapsed;
  };

  const { files, warnings } = await readSourceFiles(inputs, loadOptions);
  const readFilesMs = lap();

  const cacheFile = cacheDir === undefined ? undefined : cacheFileFor(cacheDir, inputs);
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile, INDEX_FORMAT_VERSION);
  const current = new Map(files.map((file) => [file.path, file.hash]));
  const restored: LibraryState = cached?.status === 'found'
    ? { ...cached.state, documents: cached.state.documents.filter(({ document }) => current.get(document.path) === document.hash) }
    : { formatVersion: INDEX_FORMAT_VERSION, terms: [], documents: [] };
  const reusedPaths = new Set(restored.documents.map(({ document }) => document.path));
  const stale = files.filter((file) => !reusedPaths.has(file.path));
  const readCacheMs = lap();

  const parallel = Math.min(workers, Math.floor(stale.length / MIN_FILES_PER_WORKER));
  let state = restored;
  let workersUsed = 0;
  if (parallel > 1) {
    const analysed = await analyseInWorkers(stale, parallel, onProgress);
    workersUsed = analysed.workers;
    state = mergeStates([restored, ...analysed.states]);
  } else if (stale.length > 0) {
    const fresh = new SourceLibrary();
    stale.forEach((file, i) => {
      fresh.upsert(file.path, file.text, file.hash);
      onProgress?.({ analysed: i + 1, total: stale.length, path: file.path });
    });
    state = mergeStates([restored, fresh.exportState()]);
  }
  const analyseMs = lap();

  const dropped = cached?.status === 'found' ? cached.state.documents.length - restored.documents.length : 0;
  const changed = stale.length > 0 || dropped > 0 || cached?.status !== 'found';
  let bytesWritten = 0;
  let saveError: string | undefined;
  if (cacheFile !== undefined && changed) {
    // The cache only saves time: a folder that cannot be written must not stop the checks.
    try {
      bytesWritten = writeCache(cacheFile, state);
    } catch (error) {
      saveError = (error as Error).message;
    }
  }
  const saveMs = lap();

  const stats: CacheStats = {
    cache: cached?.status ?? 'disabled',
    reason: cached?.status === 'invalid' ? cached.reason : undefined,
    cacheFile,
    files: files.length,
    reused: restored.documents.length,
    analysed: stale.length,
    dropped,
    workers: workersUsed,
    bytesWritten,
    saveError,
    readFilesMs,
    readCacheMs,
    analyseMs,
    saveMs,
  };
  return { state, warnings, stats };
}
