// A parallel build: the files are cut into one shard per worker (contiguous, so document order is kept, and of
// about equal size in characters), each worker analyses and indexes its shard, and the caller merges the states.
import type { LoadProgress } from '../cache/load-cached.js';
import type { LibraryState } from '../library.js';
import type { SourceFile } from '../sources/load.js';
import { runWorker } from './run-worker.js';

export async function analyseInWorkers(
  files: readonly SourceFile[],
  workers: number,
  onProgress?: (progress: LoadProgress) => void,
): Promise<LibraryState[]> {
  const shards = shard(files, workers);
  const analysed = new Array<number>(shards.length).fill(0);
  const replies = await Promise.all(
    shards.map((shardFiles, i) =>
      runWorker({ kind: 'analyse', files: shardFiles }, (progress) => {
        analysed[i] = progress.analysed;
        onProgress?.({ analysed: analysed.reduce((sum, n) => sum + n, 0), total: files.length, path: progress.path });
      }),
    ),
  );
  return replies.map((reply) => {
    if (reply.type !== 'analysed') throw new Error(`indexing worker answered ${reply.type}`);
    return reply.state;
  });
}

/** Contiguous runs of files with about the same number of characters each. */
export function shard(files: readonly SourceFile[], count: number): SourceFile[][] {
  const total = files.reduce((sum, file) => sum + file.text.length, 0);
  const shards: SourceFile[][] = [[]];
  let filled = 0;
  for (const file of files) {
    if (filled >= (total * shards.length) / count && shards.length < count) shards.push([]);
    shards[shards.length - 1].push(file);
    filled += file.text.length;
  }
  return shards;
}
