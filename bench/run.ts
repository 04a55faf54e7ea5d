// `npm run bench [-- --json] [-- --sizes 2500,10000,50000]`: Groundwork's speed at several corpus sizes, side by
// side with ripgrep and MiniSearch on the same corpus. Prints a table, or with --json one JSON object.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runChild } from './spawn-child.js';
import { benchPostgres, DEFAULT_POSTGRES_SIZES, renderPostgresTable } from './postgres.js';
import { readBenchmarkArticles, writeCorpus, type Corpus } from './corpus.js';
import { buildCli, measureEvalSpeed, type EvalSpeed } from './eval-speed.js';
import { readDraftFixture, writeDraftFixture } from './fixture.js';
import type { GroundworkJob, GroundworkResult } from './measure-groundwork.js';
import type { MiniSearchJob, MiniSearchResult } from './measure-minisearch.js';
import type { WarmStartJob, WarmStartPath, WarmStartResult } from './measure-warm-start.js';
import { benchWorkDir, findSharedDir } from './paths.js';
import type { BenchReport, CorpusResult } from './results.js';
import { measureRipgrep, ripgrepAvailable } from './ripgrep.js';
import { median, round } from './stats.js';
import { renderTable } from './table.js';

const DEFAULT_SIZES = [2500, 10_000, 50_000];
const WARM_START_RUNS = 3;
// Builds are repeated for a median, except where one build already takes minutes.
const buildRunsFor = (docs: number) => (docs >= 50_000 ? 1 : 3);
const checkRunsFor = (docs: number) => (docs >= 50_000 ? 3 : 5);

interface Options {
  json: boolean;
  sizes: number[];
  /** `postgres`: the team corpus on PostgreSQL instead of the in-memory index (bench/postgres.ts). */
  corpus: 'memory' | 'postgres';
  sizesGiven: boolean;
}

function parseArguments(argv: string[]): Options {
  const options: Options = { json: false, sizes: DEFAULT_SIZES, corpus: 'memory', sizesGiven: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') options.json = true;
    else if (argv[i] === '--sizes' && argv[i + 1]) {
      options.sizes = argv[++i].split(',').map((size) => Number(size.trim()));
      if (options.sizes.some((size) => !Number.isInteger(size) || size <= 0)) usage(`bad --sizes ${argv[i]}`);
      options.sizesGiven = true;
    } else if (argv[i] === '--corpus' && (argv[i + 1] === 'postgres' || argv[i + 1] === 'memory')) {
      options.corpus = argv[++i] as Options['corpus'];
    } else usage(`unknown argument ${argv[i]}`);
  }
  return options;
}

function usage(problem: string): never {
  process.stderr.write(
    `${problem}\nusage: npm run bench -- [--json] [--sizes 2500,10000,50000] [--corpus memory|postgres]\n`,
  );
  process.exit(2);
}

const progress = (message: string) => process.stderr.write(`${message}\n`);

