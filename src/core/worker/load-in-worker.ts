// Loads the source library in a worker thread, so the language server keeps answering hovers and diagnostics
// while thousands of files are analysed. Only the final import of the finished index runs on the caller's thread.
import type { CachedLoad, CachedLoadOptions } from '../load-types.js';
import { SourceLibrary } from '../library.js';
import { runWorker } from './run-worker.js';
import { unpackState } from './state-transfer.js';

export interface WorkerLoadOptions extends CachedLoadOptions {
  /** Aborting stops the worker at once and rejects with an AbortError. */
  signal?: AbortSignal;
}

export async function loadLibraryInWorker(inputs: string[], options: WorkerLoadOptions = {}): Promise<CachedLoad> {
  const { signal, onProgress, ...loadOptions } = options;
  const reply = await runWorker({ kind: 'load', inputs, options: loadOptions }, onProgress, signal);
  if (reply.type !== 'loaded') throw new Error(`indexing worker answered ${reply.type}`);
  const started = performance.now();
  const library = SourceLibrary.importState(unpackState(reply.packed));
  return { library, warnings: reply.warnings, stats: reply.stats, importMs: performance.now() - started };
}
