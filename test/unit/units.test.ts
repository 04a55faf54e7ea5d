import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sentenceUnits, updateSentenceUnits } from '../../src/core/draft/units.js';

const draft = readFileSync('test/fixtures/drafts/ozy.md', 'utf8');

/** Every edit of a letter, at every position: typing one character at a time through the whole draft. */
function* typingEdits(text: string): Generator<string> {
  for (let at = 0; at < text.length; at += 7) yield text.slice(0, at) + 'q' + text.slice(at);
  for (let at = 0; at < text.length; at += 11) yield text.slice(0, at) + text.slice(at + 1);
}

describe('updateSentenceUnits', () => {
  it('gives the same units as a fresh parse after any one-character edit of a real draft', () => {
    const previous = sentenceUnits(draft, 'markdown');
    let patched = 0;
    for (const edited of typingEdits(draft)) {
      const updated = updateSentenceUnits(previous, edited, 'markdown');
      if (updated !== previous && updated.units !== previous.units) patched++;
      assert.deepEqual(updated.units, sentenceUnits(edited, 'markdown').units, JSON.stringify(edited.slice(0, 80)));
    }
    assert.ok(patched > 100, `only ${patched} edits took the fast path`);
  });

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
