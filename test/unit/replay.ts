// Random typing sessions over real drafts, for the replay-against-a-fresh-check properties (checker and server):
// edits that keep a sentence's length (a word for another of the same length, inside or after a quotation) are the
// ones a cache keyed on too little reuses wrongly, so they are most of what is typed here.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const shared = join(repo, '..', 'shared');

/** The sample drafts and the eval's (when ../shared is there), and the folder of sources they are checked against. */
export function replayInputs(): { sources: string[]; drafts: { name: string; text: string }[] } {
  // Quotations that run past a sentence end are where a verdict cached by the sentence alone went stale.
  const drafts = ['examples/draft.md', 'test/fixtures/drafts/quotes-across-sentences.md'].map((name) => ({
    name,
    text: readFileSync(join(repo, name), 'utf8'),
  }));
  const makeSources = join(shared, 'eval', 'make-sources.mjs');
  if (!existsSync(makeSources)) return { sources: [join(repo, 'seeds')], drafts };
  const folder = mkdtempSync(join(tmpdir(), 'groundwork-replay-'));
  execFileSync(process.execPath, [makeSources, folder], { stdio: 'ignore' });
  const evalDrafts = join(shared, 'eval', 'public', 'drafts');
  for (const name of readdirSync(evalDrafts).sort())
    drafts.push({ name, text: readFileSync(join(evalDrafts, name), 'utf8') });
  return { sources: [folder], drafts };
}

/**
 * Our own labelled development drafts (eval/own), for the properties that must hold on every finding. The sets kept
 * aside to score the checker once (holdout, dev7) are never read here.
 */
export function ownDevelopmentDrafts(): { name: string; text: string }[] {
  const own = join(repo, 'eval', 'own');
  return OWN_DEVELOPMENT_SETS.flatMap((set) => {
    const folder = join(own, set, 'drafts');
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .sort()
      .map((name) => ({ name: `${set}/${name}`, text: readFileSync(join(folder, name), 'utf8') }));
  });
}

const OWN_DEVELOPMENT_SETS = ['dev', 'dev2', 'dev3', 'dev4', 'dev5', 'dev6', 'dev8'];

export interface Edit {
  /** Where, as a share of the text's length, so that one edit applies to any draft. */
  at: number;
  remove: number;
  insert: string;
  /** `at` is a share of the draft's quoted text instead: quoted words are where writers misquote. */
  inQuotation: boolean;
  /** Replace the word at `at` by `insert` instead (the typical one-word change), or by one of the same length. */
  wordSwap: 'no' | 'word' | 'same length';
}

const WORDS = [
  'respect',
  'despise',
  '150',
  '250',
  'Monday',
  'Friday',
  'Kirby',
  'Price',
  'not',
  'never',
  'rose',
  'fell',
  'more',
  'less',
  '2025',
  '2027',
  'Ankara',
  'Brussels',
  'Geneva',
  'doubled',
  'tripled',
];
const SNIPPETS = [
  ...WORDS.map((word) => ` ${word}`),
  '“',
  '”',
  '"',
  '. ',
  ', he said.',
  ' said Kirby.',
  '\n\n',
  '[@',
  ']',
  '...',
  'x',
  ' ',
];

export const edit: fc.Arbitrary<Edit> = fc.record({
  // fc.double leans to the ends of its range; an even spread reaches the middle of quotations.
  at: fc.nat(9_999).map((n) => n / 10_000),
  remove: fc.integer({ min: 0, max: 8 }),
  insert: fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...SNIPPETS)),
  wordSwap: fc.constantFrom('no', 'word', 'same length'),
  inQuotation: fc.boolean(),
});

/** `text` after `edit`, with what changed (for an incremental LSP change). */
export function applyEdit(
  text: string,
  { at, remove, insert: typed, wordSwap, inQuotation }: Edit,
): { text: string; start: number; end: number; insert: string } {
  let insert = typed;
  let start = inQuotation ? quotedOffset(text, at) : Math.min(text.length, Math.floor(at * text.length));
  let end = Math.min(text.length, start + remove);
  if (wordSwap !== 'no') {
    const word = /[\p{L}\p{N}]+/gu;
    word.lastIndex = start;
    const found = word.exec(text);
    if (found) [start, end] = [found.index, found.index + found[0].length];
    // 150 -> 250, respect -> respecu: what a cache keyed on the sentence's length and offsets cannot tell apart.
    if (found && wordSwap === 'same length')
      insert =
        found[0].slice(0, -1) +
        (/\d/.test(found[0].at(-1)!)
          ? String((Number(found[0].at(-1)) + 1) % 10)
          : found[0].at(-1) === 'z'
            ? 'a'
            : String.fromCharCode(found[0].charCodeAt(found[0].length - 1) + 1));
  }
  return { text: text.slice(0, start) + insert + text.slice(end), start, end, insert };
}

/** The offset `share` of the way through the text's quoted words (“…” or "…"), or through the text when none. */
function quotedOffset(text: string, share: number): number {
  const quoted = [...text.matchAll(/[“"]([^”"]+)[”"]/g)].map((m) => ({ start: m.index! + 1, length: m[1].length }));
  let rest = Math.floor(share * quoted.reduce((sum, q) => sum + q.length, 0));
  for (const q of quoted) {
    if (rest < q.length) return q.start + rest;
    rest -= q.length;
  }
  return Math.min(text.length, Math.floor(share * text.length));
}

/** How many sessions a replay runs: `GROUNDWORK_REPLAY_RUNS` replays thousands of edits on demand. */
export function replayRuns(inTheSuite: number): number {
  const asked = Number(process.env.GROUNDWORK_REPLAY_RUNS);
  return Number.isInteger(asked) && asked > 0 ? asked : inTheSuite;
}
