// Child process: a restart with a persisted index, in a fresh process as a real restart is. Either in-thread
// (the CLI's path) or through the indexing worker (the language server's path).
import { loadLibraryCached, type CachedLoad } from '../src/core/cache/load-cached.js';
import { loadLibraryInWorker } from '../src/core/worker/load-in-worker.js';
import { childJob, log, reportResult, runMain } from './child.js';
import { peakRssMb, round, timedAsync } from './stats.js';

export interface WarmStartJob {
  corpusDir: string;
  cacheDir: string;
  inWorker: boolean;
}

export interface WarmStartResult {
  warmStartMs: number;
  /** Time the calling thread spent building the posting lists (with a worker: all it is busy for). */
  importMs: number;
  readFilesMs: number;
  readCacheMs: number;
  /** Source files read and hashed; 0 when every file's size and modification time vouched for its cached document. */
  read: number;
  reused: number;
  analysed: number;
  peakRssMb: number;
}

async function main(): Promise<void> {
  const job = childJob<WarmStartJob>();
  const options = { cacheDir: job.cacheDir };
  const { ms, value } = await timedAsync((): Promise<CachedLoad> =>
    job.inWorker ? loadLibraryInWorker([job.corpusDir], options) : loadLibraryCached([job.corpusDir], options),
  );
  if (value.stats.cache !== 'found' || value.stats.analysed > 0) {
    throw new Error(`expected a warm cache, got ${JSON.stringify(value.stats)}`);
  }
  const result: WarmStartResult = {
    warmStartMs: round(ms, 0),
    importMs: round(value.importMs, 0),
    readFilesMs: round(value.stats.readFilesMs, 0),
    readCacheMs: round(value.stats.readCacheMs, 0),
    read: value.stats.read,
    reused: value.stats.reused,
    analysed: value.stats.analysed,
    peakRssMb: round(peakRssMb(), 0),
  };
  log(
    `warm start${job.inWorker ? ' (worker)' : ''}: ${result.warmStartMs} ms, ${result.read} of ${value.stats.files} files read`,
  );
  reportResult(result);
}

runMain(main);
