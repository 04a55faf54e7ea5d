// Dumps what the checker concludes on fixed inputs, one line per finding, so that a refactoring that must not
// change behaviour (or must change it only where intended) can be diffed before and after:
//   npx tsx scripts/parity.ts > before.txt   ... change ...   npx tsx scripts/parity.ts > after.txt; diff before.txt after.txt
// Inputs: the public eval's drafts and eval/own/dev's, checked against the public eval's sources plus
// eval/own/sources (laid out by ../shared/eval/make-sources.mjs), and the first CASES_PER_BENCHMARK labelled
// (dev split) cases of each benchmark in ../shared/benchmarks, each checked as in `groundwork eval`.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { loadLibraryCached } from '../src/core/cache/load-cached.js';
import { DraftChecker } from '../src/core/checker.js';
import { SourceLibrary } from '../src/core/library.js';
import type { Finding } from '../src/core/types.js';
import { verifyCase } from '../src/eval/case.js';

const CASES_PER_BENCHMARK = 50;
const project = resolve(import.meta.dirname, '..');
const shared = resolve(project, '../shared');

function describe(finding: Finding): string {
  const problems = finding.problems.map((p) => `${p.type}:${p.draft}>${p.source}@${p.span?.start ?? ''}`).join(';');
  const best = finding.evidence[0];
  return [
    `${finding.span.start}-${finding.span.end}`,
    finding.kind,
    finding.verdict,
    finding.score.toFixed(4),
    best ? `${basename(best.source)}@${best.span.start}` : '-',
    problems,
    finding.message.replace(/\s+/g, ' '),
  ].join(' | ');
}

async function drafts(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'parity-'));
  try {
    const sources = join(work, 'sources');
    execFileSync('node', [join(shared, 'eval/make-sources.mjs'), sources], { stdio: 'ignore' });
    for (const file of readdirSync(join(project, 'eval/own/sources')))
      copyFileSync(join(project, 'eval/own/sources', file), join(sources, file));
    const { library } = await loadLibraryCached([sources], {});
    const checker = new DraftChecker(library);
    for (const folder of [join(shared, 'eval/public/drafts'), join(project, 'eval/own/dev/drafts')]) {
      for (const file of readdirSync(folder).sort()) {
        const text = readFileSync(join(folder, file), 'utf8');
        for (const finding of checker.check(text, { languageId: 'markdown' })) {
          console.log(`${file} | ${describe(finding)}`.replaceAll(sources, 'SOURCES')); // the folder's name is random
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function benchmarks(): void {
  const root = join(shared, 'benchmarks');
  for (const name of readdirSync(root).sort()) {
    const file = join(root, name, 'cases.jsonl');
    if (!existsSync(file)) continue;
    let taken = 0;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (taken >= CASES_PER_BENCHMARK) break;
      if (!line.trim()) continue;
      const item = JSON.parse(line) as { id: string; source: string; claim: string; label: string | null };
      if (item.label === null) continue;
      taken++;
      const result = verifyCase(item.source, item.claim);
      console.log(`${name}/${item.id} | ${result.verdict} | ${result.score.toFixed(4)}`);
      // The findings behind the verdict, to see which reader moved it.
      const library = new SourceLibrary();
      library.upsert('source.txt', item.source);
      for (const finding of new DraftChecker(library).check(item.claim, { languageId: 'plaintext' })) {
        console.log(`${name}/${item.id} | ${describe(finding)}`);
      }
    }
  }
}

await drafts();
benchmarks();
