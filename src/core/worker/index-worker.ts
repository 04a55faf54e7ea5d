// The indexing worker's entry point (bundled on its own as dist/index-worker.cjs): loads the library, through the
// cache, off the language server's thread, and hands its state back without copying the term arrays.
import { parentPort, workerData } from 'node:worker_threads';
import { loadLibraryCached } from '../cache/load-cached.js';
import type { WorkerReply, WorkerRequest } from './messages.js';

// Progress is reported at most this often: a message per file would flood the host on a 50,000-file corpus.
const PROGRESS_INTERVAL_MS = 100;

async function run(port: NonNullable<typeof parentPort>, request: WorkerRequest): Promise<void> {
  const post = (reply: WorkerReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  let lastReport = 0;
  try {
    const { library, warnings, stats } = await loadLibraryCached(request.inputs, {
      ...request.options,
      onProgress: (progress) => {
        const now = performance.now();
        if (now - lastReport < PROGRESS_INTERVAL_MS && progress.analysed < progress.total) return;
        lastReport = now;
        post({ type: 'progress', progress });
      },
    });
    const state = library.exportState();
    const buffers = new Set<ArrayBuffer>();
    for (const { termIds, sentenceTermStarts } of state.documents) {
      buffers.add(termIds.buffer as ArrayBuffer);
      buffers.add(sentenceTermStarts.buffer as ArrayBuffer);
    }
    post({ type: 'done', state, warnings, stats }, [...buffers]);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

if (parentPort) void run(parentPort, workerData as WorkerRequest);
