// A parallel build: the files are cut into chunks (contiguous, so document order is kept), a pool of workers
// analyses and indexes one chunk at a time each, and the caller merges the chunks' states. Small chunks keep
// each worker's heap small: peak memory grows with the chunk, not with the corpus.
import type { LoadProgress } from '../load-types.js';
import type { LibraryState } from '../library.js';
import type { SourceFile } from '../sources/load.js';
import type { AnalyseChunk, WorkerReply } from './messages.js';
import { startWorker } from './start-worker.js';
import { unpackState } from './state-transfer.js';

/** About 300 news articles: big enough that messaging costs nothing next to the analysis. */
const CHUNK_CHARS = 1_000_000;

export async function analyseInWorkers(
  files: readonly SourceFile[],
  workers: number,
  onProgress?: (progress: LoadProgress) => void,
): Promise<{ states: LibraryState[]; workers: number }> {
  const chunks = chunk(files, CHUNK_CHARS);
  const states = new Array<LibraryState>(chunks.length);
  const inFlight = new Map<number, number>(); // chunk -> files analysed so far
  let finishedFiles = 0;
  let next = 0;
  const report = (path: string) => {
    let analysed = finishedFiles;
    for (const count of inFlight.values()) analysed += count;
    onProgress?.({ analysed, total: files.length, path });
  };

  const runPool = () =>
    new Promise<void>((resolve, reject) => {
      const worker = startWorker({ kind: 'analyse' });
      let current = -1;
      const sendNext = () => {
        if (next >= chunks.length) {
          void worker.terminate().then(() => resolve(), reject);
          return;
        }
        current = next++;
        inFlight.set(current, 0);
        worker.postMessage({ files: chunks[current] } satisfies AnalyseChunk);
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') {
          inFlight.set(current, reply.progress.analysed);
          report(reply.progress.path);
        } else if (reply.type === 'analysed') {
          states[current] = unpackState(reply.packed);
          inFlight.delete(current);
          finishedFiles += chunks[current].length;
          sendNext();
        } else if (reply.type === 'failed') {
          void worker.terminate();
          reject(new Error(`indexing worker failed: ${reply.message}`));
        }
      });
      worker.on('error', reject);
      sendNext();
    });

  const pool = Math.min(workers, chunks.length);
  await Promise.all(Array.from({ length: pool }, runPool));
  return { states, workers: pool };
}

/** Contiguous runs of files of at most `maxChars` characters each (a larger file is a chunk of its own). */
export function chunk(files: readonly SourceFile[], maxChars: number): SourceFile[][] {
  const chunks: SourceFile[][] = [];
  let size = Infinity;
  for (const file of files) {
    if (size + file.text.length > maxChars) {
      chunks.push([]);
      size = 0;
    }
    chunks[chunks.length - 1].push(file);
    size += file.text.length;
  }
  return chunks;
}
