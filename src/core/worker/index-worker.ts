// The indexing worker's entry point (bundled on its own as dist/index-worker.cjs): loads a library through the
// cache, or analyses chunks of files, off the caller's thread, and hands states back without copying the term
// arrays.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { loadStateCached } from '../cache/load-cached.js';
import type { LoadProgress } from '../load-types.js';
import { analyseFiles } from '../library.js';
import type { AnalyseChunk, WorkerReply, WorkerRequest } from './messages.js';
import { packState } from './state-transfer.js';

// Progress is reported at most this often: a message per file would flood the host on a 50,000-file corpus.
const PROGRESS_INTERVAL_MS = 100;

type Port = MessagePort;

function reporter(port: Port): (progress: LoadProgress) => void {
  let lastReport = 0;
  return (progress) => {
    const now = performance.now();
    if (now - lastReport < PROGRESS_INTERVAL_MS && progress.analysed < progress.total) return;
    lastReport = now;
    port.postMessage({ type: 'progress', progress } satisfies WorkerReply);
  };
}

function fail(port: Port, error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  port.postMessage({ type: 'failed', message } satisfies WorkerReply);
}

async function load(port: Port, request: Extract<WorkerRequest, { kind: 'load' }>): Promise<void> {
  try {
    // The state, not a library: the index is built once, on the thread that uses it.
    const { state, warnings, stats } = await loadStateCached(request.inputs, {
      ...request.options,
      onProgress: reporter(port),
    });
    const packed = packState(state);
    port.postMessage({ type: 'loaded', packed, warnings, stats } satisfies WorkerReply, [packed]);
  } catch (error) {
    fail(port, error);
  }
}

/** One chunk analysed (not indexed): the worker never holds more than one chunk, whatever the corpus size. */
function analyse(port: Port, { files }: AnalyseChunk): void {
  try {
    const report = reporter(port);
    const state = analyseFiles(files, (analysed, file) => report({ analysed, total: files.length, path: file.path }));
    const packed = packState(state);
    port.postMessage({ type: 'analysed', packed } satisfies WorkerReply, [packed]);
  } catch (error) {
    fail(port, error);
  }
}

if (parentPort) {
  const port = parentPort;
  const request = workerData as WorkerRequest;
  if (request.kind === 'load') void load(port, request);
  else port.on('message', (chunk: AnalyseChunk) => analyse(port, chunk));
}
