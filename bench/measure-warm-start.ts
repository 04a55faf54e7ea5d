// Child process: a restart with a persisted index, in a fresh process as a real restart is, by one of three
// paths: the CLI's (in-thread), the language server's (in-thread too when the cache is fresh, as here), and the
// indexing worker's (the server's path when a source changed since the cache was saved, less that file's analysis).
import { loadLibraryCached, type CachedLoad } from '../src/core/cache/load-cached.js';
import { loadLibraryFreshOrInWorker, loadLibraryInWorker } from '../src/core/worker/load-in-worker.js';
import { childJob, log, reportResult, runMain } from './child.js';
import { peakRssMb, round, timedAsync } from './stats.js';

export interface WarmStartJob {
  corpusDir: string;
  cacheDir: string;
  via: WarmStartPath;
}

export type WarmStartPath = 'cli' | 'server' | 'worker';

const LOADS: Record<WarmStartPath, (inputs: string[], options: { cacheDir: string }) => Promise<CachedLoad>> = {
  cli: loadLibraryCached,
  server: loadLibraryFreshOrInWorker,
  worker: loadLibraryInWorker,
};

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
  const { ms, value } = await timedAsync(() => LOADS[job.via]([job.corpusDir], options));
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
  log(`warm start (${job.via}): ${result.warmStartMs} ms, ${result.read} of ${value.stats.files} files read`);
  reportResult(result);
}

runMain(main);
