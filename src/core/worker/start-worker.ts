// Starting an indexing worker thread, bundled or from source.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerRequest } from './messages.js';

/**
 * Starts the worker script that sits beside this module. Bundled, this code is in dist/*.cjs and the worker is
 * dist/index-worker.cjs. Run from source (tests, tsx), it is index-worker.ts, and the worker must register tsx
 * itself: a worker thread does not inherit the parent's `--import tsx` loader.
 */
export function startWorker(workerData: WorkerRequest): Worker {
  // From source, tsx gives import.meta.url (as ESM or CommonJS). The bundle's import.meta is empty, and its
  // __filename is the bundle. (Not __filename first: inside an eval'd worker it is the global "[worker eval]".)
  const here = import.meta.url ? fileURLToPath(import.meta.url) : __filename;
  if (!here.endsWith('.ts')) return new Worker(path.join(path.dirname(here), 'index-worker.cjs'), { workerData });
  const tsx = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href;
  const entry = pathToFileURL(path.join(path.dirname(here), 'index-worker.ts')).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export function abortError(): Error {
  const error = new Error('indexing was cancelled');
  error.name = 'AbortError';
  return error;
}
