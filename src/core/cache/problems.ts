// What went wrong with the cache during a load, in a user's words. The load itself never fails for it (the
// index is rebuilt, or the damaged documents re-read, or the save skipped), but the user is told, by the CLI on
// standard error and by the language server in its log.
import type { CacheStats } from '../load-types.js';

export function cacheProblems(stats: CacheStats): string[] {
  const problems: string[] = [];
  if (stats.cache === 'invalid')
    problems.push(`${stats.cacheFile}: ${stats.reason ?? 'unusable'}; the index was rebuilt`);
  if (stats.damaged.length > 0) {
    problems.push(`${stats.cacheFile}: damaged text of ${stats.damaged.join(', ')}; read again from the source files`);
  }
  if (stats.saveError) problems.push(`the index could not be saved for next time: ${stats.saveError}`);
  return problems;
}
