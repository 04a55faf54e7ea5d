import assert from 'node:assert/strict';
import { PassageIndex } from '../../src/core/index/passage-index.js';
import { indexTerms } from '../../src/core/index/terms.js';

/** Indexes documents given as arrays of sentences. */
function build(documents: Record<string, string[]>): PassageIndex {
  const index = new PassageIndex();
  for (const [key, sentences] of Object.entries(documents)) add(index, key, sentences);
  return index;
}

function add(index: PassageIndex, key: string, sentences: string[]): void {
  const termIds: number[] = [];
  const starts = [0];
  for (const sentence of sentences) {
    for (const term of indexTerms(sentence)) termIds.push(index.termId(term));
    starts.push(termIds.length);
  }
  index.add({ key, termIds: Uint32Array.from(termIds), sentenceTermStarts: Uint32Array.from(starts) });
}

const query = (index: PassageIndex, text: string) =>
  indexTerms(text)
    .map((term) => index.lookupTerm(term))
    .filter((id): id is number => id !== undefined);

describe('PassageIndex', () => {
  const seedLike = {
    'kabul.txt': [
      'Pentagon spokesman John Kirby told reporters on Wednesday he could not confirm the requests.',
      'Some 150 members of the Afghan security forces were killed or wounded in attacks across the country.',
    ],
    'ozy.txt': ['Carlos Watson, the founder of Ozy Media, was arrested on Thursday on fraud charges.'],
  };

  it('ranks the sentence that shares the rarest words first, across inflections', () => {
    const index = build(seedLike);
    const hits = index.search(query(index, 'Kirby could not confirm the request'), 3);
    assert.deepEqual(
      hits.map((h) => [h.key, h.sentence]),
      [['kabul.txt', 0]],
    );
    const plural = index.search(query(index, 'members of Afghan security forces killed'), 1);
    assert.deepEqual([plural[0].key, plural[0].sentence], ['kabul.txt', 1]);
  });

  it('re-indexes one document without touching the others', () => {
    const index = build(seedLike);
    add(index, 'ozy.txt', ['Ozy Media shut down in October 2021.']);
    assert.equal(index.sentenceCount, 3);
    assert.deepEqual(index.search(query(index, 'Carlos Watson arrested'), 3), []);
    assert.equal(index.search(query(index, 'Ozy shut down'), 1)[0].key, 'ozy.txt');
    assert.equal(index.search(query(index, 'Kirby confirm'), 1)[0].key, 'kabul.txt');
  });

  it('forgets a removed document and can restrict a search to one document', () => {
    const index = build(seedLike);
    assert.equal(index.remove('kabul.txt'), true);
    assert.equal(index.remove('kabul.txt'), false);
    assert.deepEqual(index.search(query(index, 'Kirby confirm requests'), 5), []);
    assert.equal(index.sentenceCount, 1);
    const restricted = index.search(query(index, 'fraud charges'), 5, 'kabul.txt');
    assert.deepEqual(restricted, []);
  });

  it('lists the sentences that use a term, and forgets removed ones', () => {
    const index = build(seedLike);
    const [arrested] = query(index, 'arrested');
    assert.deepEqual(index.sentencesWith(arrested), [{ key: 'ozy.txt', sentence: 0 }]);
    const [kill] = query(index, 'killed');
    assert.deepEqual(index.sentencesWith(kill), [{ key: 'kabul.txt', sentence: 1 }]);
    const [kirby] = query(index, 'Kirby');
    index.remove('kabul.txt');
    assert.deepEqual(index.sentencesWith(kirby), []);
  });

  it('stays correct after many replacements force a compaction', () => {
    const index = new PassageIndex();
    for (let round = 0; round < 30; round++) {
      add(
        index,
        'a.txt',
        Array.from({ length: 500 }, (_, i) => `round ${round} sentence ${i} about turbines`),
      );
    }
    assert.equal(index.sentenceCount, 500);
    const hits = index.search(query(index, 'round 29 sentence 7 turbines'), 1);
    assert.deepEqual([hits[0].key, hits[0].sentence], ['a.txt', 7]);
  });
});
