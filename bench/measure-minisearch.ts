// Child process: the MiniSearch baseline on one corpus. It reads the same files, indexes each as a document
// (with the same stop words Groundwork skips, so neither pays for words the other ignores) and answers every
// sentence of the draft as an OR query, MiniSearch's default.
import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { STOPWORDS } from '../src/core/text/normalize.js';
import { childJob, log, reportResult, runMain } from './child.js';
import { readDraftFixture } from './fixture.js';
import { median, peakRssMb, percentile, round, timed } from './stats.js';

export interface MiniSearchJob {
  corpusDir: string;
  draftFile: string;
  buildRuns: number;
}

export interface MiniSearchResult {
  minisearchBuildMs: number;
  minisearchPeakRssMb: number;
  minisearchQueryMs: number;
  minisearchQueryP95Ms: number;
}

interface Doc {
  id: number;
  text: string;
}

function filesBelow(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.txt'))
    .map((name) => path.join(dir, name))
    .sort();
}

function build(dir: string): MiniSearch<Doc> {
  const docs = filesBelow(dir).map((file, id) => ({ id, text: fs.readFileSync(file, 'utf8') }));
  const index = new MiniSearch<Doc>({
    fields: ['text'],
    processTerm: (term) => {
      const lower = term.toLowerCase();
      return STOPWORDS.has(lower) ? null : lower;
    },
  });
  index.addAll(docs);
  return index;
}

function main(): void {
  const job = childJob<MiniSearchJob>();
  const draft = readDraftFixture(job.draftFile);
  const builds: number[] = [];
  let index: MiniSearch<Doc> | undefined;
  let rssAfterFirstBuild = 0;
  for (let run = 0; run < job.buildRuns; run++) {
    index = undefined;
    const { ms, value } = timed(() => build(job.corpusDir));
    index = value;
    builds.push(ms);
    if (run === 0) rssAfterFirstBuild = peakRssMb();
    log(`minisearch build ${run + 1}/${job.buildRuns}: ${(ms / 1000).toFixed(1)} s`);
  }
  const queries = draft.sentences.map(({ text }) => timed(() => index!.search(text)).ms);
  const result: MiniSearchResult = {
    minisearchBuildMs: round(median(builds), 0),
    minisearchPeakRssMb: round(rssAfterFirstBuild, 0),
    minisearchQueryMs: round(median(queries), 3),
    minisearchQueryP95Ms: round(percentile(queries, 95), 3),
  };
  reportResult(result);
}

runMain(main);
