import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { normalForm, readWords, rescanWords } from '../../src/core/text/words.js';
import { findReportedSpeech } from '../../src/core/extract/speakers.js';
import { editBetween } from '../../src/core/text/edit.js';

const seed = readFileSync('seeds/000_f04d67d5c7de7c34.txt', 'utf8');
const draft = readFileSync('examples/draft.md', 'utf8');

/** What a writer types: letters, digits, spaces, the marks that join words or end them, quotation marks, a new line, a combining accent. */
const TYPED = [
  'q',
  'Q',
  ' ',
  '.',
  '-',
  "'",
  '\u2019',
  ',',
  '\u201C',
  '\n',
  'é',
  '\u00A0',
  'U.S.',
  'Dr. No',
  '\u0301',
  '1,0',
  '7',
];

function* editsAround(text: string, from: number, to: number): Generator<string> {
  for (let at = from; at < to; at++) {
    yield text.slice(0, at) + TYPED[at % TYPED.length] + text.slice(at);
    yield text.slice(0, at) + text.slice(at + 1);
    yield text.slice(0, at) + TYPED[(at + 5) % TYPED.length] + text.slice(at + 3);
  }
}

const plain = (words: ReturnType<typeof readWords>) =>
  words.map(({ kind, text, start, end, name }) => ({ kind, text, start, end, name }));

function assertRescanReadsAfresh(before: string, after: string): void {
  const rescanned = rescanWords(readWords(before), after, editBetween(before, after));
  assert.deepEqual(plain(rescanned.words), plain(readWords(after)), JSON.stringify(after.slice(0, 120)));
}

describe('readWords', () => {
  const read = (text: string) => readWords(text).map((w) => `${w.kind}:${w.text}`);

  it('keeps the full stop of an initial, a dotted abbreviation and a known title, not of a sentence', () => {
    assert.deepEqual(read('Adm. John P. Aquilino of the U.S. Navy spoke.'), [
      'word:Adm.',
      'word:John',
      'word:P.',
      'word:Aquilino',
      'word:of',
      'word:the',
      'word:U.S.',
      'word:Navy',
      'word:spoke',
      'stop:.',
    ]);
  });

  it('joins digits by a comma or a point, and letters by an apostrophe, a hyphen or an ampersand, not words by a comma', () => {
    assert.deepEqual(read('AT&T’s 1,000 Meares-Whitty 1.5 said,Then'), [
      'word:AT&T’s',
      'word:1,000',
      'word:Meares-Whitty',
      'word:1.5',
      'word:said',
      'comma:,',
      'word:Then',
    ]);
  });

  it('reads decomposed accents (NFD) as the same words, at the same word boundaries, as composed ones (NFC)', () => {
    const composed = 'José Müller-Peña of Café Zürich said “ça suffit”.';
    const decomposed = composed.normalize('NFD');
    assert.notEqual(decomposed, composed);
    assert.deepEqual(
      readWords(decomposed).map((w) => [w.kind, w.text.normalize('NFC'), w.name]),
      readWords(composed).map((w) => [w.kind, w.text, w.name]),
    );
  });

  it('gives "U.S.", "U.S", "US" and "u.s." one normal form, and keeps a decimal point', () => {
    assert.deepEqual(['U.S.', 'U.S', 'US', 'u.s.', 'Adm.', '1.5', 'Erdoğan’s'].map(normalForm), [
      'us',
      'us',
      'us',
      'us',
      'adm',
      '1.5',
      'erdogan',
    ]);
  });
});

describe('rescanWords', () => {
  it('reads the same words as a fresh scan after every edit through the opening of the seed article', () => {
    const opening = seed.slice(0, 1500);
    for (const edited of editsAround(opening, 0, opening.length)) assertRescanReadsAfresh(opening, edited);
  });

  it('reads the same words as a fresh scan after edits spread through a Markdown draft', () => {
    for (let at = 0; at < draft.length; at += 37) {
      for (const edited of editsAround(draft, at, at + 1)) assertRescanReadsAfresh(draft, edited);
    }
  });

  it('reports the words it dropped and the words it read, for the lexicon to count', () => {
    const before = 'Officials said the plan was ready.';
    const { removed, added } = rescanWords(readWords(before), 'Officials said the budget was ready.', {
      start: 19,
      oldEnd: 23,
      newEnd: 25,
    });
    assert.deepEqual(
      removed.map((w) => w.text),
      ['plan'],
    );
    assert.deepEqual(
      added.map((w) => [w.text, w.start]),
      [['budget', 19]],
    );
  });
});

describe('speakers read after an edit', () => {
  // A sentence-opening "Officials" is a name only where the text never writes "officials" in lower case.
  const sentence = { text: 'Officials said it would rain.', span: { start: 0, end: 29 }, paragraph: 0 };

  it('forget a word the edit removed from the text', () => {
    const before = 'Officials said it would rain. The officials met on Monday.';
    const after = 'Officials said it would rain. The ministers met on Monday.';
    assert.equal(findReportedSpeech(sentence, before), undefined);
    assert.deepEqual(findReportedSpeech(sentence, after), { name: 'Officials', span: { start: 0, end: 9 } });
    assert.equal(findReportedSpeech(sentence, before), undefined);
  });
});
