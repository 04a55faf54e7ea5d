// Child process: Groundwork against a team corpus on PostgreSQL. Ingest (`corpus push` of the corpus folder into
// a fresh database), the database's size, one sentence's retrieval (its term counts and ranked search, as a check
// sends them), the full check of the bench draft with an empty passage cache, and the per-keystroke re-check.
import { CorpusChecker } from '../src/core/corpus/corpus-checker.js';
import { PassageCache } from '../src/core/corpus/passage-cache.js';
import { PostgresCorpus } from '../src/corpus/postgres/postgres-corpus.js';
import { pushCorpus } from '../src/corpus/postgres/push.js';
import { corpusStatus } from '../src/corpus/postgres/status.js';
import type { Finding } from '../src/core/types.js';
import { childJob, log, reportResult, runMain } from './child.js';
import { readDraftFixture } from './fixture.js';
import { median, percentile, round, timedAsync } from './stats.js';

export interface PostgresJob {
  corpusDir: string;
  /** A fresh, empty database. */
  url: string;
  draftFile: string;
  checkRuns: number;
}

export interface PostgresResult {
  ingestSeconds: number;
  ingestDocsPerSec: number;
  sentences: number;
  databaseMegabytes: number;
  sentenceIndex: string;
  sentenceQueryP50Ms: number;
  sentenceQueryP95Ms: number;
  fullCheckMs: number;
  fullCheckRunsMs: number[];
  editRecheckP50Ms: number;
  editRecheckP95Ms: number;
  editRecheckMaxMs: number;
  findings: Record<Finding['verdict'], number>;
}

async function main(): Promise<void> {
  const job = childJob<PostgresJob>();
  const draft = readDraftFixture(job.draftFile);

  let lastLogged = 0;
  const { summary } = await pushCorpus(job.url, ['.'], {
    cwd: job.corpusDir,
    onProgress: (done, total) => {
      if (done - lastLogged >= 10_000 || done === total) log(`ingest: ${(lastLogged = done)}/${total} documents`);
    },
  });
  const status = await corpusStatus(job.url);
  log(
    `ingest: ${summary.added} documents in ${summary.seconds.toFixed(1)} s; database ${(status.bytes / 1e6).toFixed(0)} MB (${status.index})`,
  );

  const backend = new PostgresCorpus(job.url);
  try {
    // One sentence's retrieval, as a check sends it: its terms' counts, then its ranked search.
    const sentenceQueries: number[] = [];
    for (const sentence of draft.sentences) {
      const cache = PassageCache.withLocal(undefined);
      cache.search(sentence.text, 40);
      sentenceQueries.push((await timedAsync(() => cache.fill(backend, () => {}))).ms);
    }

    const fullChecks: number[] = [];
    let findings: Finding[] = [];
    for (let run = 0; run < job.checkRuns; run++) {
      const checker = new CorpusChecker(PassageCache.withLocal(undefined), backend);
      const { ms, value } = await timedAsync(() =>
        checker.check(draft.text, { languageId: 'markdown', documentKey: 'draft' }),
      );
      fullChecks.push(ms);
      findings = value;
      log(`full check ${run + 1}/${job.checkRuns}: ${ms.toFixed(0)} ms`);
    }

    // The language server's per-keystroke path: one checker across edits, each edit re-checked in full text.
    const checker = new CorpusChecker(PassageCache.withLocal(undefined), backend);
    await checker.check(draft.text, { languageId: 'markdown', documentKey: 'draft' });
    const edits: number[] = [];
    for (const version of draft.edits) {
      edits.push((await timedAsync(() => checker.check(version, { languageId: 'markdown', documentKey: 'draft' }))).ms);
    }

    const counts = { supported: 0, contradicted: 0, unsupported: 0 };
    for (const finding of findings) counts[finding.verdict]++;
    reportResult({
      ingestSeconds: round(summary.seconds, 1),
      ingestDocsPerSec: round(summary.added / summary.seconds, 0),
      sentences: status.sentences,
      databaseMegabytes: round(status.bytes / 1e6, 0),
      sentenceIndex: status.index,
      sentenceQueryP50Ms: round(median(sentenceQueries), 2),
      sentenceQueryP95Ms: round(percentile(sentenceQueries, 95), 2),
      fullCheckMs: round(median(fullChecks), 0),
      fullCheckRunsMs: fullChecks.map((ms) => round(ms, 0)),
      editRecheckP50Ms: round(median(edits), 2),
      editRecheckP95Ms: round(percentile(edits, 95), 2),
      editRecheckMaxMs: round(Math.max(...edits), 2),
      findings: counts,
    } satisfies PostgresResult);
  } finally {
    await backend.close();
  }
}

runMain(main);
