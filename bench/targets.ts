// The targets of issue 4, stated at 10,000 documents on a 2-core machine (the 2 GB memory bound at 50,000).
import type { CorpusResult } from './results.js';

export interface Target {
  label: string;
  /** The corpus size the target is stated for. */
  docs: number;
  met(result: CorpusResult): boolean;
}

export const TARGETS: Target[] = [
  { label: 'edit re-check p95 ≤ 20 ms', docs: 10_000, met: (r) => r.editRecheckP95Ms <= 20 },
  { label: 'full check ≤ 500 ms', docs: 10_000, met: (r) => r.fullCheckMs <= 500 },
  { label: 'index build ≤ 10 s', docs: 10_000, met: (r) => r.indexBuildMs <= 10_000 },
  { label: 'index build no slower than MiniSearch', docs: 10_000, met: (r) => r.indexBuildMs <= r.minisearchBuildMs },
  { label: 'peak RSS ≤ 500 MB', docs: 10_000, met: (r) => r.peakRssMb <= 500 },
  { label: 'warm start ≤ 1 s', docs: 10_000, met: (r) => r.warmStartMs <= 1000 },
  // Issue 13's last section.
  {
    label: "language server's warm start ≤ 1.3× the CLI's",
    docs: 10_000,
    met: (r) => r.warmStartServerMs <= 1.3 * r.warmStartMs,
  },
  { label: 'quote lookup ≥ 100× faster than rg', docs: 10_000, met: (r) => (r.quoteLookupSpeedup ?? 0) >= 100 },
  { label: 'peak RSS ≤ 2 GB', docs: 50_000, met: (r) => r.peakRssMb <= 2048 },
];
