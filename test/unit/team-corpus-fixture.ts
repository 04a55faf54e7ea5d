// The input of the language server's team corpus tests: the integration fixture's seed article (pushed to the
// corpus) and draft, and the diagnostics its planted errors give from a folder (test/unit/lsp-stdio.test.ts).
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../src/core/types.js';

export const FIXTURE = new URL('../integration/fixtures/workspace/', import.meta.url);
export const SEED = '000_f04d67d5c7de7c34.txt';
export const DRAFT = readFileSync(new URL('drafts/kabul-airport.md', FIXTURE), 'utf8');
export const PLANTED = [
  'negation 4:67-4:74 Flipped negation: “confirm” — the source says “he could not confirm the requests”',
  'misquote 6:68-6:75 Misquote: “to make” — the source says “to take”',
  'number 8:5-8:8 Wrong number: “250” — the source says “150”',
  'date 10:37-10:43 Wrong date: “Friday” — the source says “Monday”',
  'entity 12:61-12:67 Wrong name: “Geneva” — the source says “Brussels”',
];

/** The fixture workspace in a temporary folder, with an empty `local/` sources folder beside its `seeds/`. */
export function workspaceCopy(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'groundwork-team-lsp-'));
  cpSync(FIXTURE, workspace, { recursive: true });
  mkdirSync(join(workspace, 'local'));
  return workspace;
}

/** What a writer sees of a finding, without where its evidence is held: a corpus and a folder must agree on it. */
export function verdicts(findings: Finding[]) {
  return findings.map((f) => ({
    kind: f.kind,
    verdict: f.verdict,
    range: f.range,
    problems: f.problems.map((p) => `${p.type} ${p.draft} ${p.source}`),
  }));
}
