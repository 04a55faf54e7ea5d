// The real seed article and the integration fixture draft, checked by the real core: the input of the server's
// unit tests (not a test file itself).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DraftChecker } from '../../src/core/checker.js';
import { loadLibrary, type SourceLibrary } from '../../src/core/library.js';
import type { Finding } from '../../src/core/types.js';

const WORKSPACE = new URL('../integration/fixtures/workspace/', import.meta.url);
export const SEED_PATH = fileURLToPath(new URL('seeds/000_f04d67d5c7de7c34.txt', WORKSPACE));
export const DRAFT_TEXT = readFileSync(new URL('drafts/kabul-airport.md', WORKSPACE), 'utf8');

let checked: Promise<{ library: SourceLibrary; findings: Finding[] }> | undefined;

export function checkFixtureDraft(): Promise<{ library: SourceLibrary; findings: Finding[] }> {
  checked ??= loadLibrary([fileURLToPath(new URL('seeds', WORKSPACE))]).then(({ library }) => ({
    library,
    findings: new DraftChecker(library).check(DRAFT_TEXT, { languageId: 'markdown' }),
  }));
  return checked;
}

export function findingWith(findings: readonly Finding[], type: string): Finding {
  const finding = findings.find((candidate) => candidate.problems.some((problem) => problem.type === type));
  if (!finding) throw new Error(`no ${type} finding in the fixture draft`);
  return finding;
}
