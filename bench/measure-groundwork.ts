// Child process: Groundwork on one corpus. Index build (repeated), peak memory after the first build, saving the
// persisted index, full draft checks, the per-keystroke re-check, hovers, quote lookups and passage retrieval.
import { DraftChecker } from '../src/core/checker.js';
import { cacheFileFor, writeCache } from '../src/core/cache/store.js';
import { listSourceFiles } from '../src/core/sources/load.js';
import { loadLibraryCached } from '../src/core/cache/load-cached.js';
import type { SourceLibrary } from '../src/core/library.js';
import { tokenize } from '../src/core/text/normalize.js';
import type { Finding } from '../src/core/types.js';
import { findingAt } from '../src/server/draftResults.js';
import { renderFindingHover } from '../src/server/hover.js';
import { childJob, log, reportResult, runMain } from './child.js';
import { readDraftFixture, type DraftFixture } from './fixture.js';
import { median, peakRssMb, percentile, round, timed, timedAsync } from './stats.js';

export interface GroundworkJob {
  corpusDir: string;
  megabytes: number;
  draftFile: string;
  cacheDir: string;
  buildRuns: number;
  checkRuns: number;
}

export interface GroundworkResult {
  indexBuildMs: number;
  indexBuildRunsMs: number[];
  indexMbPerSec: number;
  /** Worker threads the build analysed files in (0: the main thread). */
  indexBuildWorkers: number;
  /** The process's highest resident memory up to the end of the first build (worker threads included). */
  peakRssMb: number;
  /** Resident memory right after the first build (V8 keeps some of the build's garbage space for a while). */
  rssAfterIndexMb: number;
  heapUsedMb: number;
  cacheSaveMs: number;
  cacheMegabytes: number;
  fullCheckMs: number;
  fullCheckP95Ms: number;
  editRecheckP50Ms: number;
  editRecheckP95Ms: number;
  editRecheckMaxMs: number;
  hoverP50Ms: number;
  hoverP95Ms: number;
  quoteLookupMs: number;
  quoteLookupP95Ms: number;
  quoteLookupTotalMs: number;
  quotesFound: number;
  retrievalQueryMs: number;
  retrievalQueryP95Ms: number;
  findings: Record<Finding['verdict'], number>;
  /** Share of sentences with a planted change that the full check flags (a sanity check, not a quality score). */
  plantedFlaggedShare: number;
}

const PASSAGES_PER_QUERY = 5;

