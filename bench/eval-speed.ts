// `groundwork eval` throughput: the built CLI on a fixed sample of benchmark cases, as a user runs it. It does not
// depend on the corpus (each case carries its own source), so it is measured once per bench run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DraftChecker } from '../src/core/checker.js';
import { SourceLibrary } from '../src/core/library.js';
import { benchWorkDir, repoRoot } from './paths.js';
import { median, round, timed } from './stats.js';

const CASES_PER_DATASET = 50;

export interface EvalSpeed {
  evalCases: number;
  evalCasesPerSec: number;
  /** Median time to check one case's claim against its source once the source is read: retrieval and verification. */
  claimVerifyMs: number;
}

/** The first cases of every dataset, so each dataset's style of source and claim is in the sample. */
function writeSample(sharedDir: string): { file: string; lines: string[] } {
  const benchmarks = path.join(sharedDir, 'benchmarks');
  const lines: string[] = [];
  for (const dataset of fs.readdirSync(benchmarks).sort()) {
    const casesFile = path.join(benchmarks, dataset, 'cases.jsonl');
    if (!fs.existsSync(casesFile)) continue;
    lines.push(
      ...fs
        .readFileSync(casesFile, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .slice(0, CASES_PER_DATASET),
    );
  }
  const file = path.join(benchWorkDir(), 'eval-sample.jsonl');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  return { file, lines };
}

/** Each case's claim checked as `groundwork eval` checks it, timing the check only (not reading the source). */
function claimVerifyMedianMs(lines: string[]): number {
  const times = lines.map((line) => {
    const { source, claim } = JSON.parse(line) as { source: string; claim: string };
    const library = new SourceLibrary();
    library.upsert('source.txt', source);
    const checker = new DraftChecker(library);
    return timed(() => checker.check(claim, { languageId: 'plaintext' })).ms;
  });
  return round(median(times));
}

export function measureEvalSpeed(sharedDir: string): EvalSpeed {
  const cli = path.join(repoRoot(), 'dist', 'cli.cjs');
  const sample = writeSample(sharedDir);
  const out = path.join(benchWorkDir(), 'eval-predictions.jsonl');
  const run = timed(() =>
    spawnSync(process.execPath, [cli, 'eval', sample.file, '--out', out], { cwd: repoRoot(), encoding: 'utf8' }),
  );
  if (run.value.status !== 0) throw new Error(`groundwork eval failed: ${run.value.stderr}`);
  const cases = sample.lines.length;
  return {
    evalCases: cases,
    evalCasesPerSec: round(cases / (run.ms / 1000), 1),
    claimVerifyMs: claimVerifyMedianMs(sample.lines),
  };
}

export function buildCli(): void {
  const build = spawnSync(process.execPath, [path.join(repoRoot(), 'scripts', 'build.mjs')], {
    cwd: repoRoot(),
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('npm run build failed');
}
