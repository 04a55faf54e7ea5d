// The parent side of a measurement: bundle the measuring scripts once, as the shipped code is bundled (so a
// worker thread starts from a bundle, as in the extension), then run each in a fresh process.
import { spawn } from 'node:child_process';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { NODE_BUNDLE } from '../scripts/bundle-options.mjs';
import { RESULT_MARK } from './child.js';
import { benchWorkDir, repoRoot } from './paths.js';

const SCRIPTS = ['measure-groundwork', 'measure-warm-start', 'measure-minisearch', 'measure-postgres'] as const;
export type MeasureScript = (typeof SCRIPTS)[number];

let bundleDir: string | undefined;

async function bundle(): Promise<string> {
  const outdir = path.join(benchWorkDir(), 'bundle');
  const entryPoints = Object.fromEntries(
    SCRIPTS.map((script) => [script, path.join(repoRoot(), 'bench', `${script}.ts`)]),
  );
  // The indexing worker must sit beside the code that starts it, as dist/index-worker.cjs sits beside dist/cli.cjs.
  entryPoints['index-worker'] = path.join(repoRoot(), 'src', 'core', 'worker', 'index-worker.ts');
  await esbuild.build({ ...NODE_BUNDLE, entryPoints, outdir, outExtension: { '.js': '.cjs' } });
  return outdir;
}

/** Runs a measuring script in a fresh Node process with `job` as its argument; resolves with its result. */
export async function runChild<Job, Result>(script: MeasureScript, job: Job): Promise<Result> {
  bundleDir ??= await bundle();
  const file = path.join(bundleDir, `${script}.cjs`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_MARK));
      if (code !== 0 || !line)
        return reject(new Error(`bench/${script}.ts failed (exit ${code})\n${stdout.slice(-2000)}`));
      resolve(JSON.parse(line.slice(RESULT_MARK.length)) as Result);
    });
  });
}
