// `groundwork eval`: each benchmark case's claim verified against that case's own source, one prediction a line.
// Cases run in worker threads (one per core) because each is independent and CPU-bound.
import { availableParallelism } from 'node:os';
import { readFile, writeFile } from 'node:fs/promises';
import { realpathSync, statSync } from 'node:fs';
import { Worker, parentPort } from 'node:worker_threads';
import { verifyCase, type CaseResult } from '../eval/case.js';
import { UsageError, type Output } from './output.js';

export interface EvalArguments {
  cases: string[];
  out: string;
  jobs?: number;
}

interface Case {
  id: string;
  source: string;
  claim: string;
}

type Prediction = { id: string } & CaseResult;

export const EVAL_WORKER_FLAG = 'groundworkEvalWorker';
const BATCH = 25;

export async function runEval(args: EvalArguments, output: Output): Promise<number> {
  if (args.cases.length === 0)
    throw new UsageError('no cases file given: groundwork eval CASES.jsonl... --out PREDICTIONS.jsonl');
  if (!args.out) throw new UsageError('--out PREDICTIONS.jsonl is required');
  // Said before the work rather than after it: writing to a folder failed with a stack trace once every case ran.
  if (statSync(args.out, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(`--out ${args.out} is a folder; name the predictions file`);
  const cases: Case[] = [];
  for (const file of args.cases) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      output.error(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      return 2;
    }
    text.split('\n').forEach((line, index) => {
      if (!line.trim()) return;
      try {
        const { id, source, claim } = JSON.parse(line) as Record<string, unknown>;
        if (typeof id === 'string' && typeof source === 'string' && typeof claim === 'string')
          cases.push({ id, source, claim });
        else output.warn(`${file}:${index + 1}: a case needs string id, source and claim; skipped`);
      } catch {
        output.warn(`${file}:${index + 1}: not JSON; skipped`);
      }
    });
  }
  const started = Date.now();
  const progress = progressReporter(cases.length, started);
  const jobs = Math.max(1, Math.min(args.jobs ?? availableParallelism(), Math.ceil(cases.length / BATCH)));
  const predictions = jobs > 1 ? await runInWorkers(cases, jobs, progress) : runInline(cases, progress);
  try {
    await writeFile(
      args.out,
      predictions.map((p) => JSON.stringify({ id: p.id, verdict: p.verdict, score: round(p.score) })).join('\n') + '\n',
    );
  } catch (error) {
    output.error(
      `${args.out}: cannot write the predictions (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
    return 2;
  }
  const seconds = (Date.now() - started) / 1000;
  output.warn(
    `${cases.length} cases in ${seconds.toFixed(1)} s (${(cases.length / Math.max(seconds, 0.001)).toFixed(0)}/s) -> ${args.out}`,
  );
  return 0;
}

function runInline(cases: Case[], progress: (done: number) => void): Prediction[] {
  return cases.map((c, index) => {
    const result = { id: c.id, ...verifyCase(c.source, c.claim) };
    progress(index + 1);
    return result;
  });
}

async function runInWorkers(cases: Case[], jobs: number, progress: (done: number) => void): Promise<Prediction[]> {
  const results = new Array<Prediction>(cases.length);
  let next = 0;
  let done = 0;
  const script = realpathSync(process.argv[1]);
  const runWorker = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(script, { workerData: { [EVAL_WORKER_FLAG]: true }, argv: [] });
      const feed = () => {
        if (next >= cases.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        const start = next;
        next = Math.min(cases.length, next + BATCH);
        worker.postMessage({ start, cases: cases.slice(start, next) });
      };
      worker.on('message', ({ start, batch }: { start: number; batch: Prediction[] }) => {
        batch.forEach((prediction, i) => (results[start + i] = prediction));
        done += batch.length;
        progress(done);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: jobs }, runWorker));
  return results;
}

/** The worker side: verify batches as they come. */
export function serveEvalWorker(): void {
  parentPort!.on('message', ({ start, cases }: { start: number; cases: Case[] }) => {
    const batch = cases.map((c) => ({ id: c.id, ...verifyCase(c.source, c.claim) }));
    parentPort!.postMessage({ start, batch });
  });
}

function progressReporter(total: number, started: number): (done: number) => void {
  if (!process.stderr.isTTY) return () => {};
  let last = 0;
  return (done) => {
    const now = Date.now();
    if (done < total && now - last < 200) return;
    last = now;
    const rate = done / Math.max((now - started) / 1000, 0.001);
    process.stderr.write(`\r${done}/${total} cases, ${rate.toFixed(0)}/s${done === total ? '\n' : ''}`);
  };
}

const round = (score: number) => Math.round(score * 10_000) / 10_000;
