import assert from 'node:assert/strict';
import { citationInsertOffset, citationKeyAt, citationPrefixAt, isCited } from '../../src/server/citations.js';

const TEXT =
  'Turkey offered to secure the airport [see @000_f04d67d5c7de7c34, p. 2; @kirby-2021]. Mail me@example.org.';

describe('server: citations', () => {
  it('finds the key under the cursor, on the key or its @', () => {
    const at = TEXT.indexOf('@000');
    assert.equal(citationKeyAt(TEXT, at)?.key, '000_f04d67d5c7de7c34');
    assert.deepEqual(citationKeyAt(TEXT, at + 5)?.keySpan, { start: at + 1, end: at + 21 });
    assert.equal(citationKeyAt(TEXT, TEXT.indexOf('kirby') + 3)?.key, 'kirby-2021');
    assert.equal(citationKeyAt(TEXT, TEXT.indexOf('example')), undefined);
  });

  it('knows the key being typed after [@ or ; @', () => {
    assert.deepEqual(citationPrefixAt('A claim [@000_f', 15), { prefix: '000_f', start: 10 });
    assert.deepEqual(citationPrefixAt('A claim [see @a; @', 18), { prefix: '', start: 18 });
    assert.equal(citationPrefixAt('mail me@exa', 11), undefined);
    assert.equal(citationPrefixAt('[@done] and @', 13), undefined);
  });

  it('puts a new citation before the final stop, and sees an existing one', () => {
    const sentence = 'White House spokeswoman Jen Psaki called the meeting a priority for Biden.';
    assert.equal(citationInsertOffset(sentence, { start: 0, end: sentence.length }), sentence.length - 1);
    assert.equal(citationInsertOffset('No stop here', { start: 0, end: 12 }), 12);
    const first = TEXT.indexOf(' [see');
    assert.equal(isCited(TEXT, { start: 0, end: first }), true);
    assert.equal(isCited(sentence, { start: 0, end: sentence.length }), false);
  });
});
