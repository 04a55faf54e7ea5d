// What the host and an indexing worker say to each other. A worker either loads a whole library (the language
// server's background build) or, in a parallel build, analyses the chunks of files it is sent one at a time.
// States come back packed (state-transfer.ts).
import type { CacheStats, CachedLoadOptions, LoadProgress } from '../load-types.js';
import type { SourceFile } from '../sources/load.js';
import type { SourceWarning } from '../types.js';

export type WorkerRequest =
  { kind: 'load'; inputs: string[]; options: Omit<CachedLoadOptions, 'onProgress'> } | { kind: 'analyse' };

/** A chunk of files for an 'analyse' worker. */
export interface AnalyseChunk {
  files: SourceFile[];
}

export type WorkerReply =
  | { type: 'progress'; progress: LoadProgress }
  | { type: 'loaded'; packed: ArrayBuffer; warnings: SourceWarning[]; stats: CacheStats }
  | { type: 'analysed'; packed: ArrayBuffer }
  | { type: 'failed'; message: string };
