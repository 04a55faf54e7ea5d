// loadLibrary with a persisted index: documents whose path and content hash are unchanged since the last run are
// restored from the cache without re-analysis; only new and changed files are analysed (in parallel worker
// threads when there are many), the cache is saved, and the index is built once from the combined state.
//
// A file is not even read when its size and modification time are those stored with its document, as git's
// index does: at 10,000 files, reading and hashing every file took longer than restoring the whole cache.
import { availableParallelism } from 'node:os';
import {
  analyseFiles,
  INDEX_FORMAT_VERSION,
  SourceLibrary,
  type AnyPersistedDocument,
  type LibraryState,
} from '../library.js';
import type { CachedLoad, CachedLoadOptions, CachedState, CacheStats } from '../load-types.js';
import {
  comparePaths,
  listSourceFiles,
  readListedFiles,
  type FileStamp,
  type ListedFile,
  type SourceFile,
} from '../sources/load.js';
import { analyseInWorkers } from '../worker/analyse-in-workers.js';
import { mergeStates } from './state.js';
import { cacheFileFor, readCache, writeCache, type CacheRead } from './store.js';
import type { SourceWarning } from '../types.js';

export type { CachedLoad, CachedLoadOptions, CachedState, CacheStats, LoadProgress } from '../load-types.js';

type FoundCache = Extract<CacheRead, { status: 'found' }>;

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
  return completeState(await restoreCached(inputs, options), options);
}

/**
 * loadStateCached when the cache vouches for every source file without reading it and holds no other document:
 * nothing to read, analyse or save. Undefined otherwise, having read no source file.
 */
export async function loadFreshState(
  inputs: string[],
  options: CachedLoadOptions = {},
): Promise<CachedState | undefined> {
  const restoring = await restoreCached(inputs, options);
  const { listing, found, vouched } = restoring;
  const fresh =
    found !== undefined &&
    found.damaged.length === 0 &&
    vouched.size === listing.files.length &&
    found.state.documents.length === vouched.size;
  return fresh ? completeState(restoring, options) : undefined;
}

/** The source files listed, the cache read, and which listed files the cache vouches for unread. */
interface Restoring {
  listing: { files: ListedFile[]; warnings: SourceWarning[] };
  cacheFile: string | undefined;
  cached: CacheRead | undefined;
  found: FoundCache | undefined;
  vouched: Set<string>;
  listMs: number;
  readCacheMs: number;
}

async function restoreCached(inputs: string[], options: CachedLoadOptions): Promise<Restoring> {
  const { cacheDir, onProgress, workers, ...loadOptions } = options;
  const started = performance.now();
  const listing = await listSourceFiles(inputs, loadOptions);
  const listed = performance.now();
  const cacheFile = cacheDir === undefined ? undefined : cacheFileFor(cacheDir, inputs);
  const cached = cacheFile === undefined ? undefined : readCache(cacheFile, INDEX_FORMAT_VERSION);
  const found = cached?.status === 'found' ? cached : undefined;
  const readCacheMs = performance.now() - listed;
  const vouched = found ? pathsVouchedFor(listing.files, found) : new Set<string>();
  return { listing, cacheFile, cached, found, vouched, listMs: listed - started, readCacheMs };
}

