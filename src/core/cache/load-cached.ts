// loadLibrary with a persisted index: documents whose path and content hash are unchanged since the last run are
// restored from the cache without re-analysis; only new and changed files are analysed, then the cache is saved.
import { INDEX_FORMAT_VERSION, SourceLibrary } from '../library.js';
import { readSourceFiles, type LoadOptions } from '../sources/load.js';
import type { SourceWarning } from '../types.js';
import { cacheFileFor, readCache, writeCache } from './store.js';

export interface CachedLoadOptions extends LoadOptions {
  /** Folder for the cache file (created when missing). Undefined: no cache, every file is analysed. */
  cacheDir?: string;
  /** Called after each analysed file, for progress reports; `total` counts only files that need analysis. */
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
  /** Bytes written when the cache was saved; 0 when nothing changed. */
  bytesWritten: number;
  /** Why the cache could not be saved (the library is complete regardless). */
  saveError?: string;
  readFilesMs: number;
  restoreMs: number;
  analyseMs: number;
  saveMs: number;
}

export interface CachedLoad {
  library: SourceLibrary;
  warnings: SourceWarning[];
  stats: CacheStats;
}

export async function loadLibraryCached(inputs: string[], options: CachedLoadOptions = {}): Promise<CachedLoad> {
  const { cacheDir, onProgress, ...loadOptions } = options;
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
  const kept = cached?.status === 'found'
    ? cached.state.documents.filter(({ document }) => current.get(document.path) === document.hash)
    : [];
  const library = cached?.status === 'found'
    ? SourceLibrary.importState({ ...cached.state, documents: kept })
    : new SourceLibrary();
  const restoreMs = lap();

  const reusedPaths = new Set(kept.map(({ document }) => document.path));
  const stale = files.filter((file) => !reusedPaths.has(file.path));
  stale.forEach((file, i) => {
    library.upsert(file.path, file.text, file.hash);
    onProgress?.({ analysed: i + 1, total: stale.length, path: file.path });
  });
  const analyseMs = lap();

  const dropped = cached?.status === 'found' ? cached.state.documents.length - kept.length : 0;
  const changed = stale.length > 0 || dropped > 0 || cached?.status !== 'found';
  let bytesWritten = 0;
  let saveError: string | undefined;
  if (cacheFile !== undefined && changed) {
    // The cache only saves time: a folder that cannot be written must not stop the checks.
    try {
      bytesWritten = writeCache(cacheFile, library.exportState());
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
    reused: kept.length,
    analysed: stale.length,
    dropped,
    bytesWritten,
    saveError,
    readFilesMs,
    restoreMs,
    analyseMs,
    saveMs,
  };
  return { library, warnings, stats };
}
