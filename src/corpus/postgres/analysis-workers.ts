// A push's analysis on worker threads (the indexing workers' 'analyse' mode), kept alive for the whole push: the
// push's own thread then only builds rows and talks to the database. Analysing on that thread blocked it, so the
// database waited for each batch's next statement while the next batch was analysed (at 2,500 documents the
// statements of a batch spent 2.7 times as long as the analysis, most of it waiting for it).
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { LibraryState } from '../../core/library.js';
import type { SourceFile } from '../../core/sources/load.js';
import type { AnalyseChunk, WorkerReply } from '../../core/worker/messages.js';
import { startWorker } from '../../core/worker/start-worker.js';
import { unpackState } from '../../core/worker/state-transfer.js';

/** One core is left to the push's thread and a local database server; at least one worker, at most this many. */
const MAX_WORKERS = 4;

export function analysisWorkerCount(): number {
  return Math.max(1, Math.min(MAX_WORKERS, availableParallelism() - 1));
}

export class AnalysisWorkers {
  private readonly started: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: ((worker: Worker) => void)[] = [];

  constructor(readonly size: number) {}

  /** The files' analysis, as `analyseFiles` gives it, from the next free worker. */
  async analyse(files: SourceFile[]): Promise<LibraryState> {
    const worker = await this.take();
    try {
      return await new Promise<LibraryState>((resolve, reject) => {
        const onMessage = (reply: WorkerReply) => {
          if (reply.type === 'progress') return;
          worker.off('message', onMessage).off('error', reject);
          if (reply.type === 'analysed') resolve(unpackState(reply.packed));
          else reject(new Error(`analysis worker failed: ${reply.type === 'failed' ? reply.message : reply.type}`));
        };
        worker.on('message', onMessage).on('error', reject);
        worker.postMessage({ files } satisfies AnalyseChunk);
      });
    } finally {
      this.give(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.started.map((worker) => worker.terminate()));
  }

  private take(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    if (this.started.length < this.size) {
      const fresh = startWorker({ kind: 'analyse' });
      this.started.push(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(worker: Worker): void {
    const next = this.waiting.shift();
    if (next) next(worker);
    else this.idle.push(worker);
  }
}
