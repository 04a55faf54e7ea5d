import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sentenceUnits, updateSentenceUnits } from '../../src/core/draft/units.js';

const draft = readFileSync('test/fixtures/drafts/ozy.md', 'utf8');

/** Edits of one character spread over the whole draft: typing a letter, a capital or a digit, or deleting. */
function* typingEdits(text: string): Generator<string> {
  const inserts = ['q', 'Q', '7'];
  for (let at = 0; at < text.length; at += 5) yield text.slice(0, at) + inserts[at % 3] + text.slice(at);
  for (let at = 0; at < text.length; at += 11) yield text.slice(0, at) + text.slice(at + 1);
}

describe('updateSentenceUnits', () => {
  for (const name of ['ozy.md', 'airspace.md', 'lordstown.md']) {
    it(`gives the same units as a fresh parse after one-character edits all through ${name}`, () => {
      const text = readFileSync(`test/fixtures/drafts/${name}`, 'utf8');
      const previous = sentenceUnits(text, 'markdown');
      let patched = 0;
      for (const edited of typingEdits(text)) {
        const updated = updateSentenceUnits(previous, edited, 'markdown');
        if (updated.units[0] === previous.units[0]) patched++;
        assert.deepEqual(updated.units, sentenceUnits(edited, 'markdown').units, JSON.stringify(edited.slice(0, 80)));
      }
      assert.ok(patched > 200, `only ${patched} edits took the fast path`);
    });
  }

  it('reads speakers afresh when an edit renames one, without parsing the draft again', () => {
    const previous = sentenceUnits(draft, 'markdown');
    const edited = draft.replace('Attorney Breon Peace called', 'Attorney Breon Pearce called');
    const updated = updateSentenceUnits(previous, edited, 'markdown');
    assert.equal(updated.units[0], previous.units[0], 'the sentences before the edit are reused, not parsed again');
    assert.deepEqual(updated.units, sentenceUnits(edited, 'markdown').units);
    const speakers = updated.units.flatMap((u) => u.quotations.map((q) => q.speaker?.name));
    assert.ok(speakers.includes('Breon Pearce') && !speakers.includes('Breon Peace'), speakers.join(', '));
  });

  it('returns the previous parse when nothing changed, and parses afresh for another language', () => {
    const previous = sentenceUnits(draft, 'markdown');
    assert.equal(updateSentenceUnits(previous, draft, 'markdown'), previous);
    assert.deepEqual(updateSentenceUnits(previous, draft, 'plaintext'), sentenceUnits(draft, 'plaintext'));
  });
});
