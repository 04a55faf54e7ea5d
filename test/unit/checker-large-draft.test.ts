// A draft with more sentences than the checker's default cache keeps (5,000) must not be re-checked whole
// at each keystroke: the per-sentence cache grows to the draft.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DraftChecker } from '../../src/core/checker.js';
import { SourceLibrary } from '../../src/core/library.js';

const SEED_PATH = 'seeds/000_f04d67d5c7de7c34.txt';

describe('DraftChecker on a draft of 6,000 sentences', function () {
  this.timeout(300_000);

  it('re-checks only the edited sentence', () => {
    const library = new SourceLibrary();
    library.upsert(SEED_PATH, readFileSync(SEED_PATH, 'utf8'));
    const checker = new DraftChecker(library);
    const sentences = Array.from(
      { length: 6_000 },
      (_, i) => `Kirby said ${i + 1} members of the security forces were wounded.`,
    );
    const draft = sentences.join(' ');
    let started = performance.now();
    const first = checker.check(draft, { languageId: 'plaintext', documentKey: 'draft' });
    const full = performance.now() - started;
    assert.equal(first.length, 6_000);

    // A same-length edit far from the end, as typing one digit would be.
    const edited = draft.replace('Kirby said 17 members', 'Kirby said 18 members');
    started = performance.now();
    const second = checker.check(edited, { languageId: 'plaintext', documentKey: 'draft' });
    const incremental = performance.now() - started;
    assert.equal(second.length, 6_000);
    assert.equal(second[16]!.text, 'Kirby said 18 members of the security forces were wounded.');
    assert.deepEqual(second.slice(0, 16), first.slice(0, 16));
    assert.ok(incremental < full / 5, `first check ${full.toFixed(0)} ms, after one edit ${incremental.toFixed(0)} ms`);
  });
});
