// Messages true by construction, over every finding of the eval drafts and of benchmark dev cases: a problem never
// shows a draft value equal to the source's, and the source value it names stands in the first passage shown,
// the one the verdict rests on.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DraftChecker } from '../../src/core/checker.js';
import { loadLibrary, SourceLibrary } from '../../src/core/library.js';
import type { Finding } from '../../src/core/types.js';
import { ownDevelopmentDrafts, replayInputs } from './replay.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const benchmarks = join(repo, '..', 'shared', 'benchmarks');
const CASES_PER_DATASET = 60;

/** Case, typography and spacing do not make two values differ, nor make a value absent from a passage. */
const fold = (text: string) =>
  text.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').toLowerCase();

function brokenPromises(finding: Finding): string[] {
  return finding.problems.flatMap((problem) => {
    const broken: string[] = [];
    if (problem.source && fold(problem.source) === fold(problem.draft))
      broken.push(`${problem.type} “${problem.draft}” against the same value`);
    // A speaker or a cited file is named by the source's metadata, not by the passage's words.
    const inPassage =
      problem.type === 'attribution' ||
      problem.type === 'citation' ||
      fold(finding.evidence[0]?.text ?? '').includes(fold(problem.source));
    if (problem.source && !inPassage)
      broken.push(`${problem.type} “${problem.source}” is not in the passage shown: “${finding.evidence[0]?.text}”`);
    return broken.map((what) => `${finding.text.slice(0, 80)}: ${what}`);
  });
}

describe('finding messages', function () {
  this.timeout(300_000);

  it('never set a value against itself, and name only values in the passage they show (eval drafts)', async () => {
    const { sources, drafts } = replayInputs();
    const { library } = await loadLibrary([...sources, join(repo, 'eval', 'own', 'sources')]);
    const checker = new DraftChecker(library);
    const findings = [...drafts, ...ownDevelopmentDrafts()].flatMap((draft) => checker.check(draft.text));
    assert.ok(findings.filter((finding) => finding.problems.some((problem) => problem.source)).length >= 10);
    assert.deepEqual(findings.flatMap(brokenPromises), []);
  });

  it('keep both promises on benchmark dev cases', function () {
    if (!existsSync(benchmarks)) this.skip();
    const broken: string[] = [];
    let checked = 0;
    for (const dataset of readdirSync(benchmarks).sort()) {
      const file = join(benchmarks, dataset, 'cases.jsonl');
      if (!existsSync(file)) continue;
      const cases = readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { source: string; claim: string; label: string | null });
      for (const { source, claim } of cases.filter((c) => c.label !== null).slice(0, CASES_PER_DATASET)) {
        const library = new SourceLibrary();
        library.upsert('source.txt', source);
        const findings = new DraftChecker(library).check(claim, { languageId: 'plaintext' });
        checked += findings.length;
        broken.push(...findings.flatMap(brokenPromises));
      }
    }
    assert.ok(checked > 300, `${checked} findings`);
    assert.deepEqual(broken, []);
  });
});
