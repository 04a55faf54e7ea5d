// Every reader of words reads a text the same way: decomposed accents (NFD) as composed ones (NFC), "U.S." as
// one name whatever its dots.
import { strict as assert } from 'node:assert';
import { DraftChecker } from '../../src/core/checker.js';
import { findNames, namesAgree } from '../../src/core/extract/names.js';
import { findNegations } from '../../src/core/extract/negation.js';
import { findNumbers } from '../../src/core/extract/numbers.js';
import { findReportedSpeech } from '../../src/core/extract/speakers.js';
import { SourceLibrary } from '../../src/core/library.js';
import { tokenize } from '../../src/core/text/normalize.js';
import { splitSentences } from '../../src/core/text/sentences.js';
import { normalForm, readWords } from '../../src/core/text/words.js';
import { words } from '../../src/server/wordAlign.js';

const composed =
  'Defence Minister José Müller-Peña said Café Zürich would not close its 2,500 seats in Düsseldorf on Monday.';
const decomposed = composed.normalize('NFD');

/** What every reader reads in `text`, with its offsets mapped to words and its text composed, to compare NFD with NFC. */
function readings(text: string) {
  const nfc = (s: string) => s.normalize('NFC');
  const sentence = splitSentences(text)[0]!;
  return {
    words: readWords(text).map((w) => nfc(w.text)),
    tokens: tokenize(text).map((t) => t.norm),
    names: findNames(text).map((n) => [nfc(n.text), n.norm]),
    speaker: nfc(findReportedSpeech(sentence, text)?.name ?? ''),
    numbers: findNumbers(text).map((n) => [n.value, n.unit]),
    negations: findNegations(text).map((n) => n.cue),
    aligned: words(text).map((w) => nfc(w.key)),
  };
}

function checkAgainst(source: string, draft: string) {
  const library = new SourceLibrary();
  library.upsert('/sources/report.txt', source);
  return new DraftChecker(library)
    .check(draft, { languageId: 'plaintext' })
    .map((f) => [f.verdict, f.problems, f.message]);
}

describe('every word reader', () => {
  it('reads decomposed accents (NFD) as composed ones (NFC)', () => {
    assert.notEqual(decomposed, composed);
    const expected = readings(composed);
    assert.deepEqual(expected.names, [
      ['José Müller-Peña', 'jose muller-pena'],
      ['Café Zürich', 'cafe zurich'],
      ['Düsseldorf', 'dusseldorf'],
    ]);
    assert.equal(expected.speaker, 'José Müller-Peña');
    assert.deepEqual(expected.numbers, [[2500, 'seat']]);
    assert.deepEqual(expected.negations, ['not']);
    assert.deepEqual(readings(decomposed), expected);
  });

  it('checks a decomposed draft against a composed source as the composed draft: no finding', () => {
    assert.deepEqual(checkAgainst(composed, decomposed), [['supported', [], 'supported by report']]);
  });

  it('reads "U.S.", "U.S" and "US" as one name', () => {
    const norms = ['U.S. officials met.', 'Officials of the U.S met.', 'US officials met.'].map((text) =>
      findNames(text).map((n) => n.norm),
    );
    assert.deepEqual(norms, [['us'], ['us'], ['us']]);
    assert.equal(normalForm('U.S.'), 'us');
    assert.equal(namesAgree('U.S.', 'US'), true);
    assert.equal(namesAgree('U.S.', 'United States'), true);
  });

  it('checks "US officials" against a source that writes "U.S. officials": no finding', () => {
    const source = 'U.S. officials said the talks in Geneva failed on Monday.';
    assert.deepEqual(checkAgainst(source, 'US officials said the talks in Geneva failed on Monday.'), [
      ['supported', [], 'supported by report'],
    ]);
    assert.deepEqual(checkAgainst(source, 'U.S officials said the talks in Geneva failed on Monday.'), [
      ['supported', [], 'supported by report'],
    ]);
  });
});