async function main(): Promise<void> {
  const job = childJob<GroundworkJob>();
  const draft = readDraftFixture(job.draftFile);

  const buildRunsMs: number[] = [];
  let library: SourceLibrary | undefined;
  let rssAfterFirstBuild = 0;
  let rssNowAfterFirstBuild = 0;
  let buildWorkers = 0;
  for (let run = 0; run < job.buildRuns; run++) {
    // eslint-disable-next-line no-useless-assignment -- read by nothing: it lets the previous build be collected before the next one starts
    library = undefined;
    // The CLI's and the language server's build: every file analysed (no cache), one worker thread per core.
    const { ms, value } = await timedAsync(() => loadLibraryCached([job.corpusDir]));
    library = value.library;
    buildWorkers = value.stats.workers;
    buildRunsMs.push(ms);
    if (run === 0) {
      rssAfterFirstBuild = peakRssMb();
      rssNowAfterFirstBuild = process.memoryUsage().rss / 2 ** 20;
    }
    log(
      `build ${run + 1}/${job.buildRuns}: ${library.size} documents in ${(ms / 1000).toFixed(1)} s (${buildWorkers} workers)`,
    );
  }
  const built = library!;
  const indexBuildMs = median(buildRunsMs);

  // Saved with each file's size and modification time, as loadLibraryCached saves it: a warm start then reads none.
  const { files: listed } = await listSourceFiles([job.corpusDir]);
  const stamps = new Map(listed.map((file) => [file.path, file]));
  const save = timed(() => writeCache(cacheFileFor(job.cacheDir, [job.corpusDir]), built.exportState(), stamps));

  const fullChecks: number[] = [];
  let findings: Finding[] = [];
  for (let run = 0; run < job.checkRuns; run++) {
    const checker = new DraftChecker(built); // an empty per-sentence cache: every sentence is verified
    const { ms, value } = timed(() => checker.check(draft.text, { languageId: 'markdown' }));
    fullChecks.push(ms);
    findings = value;
  }

  const editRechecks = measureTypingSession(built, draft);
  const hovers = measureHovers(findings);
  const quotes = draft.quotes.map((quote) => timed(() => built.findPhrase(tokenize(quote), 1)));
  const claims = draft.sentences.map(({ text }) => timed(() => built.search(text, PASSAGES_PER_QUERY)).ms);

  const result: GroundworkResult = {
    indexBuildMs: round(indexBuildMs, 0),
    indexBuildRunsMs: buildRunsMs.map((ms) => round(ms, 0)),
    indexMbPerSec: round(job.megabytes / (indexBuildMs / 1000)),
    indexBuildWorkers: buildWorkers,
    peakRssMb: round(rssAfterFirstBuild, 0),
    rssAfterIndexMb: round(rssNowAfterFirstBuild, 0),
    heapUsedMb: round(process.memoryUsage().heapUsed / 2 ** 20, 0),
    cacheSaveMs: round(save.ms, 0),
    cacheMegabytes: round(save.value / 1e6, 1),
    fullCheckMs: round(median(fullChecks), 1),
    fullCheckP95Ms: round(percentile(fullChecks, 95), 1),
    editRecheckP50Ms: round(median(editRechecks), 2),
    editRecheckP95Ms: round(percentile(editRechecks, 95), 2),
    editRecheckMaxMs: round(Math.max(...editRechecks), 2),
    hoverP50Ms: round(median(hovers), 3),
    hoverP95Ms: round(percentile(hovers, 95), 3),
    quoteLookupMs: round(median(quotes.map((quote) => quote.ms)), 3),
    quoteLookupP95Ms: round(
      percentile(
        quotes.map((quote) => quote.ms),
        95,
      ),
      3,
    ),
    quoteLookupTotalMs: round(
      quotes.reduce((sum, quote) => sum + quote.ms, 0),
      2,
    ),
    quotesFound: quotes.filter((quote) => quote.value.length > 0).length,
    retrievalQueryMs: round(median(claims), 3),
    retrievalQueryP95Ms: round(percentile(claims, 95), 3),
    findings: countVerdicts(findings),
    plantedFlaggedShare: round(plantedFlaggedShare(draft, findings), 3),
  };
  reportResult(result);
}

/**
 * The language server's per-keystroke path: one DraftChecker lives across edits (its per-sentence cache filled by
 * the first check), and each edit is re-checked in full text, where only the edited sentence is new.
 */
function measureTypingSession(library: SourceLibrary, draft: DraftFixture): number[] {
  const checker = new DraftChecker(library);
  checker.check(draft.text, { languageId: 'markdown' });
  return draft.edits.map((version) => timed(() => checker.check(version, { languageId: 'markdown' })).ms);
}

/** The server's hover on fresh results: the finding under the cursor, rendered to Markdown. */
function measureHovers(findings: readonly Finding[]): number[] {
  const links = {
    uriOfPath: (path: string) => `file://${path}`,
    openSource: (uri: string, range: { start: { line: number } }) => `${uri}#L${range.start.line + 1}`,
  };
  return findings.map((finding) => {
    const cursor = Math.floor((finding.span.start + finding.span.end) / 2);
    return timed(() => {
      const hovered = findingAt(findings, cursor);
      return hovered && renderFindingHover(hovered, links);
    }).ms;
  });
}

function countVerdicts(findings: readonly Finding[]): Record<Finding['verdict'], number> {
  const counts = { supported: 0, contradicted: 0, unsupported: 0 };
  for (const finding of findings) counts[finding.verdict]++;
  return counts;
}

function plantedFlaggedShare(draft: DraftFixture, findings: readonly Finding[]): number {
  const planted = draft.sentences.filter((sentence) => sentence.plant !== 'none');
  const flagged = planted.filter((sentence) => {
    const start = draft.text.indexOf(sentence.text);
    const end = start + sentence.text.length;
    return findings.some((f) => f.verdict !== 'supported' && f.span.start < end && f.span.end > start);
  });
  return planted.length === 0 ? 0 : flagged.length / planted.length;
}

runMain(main);