/** Reads and analyses what the cache does not vouch for, and saves the cache when anything changed. */
async function completeState(restoring: Restoring, options: CachedLoadOptions): Promise<CachedState> {
  const { cacheDir, onProgress, workers = availableParallelism(), ...loadOptions } = options;
  const { listing, cacheFile, cached, found, vouched, listMs, readCacheMs } = restoring;
  let mark = performance.now();
  const lap = () => {
    const now = performance.now();
    const elapsed = now - mark;
    mark = now;
    return elapsed;
  };

  const read = await readListedFiles(
    listing.files.filter((file) => !vouched.has(file.path)),
    loadOptions,
  );
  const warnings = [...listing.warnings, ...read.warnings];
  const { restored, rehashed, stale } = sortByCache(read.files, vouched, found);
  const readFilesMs = listMs + lap();

  const parallel = Math.min(workers, Math.floor(stale.length / MIN_FILES_PER_WORKER));
  // Documents in path order however they came (restored, or analysed now): a cached run indexes exactly as a run
  // without the cache, so that its results are the same, ties included.
  let state = restored;
  let workersUsed = 0;
  if (parallel > 1) {
    const analysed = await analyseInWorkers(stale, parallel, onProgress);
    workersUsed = analysed.workers;
    state = inPathOrder(mergeStates<AnyPersistedDocument>([restored, ...analysed.states]));
  } else if (stale.length > 0) {
    const fresh = analyseFiles(stale, (analysed, file) =>
      onProgress?.({ analysed, total: stale.length, path: file.path }),
    );
    state = inPathOrder(mergeStates<AnyPersistedDocument>([restored, fresh]));
  }
  const analyseMs = lap();

  // Every stamp is from the listing, taken before any file was read: a file changed after it was read is then
  // stamped with its earlier time, so the next run sees the change.
  const stamps = new Map<string, FileStamp>(listing.files.map((file) => [file.path, file]));
  const dropped = found ? found.state.documents.length - restored.documents.length : 0;
  // Files touched without being changed get their new stamp saved, so that next time they are not read again.
  const restamped = rehashed.some((file) => !sameStamp(found?.stamps.get(file.path), stamps.get(file.path)));
  const damaged = found?.damaged ?? [];
  const changed = stale.length > 0 || dropped > 0 || restamped || damaged.length > 0 || !found;
  let bytesWritten = 0;
  let saveError: string | undefined;
  if (cacheFile !== undefined && changed) {
    // The cache only saves time: a folder that cannot be written must not stop the checks.
    try {
      bytesWritten = writeCache(cacheFile, state, stamps);
    } catch (error) {
      saveError = (error as Error).message;
    }
  }
  const saveMs = lap();

  const stats: CacheStats = {
    cache: cached?.status ?? 'disabled',
    reason: cached?.status === 'invalid' ? cached.reason : undefined,
    cacheFile,
    files: state.documents.length,
    read: read.files.length + read.warnings.length,
    reused: restored.documents.length,
    analysed: stale.length,
    dropped,
    damaged,
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

/**
 * The cached documents still current (those vouched for unread, and those whose file was read and hashes the
 * same), the read files that hash the same, and the read files that are new or changed.
 */
function sortByCache(
  read: SourceFile[],
  vouched: Set<string>,
  found: FoundCache | undefined,
): { restored: LibraryState<AnyPersistedDocument>; rehashed: SourceFile[]; stale: SourceFile[] } {
  if (!found)
    return { restored: { formatVersion: INDEX_FORMAT_VERSION, terms: [], documents: [] }, rehashed: [], stale: read };
  const readHashes = new Map(read.map((file) => [file.path, file.hash]));
  const unchanged = new Set<string>();
  const documents = found.state.documents.filter(({ document }) => {
    if (vouched.has(document.path)) return true;
    if (readHashes.get(document.path) !== document.hash) return false;
    unchanged.add(document.path);
    return true;
  });
  return {
    restored: { ...found.state, documents },
    rehashed: read.filter((file) => unchanged.has(file.path)),
    stale: read.filter((file) => !unchanged.has(file.path)),
  };
}

function inPathOrder<Document extends AnyPersistedDocument>(state: LibraryState<Document>): LibraryState<Document> {
  const documents = state.documents.slice().sort((a, b) => comparePaths(a.document.path, b.document.path));
  return { ...state, documents };
}

/**
 * The listed files whose cached document can be used without reading them: size and modification time are the
 * ones stored with it, and the file was last modified before the cache was written. A file modified in the same
 * clock tick as the save may have changed after it was read without its time showing it, so it is re-hashed
 * (git's "racily clean" entries); it keeps its stamp, and is re-hashed on every start until the cache is next saved.
 */
function pathsVouchedFor(files: ListedFile[], cache: FoundCache): Set<string> {
  const vouched = new Set<string>();
  for (const file of files) {
    if (file.mtimeMs < cache.writtenMs && sameStamp(cache.stamps.get(file.path), file)) vouched.add(file.path);
  }
  return vouched;
}

function sameStamp(a: FileStamp | undefined, b: FileStamp | undefined): boolean {
  return a !== undefined && b !== undefined && a.size === b.size && a.mtimeMs === b.mtimeMs;
}
