// One corpus size's figures: the field names of issue 4 (kept as they are), and more.
import type { GroundworkResult } from './measure-groundwork.js';
import type { MiniSearchResult } from './measure-minisearch.js';
import type { RipgrepResult } from './ripgrep.js';

export interface CorpusResult
  extends Omit<GroundworkResult, 'indexMbPerSec'>, MiniSearchResult, Partial<RipgrepResult> {
  docs: number;
  /** Real articles; the rest are recombined from their paragraphs. */
  realDocs: number;
  megabytes: number;
  indexMbPerSec: number;
  warmStartMs: number;
  warmStartRunsMs: number[];
  /** The language server's restart: on its thread, as the CLI's, when the cache is fresh (as in the bench). */
  warmStartServerMs: number;
  /**
   * The language server's restart when a source changed since the cache was saved (less that file's analysis): the
   * load in the indexing worker, then imported on the server's thread.
   */
  warmStartWorkerMs: number;
  workerImportMs: number;
  evalCasesPerSec: number;
  /** Median check of one benchmark case's claim, its source already read. */
  claimVerifyMs: number;
  /** ripgrep's time per quote over Groundwork's; absent without ripgrep. */
  quoteLookupSpeedup?: number;
  /** MiniSearch's build time over Groundwork's (> 1: Groundwork builds faster). */
  buildSpeedupVsMinisearch: number;
  /** MiniSearch's time per query over Groundwork's retrieval. */
  querySpeedupVsMinisearch: number;
}

export interface BenchReport {
  machine: {
    node: string;
    cpus: number;
    cpuModel: string;
    platform: string;
    totalMemoryMb: number;
    /** 1-minute load averages when the run started and ended: other work on the machine skews every figure. */
    loadAverageAtStart: number;
    loadAverageAtEnd: number;
  };
  draft: { words: number; sentences: number; planted: number; quotes: number; edits: number };
  evalCases: number;
  corpora: CorpusResult[];
}
