// A re-check after edits equals a fresh check: one long-lived checker (as the CLI and the language server keep
// one across drafts and keystrokes) is replayed through random typing sessions over the eval drafts, and every
// version it checks must get exactly the findings that a checker with no history gives that version.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DraftChecker } from '../../src/core/checker.js';
import { loadLibrary, type SourceLibrary } from '../../src/core/library.js';
import { applyEdit, edit, replayInputs, replayRuns } from './replay.js';

describe('DraftChecker replayed through random edits', function () {
  this.timeout(240_000);
  const { sources, drafts } = replayInputs();
  let library: SourceLibrary;

  before(async () => {
    ({ library } = await loadLibrary(sources));
  });

  it('gives every checked version the findings of a fresh check, across drafts and sessions', () => {
    const typing = new DraftChecker(library);
    let versions = 0;
    fc.assert(
      fc.property(
        fc.nat(drafts.length - 1),
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        (which, edits, sameKey) => {
          const draft = drafts[which];
          // Half the sessions share one document key, as the CLI checks every draft with one checker.
          const options = { languageId: 'markdown' as const, documentKey: sameKey ? 'draft' : draft.name };
          let text = draft.text;
          typing.check(text, options);
          for (const step of edits) {
            text = applyEdit(text, step).text;
            versions++;
            assert.deepEqual(
              typing.check(text, options),
              new DraftChecker(library).check(text, options),
              `after ${JSON.stringify(step)} in ${draft.name}`,
            );
          }
        },
      ),
      { numRuns: replayRuns(40), seed: 20261207 },
    );
    assert.ok(versions >= 40);
  });

  it('checks a quotation changed past its sentence end afresh (the CLI case: two drafts, one checker)', () => {
    const checker = new DraftChecker(library);
    const right =
      'Kirby said: “Obviously this is a national decision that President Erdogan needs to take. Take and we respect it.”\n';
    const changed = right.replace('respect', 'despise');
    checker.check(right, { documentKey: 'a.md' });
    const [quote] = checker.check(changed, { documentKey: 'b.md' }).filter((finding) => finding.kind === 'quote');
    assert.equal(quote.verdict, 'contradicted');
    assert.deepEqual(
      quote.problems.map(({ type, draft, source }) => ({ type, draft, source })),
      [{ type: 'wording', draft: 'despise', source: 'respect' }],
    );
  });
});
