import { strict as assert } from 'node:assert';
import { areAntonyms, antonymsOf } from '../../src/core/extract/antonyms.js';
import { normalizeWord, stemWord } from '../../src/core/text/normalize.js';

describe('areAntonyms', () => {
  it('finds the news pairs WordNet lacks, in any inflection', () => {
    const pairs = [
      ['rose', 'fell'],
      ['rise', 'falls'],
      ['gains', 'losses'],
      ['increase', 'decline'],
      ['increased', 'decreased'],
      ['surged', 'plunged'],
      ['acquitted', 'convicted'],
      ['majority', 'minority'],
      ['approved', 'rejected'],
      ['higher', 'lower'],
      ['won', 'lost'],
      ['stopped', 'continues'],
      ['ended', 'continuing'],
    ];
    assert.deepEqual(
      pairs.filter(([a, b]) => !areAntonyms(a, b) || !areAntonyms(b, a)),
      [],
    );
  });

  it('finds WordNet antonyms and their derived forms: the drafts’ "unaware"/"aware", "essential"/"inessential"', () => {
    assert.equal(areAntonyms('unaware', 'aware'), true);
    assert.equal(areAntonyms('able', 'unable'), true);
    assert.equal(areAntonyms('ability', 'inability'), true);
    assert.equal(areAntonyms('sustainable', 'unsustainable'), true);
    assert.equal(areAntonyms('encouraging', 'discouraging'), true);
    assert.equal(areAntonyms('essential', 'inessential'), true);
    assert.equal(areAntonyms('Cheaper', 'costlier'), true);
  });

  it('accepts stems and normalised words as the verifier holds them', () => {
    const stem = (word: string) => stemWord(normalizeWord(word));
    assert.equal(areAntonyms(stem('increases'), stem('declining')), true);
    assert.equal(areAntonyms('increas', 'declin'), true);
  });

  it('does not pair synonyms, unrelated words or a word with itself', () => {
    assert.equal(areAntonyms('deliver', 'deliver'), false);
    assert.equal(areAntonyms('rose', 'rise'), false);
    assert.equal(areAntonyms('recall', 'pickup'), false);
    assert.equal(areAntonyms('encouraging', 'promising'), false);
    assert.equal(areAntonyms('said', 'told'), false);
  });
});

describe('antonymsOf', () => {
  it('lists the stems of a word’s opposites, and nothing for a word without any', () => {
    const down = [
      'declin',
      'decreas',
      'dip',
      'down',
      'drop',
      'fall',
      'fallen',
      'fell',
      'loss',
      'lost',
      'lower',
      'plummet',
      'plung',
      'sank',
      'shrank',
      'shrink',
      'sink',
      'slid',
      'slide',
      'slip',
      'slump',
      'tumbl',
    ];
    assert.deepEqual(antonymsOf('rose').sort(), down);
    assert.deepEqual(antonymsOf('increases').sort(), ['cut', ...down].sort());
    assert.deepEqual(antonymsOf('Lordstown'), []);
  });
});
