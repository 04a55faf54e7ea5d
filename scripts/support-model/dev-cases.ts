// The benchmarks' labelled dev cases and their checker signals. Only the dev split has labels beside the
// project; the split rule is the scorer's (../shared/benchmarks/score.mjs), applied again so a test label
// that ever came back could not leak into the fit.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SentenceSignals } from '../../src/core/types.js';
import { caseSignals } from '../../src/eval/case.js';

export interface DevCase {
  id: string;
  dataset: string;
  /** Cases sharing a source document share a group, so cross-validation never splits them. */
  group: string;
  y: 0 | 1;
  signals: SentenceSignals[];
}

interface BenchmarkCase {
  id: string;
  source: string;
  claim: string;
  label: string | null;
  origin: string;
}

const VALIDATION = /\/(val|validation|evaluation)(\/|$)/;
const sha1 = (text: string) => createHash('sha1').update(text).digest();

export function loadDevCases(benchmarks: string, signalsCache?: string): DevCase[] {
  const cases: BenchmarkCase[] = readdirSync(benchmarks)
    .filter((name) => existsSync(join(benchmarks, name, 'cases.jsonl')))
    .flatMap((name) =>
      readFileSync(join(benchmarks, name, 'cases.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as BenchmarkCase),
    );
  const datasetOf = (c: BenchmarkCase) => c.origin.split('/')[0];
  const hasValidation = new Set(cases.filter((c) => VALIDATION.test(c.origin)).map(datasetOf));
  const isDev = (c: BenchmarkCase) =>
    hasValidation.has(datasetOf(c)) ? VALIDATION.test(c.origin) : sha1(c.id)[0] < 64;
  const dev = cases.filter((c) => isDev(c) && (c.label === 'supported' || c.label === 'unsupported'));
  // Computing the signals takes a while on a busy machine; a cache file (keyed by case id) lets one iterate.
  // It must be deleted whenever the checker changes.
  const cached: Record<string, SentenceSignals[]> =
    signalsCache && existsSync(signalsCache)
      ? (JSON.parse(readFileSync(signalsCache, 'utf8')) as Record<string, SentenceSignals[]>)
      : {};
  const result = dev.map((c, i) => {
    if (i % 200 === 0) process.stderr.write(`\rsignals ${i}/${dev.length}`);
    const signals = cached[c.id] ?? (cached[c.id] = caseSignals(c.source, c.claim).signals);
    return {
      id: c.id,
      dataset: datasetOf(c),
      group: sha1(c.source).toString('hex').slice(0, 16),
      y: c.label === 'supported' ? 1 : 0,
      signals,
    } as DevCase;
  });
  process.stderr.write('\n');
  if (signalsCache) writeFileSync(signalsCache, JSON.stringify(cached));
  return result;
}
