// Each measurement that must not be disturbed by another (peak memory, a cold process) runs in a child process
// of its own. A child prints its result as one marked JSON line on stdout; its stderr is the run's progress log.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';

const RESULT_MARK = '@@bench-result ';

/** Runs bench/<script> under tsx with `job` as its argument and resolves with the result it reports. */
export function runChild<Job, Result>(script: string, job: Job, nodeOptions: string[] = []): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', ...nodeOptions, path.join(REPO_ROOT, 'bench', script), JSON.stringify(job)],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_MARK));
      if (code !== 0 || !line) return reject(new Error(`bench/${script} failed (exit ${code})\n${stdout.slice(-2000)}`));
      resolve(JSON.parse(line.slice(RESULT_MARK.length)) as Result);
    });
  });
}

/** The child's side: its job, and how it reports the result. */
export function childJob<Job>(): Job {
  return JSON.parse(process.argv[2]) as Job;
}

export function reportResult(result: unknown): void {
  process.stdout.write(`${RESULT_MARK}${JSON.stringify(result)}\n`);
}

export function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}
