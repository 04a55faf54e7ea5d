// The indexing worker's entry point (bundled on its own as dist/index-worker.cjs): loads a library through the
// cache, or analyses a shard of files, off the caller's thread, and hands the state back without copying the
// term arrays.
import { parentPort, workerData } from 'node:worker_threads';
import { loadLibraryCached, type LoadProgress } from '../cache/load-cached.js';
import { SourceLibrary } from '../library.js';
import type { WorkerReply, WorkerRequest } from './messages.js';
import { transferablesOf } from './start-worker.js';

// Progress is reported at most this often: a message per file would flood the host on a 50,000-file corpus.
const PROGRESS_INTERVAL_MS = 100;

async function serve(port: NonNullable<typeof parentPort>, request: WorkerRequest): Promise<void> {
  let lastReport = 0;
  const reportProgress = (progress: LoadProgress) => {
    const now = performance.now();
    if (now - lastReport < PROGRESS_INTERVAL_MS && progress.analysed < progress.total) return;
    lastReport = now;
    port.postMessage({ type: 'progress', progress } satisfies WorkerReply);
  };
  try {
    if (request.kind === 'load') {
      const { library, warnings, stats } = await loadLibraryCached(request.inputs, { ...request.options, onProgress: reportProgress });
      const state = library.exportState();
      port.postMessage({ type: 'loaded', state, warnings, stats } satisfies WorkerReply, transferablesOf(state));
    } else {
      const library = new SourceLibrary();
      request.files.forEach((file, i) => {
        library.upsert(file.path, file.text, file.hash);
        reportProgress({ analysed: i + 1, total: request.files.length, path: file.path });
      });
      const state = library.exportState();
      port.postMessage({ type: 'analysed', state } satisfies WorkerReply, transferablesOf(state));
    }
  } catch (error) {
    port.postMessage({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply);
  }
}

if (parentPort) void serve(parentPort, workerData as WorkerRequest);