async function measureCorpus(
  corpus: Corpus,
  draftFile: string,
  quotes: string[],
  evalSpeed: EvalSpeed,
): Promise<CorpusResult> {
  const megabytes = round(corpus.bytes / 1e6, 1);
  const cacheDir = path.join(benchWorkDir(), `cache-${corpus.docs}`);
  fs.rmSync(cacheDir, { recursive: true, force: true });

  progress(`[${corpus.docs} docs] Groundwork: build, checks, lookups`);
  const groundwork = await runChild<GroundworkJob, GroundworkResult>('measure-groundwork', {
    corpusDir: corpus.dir,
    megabytes,
    draftFile,
    cacheDir,
    buildRuns: buildRunsFor(corpus.docs),
    checkRuns: checkRunsFor(corpus.docs),
  });

  progress(`[${corpus.docs} docs] warm starts from the persisted index`);
  const warmStart = async (via: WarmStartPath) => {
    const runs: WarmStartResult[] = [];
    for (let run = 0; run < WARM_START_RUNS; run++) {
      runs.push(
        await runChild<WarmStartJob, WarmStartResult>('measure-warm-start', {
          corpusDir: corpus.dir,
          cacheDir,
          via,
        }),
      );
    }
    return runs;
  };
  const inThread = await warmStart('cli');
  const server = await warmStart('server');
  const inWorker = await warmStart('worker');

  progress(`[${corpus.docs} docs] MiniSearch`);
  const minisearch = await runChild<MiniSearchJob, MiniSearchResult>('measure-minisearch', {
    corpusDir: corpus.dir,
    draftFile,
    buildRuns: buildRunsFor(corpus.docs),
  });

  progress(`[${corpus.docs} docs] ripgrep`);
  const ripgrep = ripgrepAvailable() ? measureRipgrep(quotes, corpus.dir) : undefined;
  if (!ripgrep) progress('  rg not found (Debian: apt-get install ripgrep): no ripgrep comparison');

  return {
    docs: corpus.docs,
    realDocs: corpus.realDocs,
    megabytes,
    ...groundwork,
    warmStartMs: median(inThread.map((run) => run.warmStartMs)),
    warmStartRunsMs: inThread.map((run) => run.warmStartMs),
    warmStartServerMs: median(server.map((run) => run.warmStartMs)),
    warmStartWorkerMs: median(inWorker.map((run) => run.warmStartMs)),
    workerImportMs: median(inWorker.map((run) => run.importMs)),
    evalCasesPerSec: evalSpeed.evalCasesPerSec,
    claimVerifyMs: evalSpeed.claimVerifyMs,
    ...minisearch,
    ...ripgrep,
    quoteLookupSpeedup: ripgrep && round(ripgrep.ripgrepQuoteLookupMs / groundwork.quoteLookupMs, 0),
    buildSpeedupVsMinisearch: round(minisearch.minisearchBuildMs / groundwork.indexBuildMs),
    querySpeedupVsMinisearch: round(minisearch.minisearchQueryMs / groundwork.retrievalQueryMs),
  };
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const sharedDir = findSharedDir();
  if (!sharedDir) {
    progress(
      'bench: skipped: the shared benchmark data (../shared/benchmarks) is not here; set GROUNDWORK_SHARED to its folder.',
    );
    return;
  }
  const started = Date.now();
  const loadAverageAtStart = os.loadavg()[0];
  const articles = readBenchmarkArticles(sharedDir);
  const draftFile = writeDraftFixture(articles);
  const draft = readDraftFixture(draftFile);

  if (options.corpus === 'postgres') {
    const results = await benchPostgres(
      articles,
      draftFile,
      options.sizesGiven ? options.sizes : DEFAULT_POSTGRES_SIZES,
    );
    progress(`bench finished in ${((Date.now() - started) / 60000).toFixed(1)} min`);
    const machine = {
      node: process.version,
      cpus: os.availableParallelism(),
      loadAverageAtStart: round(loadAverageAtStart),
      loadAverageAtEnd: round(os.loadavg()[0]),
    };
    const report = {
      machine,
      draft: { words: draft.words, sentences: draft.sentences.length, edits: draft.edits.length },
      corpora: results,
    };
    process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${renderPostgresTable(results)}\n`);
    return;
  }

  progress('building dist/ for `groundwork eval`');
  buildCli();
  const evalSpeed = measureEvalSpeed(sharedDir);
  progress(
    `eval: ${evalSpeed.evalCasesPerSec} cases/s on ${evalSpeed.evalCases} cases, ${evalSpeed.claimVerifyMs} ms per claim (median)`,
  );

  const corpora: CorpusResult[] = [];
  for (const size of options.sizes) {
    progress(`[${size} docs] writing the corpus (reused when already there)`);
    const corpus = writeCorpus(articles, size);
    corpora.push(await measureCorpus(corpus, draftFile, draft.quotes, evalSpeed));
  }

  const report: BenchReport = {
    machine: {
      node: process.version,
      cpus: os.availableParallelism(),
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      platform: `${os.platform()} ${os.arch()}`,
      totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
      loadAverageAtStart: round(loadAverageAtStart),
      loadAverageAtEnd: round(os.loadavg()[0]),
    },
    draft: {
      words: draft.words,
      sentences: draft.sentences.length,
      planted: draft.sentences.filter((sentence) => sentence.plant !== 'none').length,
      quotes: draft.quotes.length,
      edits: draft.edits.length,
    },
    evalCases: evalSpeed.evalCases,
    corpora,
  };
  progress(`bench finished in ${((Date.now() - started) / 60000).toFixed(1)} min`);
  process.stdout.write(options.json ? `${JSON.stringify(report)}\n` : `${renderTable(report)}\n`);
}

await main();
