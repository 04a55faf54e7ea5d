// What the host and the indexing worker say to each other.
import type { CacheStats, CachedLoadOptions, LoadProgress } from '../cache/load-cached.js';
import type { LibraryState } from '../library.js';
import type { SourceWarning } from '../types.js';

export interface WorkerRequest {
  inputs: string[];
  options: Omit<CachedLoadOptions, 'onProgress'>;
}

export type WorkerReply =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'done'; state: LibraryState; warnings: SourceWarning[]; stats: CacheStats }
  | { type: 'failed'; message: string };
