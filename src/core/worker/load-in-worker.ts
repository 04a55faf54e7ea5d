// Loads the source library in a worker thread, so the language server keeps answering hovers and diagnostics
// while thousands of files are analysed. Only the final import of the finished index runs on the caller's thread.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { CachedLoad, CachedLoadOptions } from '../cache/load-cached.js';
import { SourceLibrary } from '../library.js';
import type { WorkerReply, WorkerRequest } from './messages.js';

export interface WorkerLoadOptions extends CachedLoadOptions {
  /** Aborting stops the worker at once and rejects with an AbortError. */
  signal?: AbortSignal;
}

export interface WorkerLoad extends CachedLoad {
  /** Time spent on the caller's thread rebuilding the index from the worker's state. */
  importMs: number;
}

export function loadLibraryInWorker(inputs: string[], options: WorkerLoadOptions = {}): Promise<WorkerLoad> {
  const { signal, onProgress, ...workerOptions } = options;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const request: WorkerRequest = { inputs, options: workerOptions };
    const entry = workerEntry();
    const worker = new Worker(entry.file, { workerData: request, execArgv: entry.execArgv });
    let settled = false;
    const settle = (finish: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      finish();
    };
    const onAbort = () => {
      void worker.terminate();
      settle(() => reject(abortError()));
    };
    signal?.addEventListener('abort', onAbort, { once: true });

    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'progress') onProgress?.(reply.progress);
      else if (reply.type === 'failed') settle(() => reject(new Error(`indexing worker failed: ${reply.message}`)));
      else {
        settle(() => {
          try {
            const started = performance.now();
            const library = SourceLibrary.importState(reply.state);
            resolve({ library, warnings: reply.warnings, stats: reply.stats, importMs: performance.now() - started });
          } catch (error) {
            reject(error);
          }
        });
      }
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`indexing worker exited (code ${code}) before finishing`))));
  });
}

/**
 * The worker script. Bundled (dist/*.cjs has __dirname), it is dist/index-worker.cjs beside the bundle; run from
 * source (tests, tsx), it is the .ts entry, loaded through tsx as the parent process is.
 */
function workerEntry(): { file: string | URL; execArgv?: string[] } {
  if (typeof __dirname === 'string') return { file: path.join(__dirname, 'index-worker.cjs') };
  const execArgv = process.execArgv.some((arg) => arg.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
  return { file: new URL('./index-worker.ts', import.meta.url), execArgv };
}

function abortError(): Error {
  const error = new Error('indexing was cancelled');
  error.name = 'AbortError';
  return error;
}
