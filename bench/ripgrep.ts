// The ripgrep baseline: what a writer without an index does, `rg -F` for each quote over the source folder.
import { spawnSync } from 'node:child_process';
import { median, percentile, round, timed } from './stats.js';

export interface RipgrepResult {
  ripgrepQuoteLookupMs: number;
  ripgrepQuoteLookupP95Ms: number;
  ripgrepQuoteLookupTotalMs: number;
  ripgrepQuotesFound: number;
}

export function ripgrepAvailable(): boolean {
  return spawnSync('rg', ['--version'], { stdio: 'ignore' }).status === 0;
}

function search(quote: string, dir: string): boolean {
  const run = spawnSync('rg', ['--fixed-strings', '--files-with-matches', '--', quote, dir], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  return run.status === 0; // 0: found, 1: not found
}

export function measureRipgrep(quotes: readonly string[], dir: string): RipgrepResult {
  search('warm the page cache', dir); // both sides then read the corpus from memory
  const runs = quotes.map((quote) => timed(() => search(quote, dir)));
  const times = runs.map((run) => run.ms);
  return {
    ripgrepQuoteLookupMs: round(median(times), 2),
    ripgrepQuoteLookupP95Ms: round(percentile(times, 95), 2),
    ripgrepQuoteLookupTotalMs: round(
      times.reduce((sum, ms) => sum + ms, 0),
      1,
    ),
    ripgrepQuotesFound: runs.filter((run) => run.value).length,
  };
}
