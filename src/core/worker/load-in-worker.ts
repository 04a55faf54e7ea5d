// Loads the source library in a worker thread, so the language server keeps answering hovers and diagnostics
// while thousands of files are analysed. Only the final import of the finished index runs on the caller's thread;
// a cache that vouches for every file is restored on that thread instead (loadLibraryFreshOrInWorker).
import { loadFreshState } from '../cache/load-cached.js';
import type { CachedLoad, CachedLoadOptions } from '../load-types.js';
import { SourceLibrary } from '../library.js';
import { runWorker } from './run-worker.js';
import { abortError } from './start-worker.js';
import { unpackStoredState } from './state-transfer.js';

export interface WorkerLoadOptions extends CachedLoadOptions {
  /** Aborting stops the worker at once and rejects with an AbortError. */
  signal?: AbortSignal;
}

export async function loadLibraryInWorker(inputs: string[], options: WorkerLoadOptions = {}): Promise<CachedLoad> {
  const { signal, onProgress, ...loadOptions } = options;
  const reply = await runWorker({ kind: 'load', inputs, options: loadOptions }, onProgress, signal);
  if (reply.type !== 'loaded') throw new Error(`indexing worker answered ${reply.type}`);
  const started = performance.now();
  const library = SourceLibrary.importState(unpackStoredState(reply.packed));
  return { library, warnings: reply.warnings, stats: reply.stats, importMs: performance.now() - started };
}

/**
 * The language server's load: from a cache that vouches for every file, on this thread, as the CLI loads;
 * otherwise (files to read or analyse, a cache to save) in the worker. Restoring a fresh cache here keeps this
 * thread busy for less time than decoding the state a worker would hand over, and the worker's start, its own
 * reading of the cache and the hand-over come on top of that: through the worker, a warm start took two to three
 * times the CLI's.
 */
export async function loadLibraryFreshOrInWorker(
  inputs: string[],
  options: WorkerLoadOptions = {},
): Promise<CachedLoad> {
  const { signal, onProgress, ...loadOptions } = options;
  const fresh = await loadFreshState(inputs, loadOptions);
  if (signal?.aborted) throw abortError();
  if (!fresh) return loadLibraryInWorker(inputs, options);
  const started = performance.now();
  const library = SourceLibrary.importState(fresh.state);
  return { library, warnings: fresh.warnings, stats: fresh.stats, importMs: performance.now() - started };
}
