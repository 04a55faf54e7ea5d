import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { anyText } from './any-text.js';
import { findNegations, polarity } from '../../src/core/extract/negation.js';

const seed = readFileSync(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url), 'utf8');
const cues = (text: string) => findNegations(text).map((cue) => cue.cue);

describe('findNegations', () => {
  it('finds the seed’s "could not confirm" as one cue, with document offsets', () => {
    const sentence = 'Pentagon spokesman John Kirby told reporters on Wednesday he could not confirm the requests';
    const offset = seed.indexOf(sentence);
    assert.ok(offset > 0);
    assert.deepEqual(findNegations(sentence, offset), [
      { span: { start: offset + 61, end: offset + 78 }, cue: 'could not confirm' },
    ]);
    assert.equal(seed.slice(offset + 61, offset + 78), 'could not confirm');
  });

  it('finds "unaware", "not", "did not", "would not" and "No" in the Lordstown draft', () => {
    assert.deepEqual(
      findNegations(
        'Spokeswoman Colleen Robar said the company is unaware of any injuries associated with the recalled vehicles.',
      ),
      [{ span: { start: 46, end: 53 }, cue: 'unaware' }],
    );
    assert.deepEqual(
      cues(
        'Spokeswoman Colleen Robar said the company is aware of several injuries associated with the recalled vehicles.',
      ),
      [],
    );
    assert.deepEqual(
      cues(
        'Robar would not say how many trucks Lordstown has built and handed over to buyers since production began in September.',
      ),
      ['not'],
    );
    assert.deepEqual(cues('No fires have resulted from the problems, Robar confirmed.'), ['no']);
    assert.deepEqual(cues('Lordstown did not say how long the Ohio factory will stand idle.'), ['not']);
  });

  it('reads contractions, tokenised contractions and the listed negative words', () => {
    assert.deepEqual(findNegations("He couldn't confirm it"), [
      { span: { start: 3, end: 19 }, cue: 'could not confirm' },
    ]);
    assert.deepEqual(findNegations("the club did n't say"), [{ span: { start: 13, end: 16 }, cue: "n't" }]);
    assert.deepEqual(
      cues('Nobody agreed; talks failed to resolve it, and the ministry declined to comment or denied it'),
      ['nobody', 'failed to', 'declined to', 'denied'],
    );
    assert.deepEqual(cues('The two have so far proved unable to compromise'), ['unable to']);
    assert.deepEqual(cues('It is no longer unlikely, never without reason, and none of them knew nothing'), [
      'no longer',
      'unlikely',
      'never',
      'without',
      'none',
      'nothing',
    ]);
  });

  it('reads a cue inside a compound or before a possessive, the possessive outside its span', () => {
    assert.deepEqual(findNegations("how no one's holiday went"), [{ span: { start: 4, end: 10 }, cue: 'no one' }]);
    assert.deepEqual(findNegations('a no-fly zone, a not-guilty plea'), [
      { span: { start: 2, end: 4 }, cue: 'no' },
      { span: { start: 17, end: 20 }, cue: 'not' },
    ]);
  });

  it('does not count "not only", "No. 10" or the "nor" of "neither ... nor"', () => {
    assert.deepEqual(
      cues(
        'Airport security in any form will be important not only for the United States, but also for other countries',
      ),
      [],
    );
    assert.deepEqual(cues('No. 10 said'), []);
    assert.deepEqual(cues('Neither Kirby nor Psaki commented.'), ['neither']);
  });

  it('reads a verb of stopping before an -ing word as a negation of it, and only there', () => {
    assert.deepEqual(cues('The hospital has stopped admitting new patients.'), ['stopped']);
    assert.deepEqual(cues('The plant halted making pickups in March.'), ['stopped']);
    assert.deepEqual(cues('She never stopped working.'), ['never', 'stopped']);
    assert.deepEqual(cues('The convoy stopped at the border.'), []);
    assert.deepEqual(cues('The company halted production.'), []);
  });
});

describe('polarity', () => {
  it('is -1 for the airspace draft’s "is not a sustainable model" and 1 for its contradiction', () => {
    assert.equal(polarity('“Segregated integration is not a sustainable model for the future,” Gumley said.'), -1);
    assert.equal(polarity('“Segregated integration is a sustainable model for the future,” Gumley said.'), 1);
  });

  it('cancels two cues in one clause but not across clauses', () => {
    assert.equal(polarity('A deal is not unlikely.'), 1);
    assert.equal(polarity("He couldn't confirm it and didn't say more."), -1);
    assert.equal(polarity('Neither Kirby nor Psaki commented.'), -1);
  });
});

describe('findNegations on any text', () => {
  it('never throws and returns ordered spans, each holding its cue', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let previousEnd = 7;
        for (const mention of findNegations(text, 7)) {
          const { start, end } = mention.span;
          assert.ok(previousEnd <= start && start < end && end <= text.length + 7, JSON.stringify(mention));
          // Cut out of its sentence, the cue's text is still that cue.
          assert.deepEqual(
            findNegations(text.slice(start - 7, end - 7)).map((cue) => cue.cue),
            [mention.cue],
          );
          previousEnd = end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
