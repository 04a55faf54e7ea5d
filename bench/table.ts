// The human-readable report: one column per corpus size, one row per figure, then the targets.
import type { BenchReport, CorpusResult } from './results.js';
import { TARGETS } from './targets.js';

type Row = [label: string, value: (r: CorpusResult) => number | undefined, unit: string];

const ROWS: Row[] = [
  ['documents', (r) => r.docs, ''],
  ['megabytes', (r) => r.megabytes, 'MB'],
  ['index build', (r) => r.indexBuildMs, 'ms'],
  ['  worker threads', (r) => r.indexBuildWorkers, ''],
  ['index build throughput', (r) => r.indexMbPerSec, 'MB/s'],
  ['peak RSS after indexing', (r) => r.peakRssMb, 'MB'],
  ['RSS when indexing ends', (r) => r.rssAfterIndexMb, 'MB'],
  ['warm start (persisted index)', (r) => r.warmStartMs, 'ms'],
  ['warm start, language server', (r) => r.warmStartServerMs, 'ms'],
  ['warm start via worker (a source changed)', (r) => r.warmStartWorkerMs, 'ms'],
  ['  of which import on server thread', (r) => r.workerImportMs, 'ms'],
  ['cache file', (r) => r.cacheMegabytes, 'MB'],
  ['full check, 3,000-word draft', (r) => r.fullCheckMs, 'ms'],
  ['edit re-check p50', (r) => r.editRecheckP50Ms, 'ms'],
  ['edit re-check p95', (r) => r.editRecheckP95Ms, 'ms'],
  ['hover p95', (r) => r.hoverP95Ms, 'ms'],
  ['eval', (r) => r.evalCasesPerSec, 'cases/s'],
  ['  check per claim (median)', (r) => r.claimVerifyMs, 'ms'],
  ['quote lookup (median per quote)', (r) => r.quoteLookupMs, 'ms'],
  ['rg -F per quote', (r) => r.ripgrepQuoteLookupMs, 'ms'],
  ['  speed-up over rg', (r) => r.quoteLookupSpeedup, '×'],
  ['retrieval per claim', (r) => r.retrievalQueryMs, 'ms'],
  ['MiniSearch build', (r) => r.minisearchBuildMs, 'ms'],
  ['  Groundwork build speed-up', (r) => r.buildSpeedupVsMinisearch, '×'],
  ['MiniSearch query per claim', (r) => r.minisearchQueryMs, 'ms'],
  ['  Groundwork retrieval speed-up', (r) => r.querySpeedupVsMinisearch, '×'],
  ['MiniSearch peak RSS', (r) => r.minisearchPeakRssMb, 'MB'],
];

function format(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en');
  if (Math.abs(value) >= 1) return value.toFixed(1);
  return value.toFixed(3);
}

export function renderTable(report: BenchReport): string {
  const header = ['', ...report.corpora.map((r) => `${r.docs.toLocaleString('en')} docs`)];
  const body = ROWS.map(([label, value, unit]) => [
    `${label}${unit ? ` (${unit})` : ''}`,
    ...report.corpora.map((r) => format(value(r))),
  ]);
  const rows = [header, ...body];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  const lines = [
    `Node ${report.machine.node}, ${report.machine.cpus} × ${report.machine.cpuModel}, load average ` +
      `${report.machine.loadAverageAtStart} at start, ${report.machine.loadAverageAtEnd} at end; draft: ${report.draft.words} words, ` +
      `${report.draft.sentences} sentences (${report.draft.planted} planted changes), ${report.draft.quotes} quotes, ` +
      `${report.draft.edits} one-word edits; eval sample ${report.evalCases} cases`,
    '',
    ...rows.map(line),
    '',
    'Targets:',
  ];
  for (const target of TARGETS) {
    const result = report.corpora.find((r) => r.docs === target.docs);
    const verdict = result
      ? target.met(result)
        ? 'met'
        : 'MISSED'
      : `not measured (no ${target.docs}-document corpus)`;
    lines.push(`  ${target.label} at ${target.docs.toLocaleString('en')} docs: ${verdict}`);
  }
  return lines.join('\n');
}
