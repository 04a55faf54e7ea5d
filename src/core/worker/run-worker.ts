// One worker, one request, one answer: the promise settles with the worker's final reply, passes progress on,
// and stops the worker when the signal aborts.
import { startWorker, abortError } from './start-worker.js';
import type { WorkerReply, WorkerRequest } from './messages.js';
import type { LoadProgress } from '../load-types.js';

type FinalReply = Exclude<WorkerReply, { type: 'progress' } | { type: 'failed' }>;

export function runWorker(
  request: WorkerRequest,
  onProgress?: (progress: LoadProgress) => void,
  signal?: AbortSignal,
): Promise<FinalReply> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const worker = startWorker(request);
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
      else settle(() => resolve(reply));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`indexing worker exited (code ${code}) before finishing`))),
    );
  });
}
