// `npm run bench -- --corpus postgres [--sizes 100000]`: the team corpus on PostgreSQL at each size, a fresh
// database per size on GROUNDWORK_BENCH_PG's server, or else on a throwaway cluster started for the run (Debian's
// PostgreSQL, scripts/pg-throwaway.sh) and stopped at the end. The in-memory figures to compare with are the
// default mode's (bench/FINDINGS.md keeps them).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Article } from './corpus.js';
import { writeCorpus } from './corpus.js';
import type { PostgresJob, PostgresResult } from './measure-postgres.js';
import { benchWorkDir, repoRoot } from './paths.js';
import { runChild } from './spawn-child.js';

export const DEFAULT_POSTGRES_SIZES = [100_000];

export interface PostgresCorpusResult extends PostgresResult {
  docs: number;
  megabytes: number;
}

const progress = (message: string) => process.stderr.write(`${message}\n`);

export async function benchPostgres(
  articles: readonly Article[],
  draftFile: string,
  sizes: number[],
): Promise<PostgresCorpusResult[]> {
  const server = startServer();
  try {
    const results: PostgresCorpusResult[] = [];
    for (const size of sizes) {
      progress(`[${size} docs] writing the corpus (reused when already there)`);
      const corpus = writeCorpus(articles, size);
      const url = await freshDatabase(server.url, `groundwork_bench_${size}`);
      progress(`[${size} docs] PostgreSQL: push, retrieval, checks`);
      const result = await runChild<PostgresJob, PostgresResult>('measure-postgres', {
        corpusDir: corpus.dir,
        url,
        draftFile,
        checkRuns: 3,
      });
      results.push({ docs: size, megabytes: Math.round(corpus.bytes / 1e5) / 10, ...result });
    }
    return results;
  } finally {
    server.stop();
  }
}

export function renderPostgresTable(results: readonly PostgresCorpusResult[]): string {
  const rows: [string, (result: PostgresCorpusResult) => string][] = [
    [
      'corpus',
      (r) => `${r.docs.toLocaleString('en')} docs, ${r.megabytes} MB, ${r.sentences.toLocaleString('en')} sentences`,
    ],
    ['ingest (corpus push)', (r) => `${r.ingestSeconds} s, ${r.ingestDocsPerSec} docs/s`],
    ['database size', (r) => `${r.databaseMegabytes} MB (${r.sentenceIndex} index)`],
    ["one sentence's query, p50 / p95", (r) => `${r.sentenceQueryP50Ms} / ${r.sentenceQueryP95Ms} ms`],
    ['full check, bench draft (median)', (r) => `${r.fullCheckMs} ms (${r.fullCheckRunsMs.join(', ')})`],
    [
      'edit re-check p50 / p95 / max',
      (r) => `${r.editRecheckP50Ms} / ${r.editRecheckP95Ms} / ${r.editRecheckMaxMs} ms`,
    ],
    ['verdicts (S / C / U)', (r) => `${r.findings.supported} / ${r.findings.contradicted} / ${r.findings.unsupported}`],
  ];
  return rows.map(([name, cell]) => `${name.padEnd(34)} ${results.map(cell).join('   |   ')}`).join('\n');
}

function startServer(): { url: string; stop: () => void } {
  if (process.env.GROUNDWORK_BENCH_PG) return { url: process.env.GROUNDWORK_BENCH_PG, stop: () => {} };
  const dir = path.join(benchWorkDir(), 'postgres');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const script = path.join(repoRoot(), 'scripts', 'pg-throwaway.sh');
  const url = execFileSync('bash', [script, 'start', dir], { encoding: 'utf8' }).trim();
  progress(`PostgreSQL: a throwaway cluster in ${dir}`);
  return {
    url,
    stop: () => {
      execFileSync('bash', [script, 'stop', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** An empty database named `name` on the server (dropped first if a run left it). */
async function freshDatabase(url: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const database = url.match(/\/([A-Za-z0-9_]+)(\?|$)/)?.[1];
  if (!database) throw new Error(`no database in ${url}`);
  return url.replace(`/${database}`, `/${name}`);
}
