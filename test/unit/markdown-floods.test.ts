// A draft is parsed on the language server's main thread at every keystroke, so no Markdown a writer can paste
// may make the parser quadratic: each flood below took from 10 s to minutes at 200 KB before it was guarded.
import { strict as assert } from 'node:assert';
import { maskProse } from '../../src/core/draft/prose.js';
import { unpairedBacktickRuns } from '../../src/core/draft/unpaired-backticks.js';

const SENTENCE = 'Kirby said the talks would continue on Monday.';
const SIZE = 200_000;

/** `unit` repeated to about SIZE characters. */
const flood = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length));

/** Backtick runs of lengths 1, 2, 3, … with `between` after each, up to about SIZE characters. */
function distinctBacktickRuns(between: string): string {
  const runs: string[] = [];
  for (let length = 1, total = 0; total < SIZE; length++, total += length + between.length) {
    runs.push('`'.repeat(length) + between);
  }
  return runs.join('');
}

describe('Markdown floods', () => {
  const floods: Record<string, string> = {
    'link brackets then `](`': '['.repeat(SIZE / 2) + flood('](').slice(0, SIZE / 2),
    '`[a](` repeated': flood('[a]('),
    '`[a]( ` repeated': flood('[a]( '),
    '`[x]` repeated': flood('[x]'),
    'footnote openers `[^`': flood('[^'),
    'definitions `[a]: `': flood('[a]: '),
    'strikethrough `~a`': flood('~a'),
    'autolink openers `<a`': flood('<a'),
    'backtick runs of distinct lengths': distinctBacktickRuns('a'),
    'backtick runs of distinct lengths between words': distinctBacktickRuns(' the talks '),
  };
  for (const [name, text] of Object.entries(floods)) {
    it(`parses ${name} (${text.length.toLocaleString('en')} characters) in seconds, keeping the prose after it`, function () {
      this.timeout(60_000);
      const draft = `${text}\n\n${SENTENCE}\n`;
      const started = performance.now();
      const { masked, blocks } = maskProse(draft, 'markdown');
      const seconds = (performance.now() - started) / 1000;
      // Unguarded, the fastest of these took 10 s on an idle machine; guarded, each takes well under 1 s.
      assert.ok(seconds < 8, `${seconds.toFixed(1)} s`);
      assert.equal(masked.length, draft.length);
      const last = blocks.at(-1)!;
      assert.deepEqual(last.span, { start: text.length + 2, end: text.length + 2 + SENTENCE.length });
      assert.equal(last.text, SENTENCE);
    });
  }

  // Defused markup used to be spaces in the parser's copy: four of them opening a line made the sentence
  // behind the flood an indented code block, dropped without a word.
  for (const [name, before, after] of [
    ['a sentence wrapped in a thousand `*`', '*'.repeat(1_000), '*'.repeat(1_000)],
    ['a sentence nested past column 128', '> '.repeat(70), ''],
    ['a list item nested past column 128', '- '.repeat(70), ''],
  ]) {
    it(`checks ${name} as prose, without its markup`, () => {
      const draft = `${before}${SENTENCE}${after}`;
      const { masked, blocks } = maskProse(draft, 'markdown');
      assert.equal(masked, `${' '.repeat(before!.length)}${SENTENCE}${' '.repeat(after!.length)}`);
      assert.deepEqual(
        blocks.map((block) => block.text),
        [SENTENCE],
      );
    });
  }

  it('keeps code spans and emphasis in an ordinary paragraph', () => {
    const draft = 'Run `npm test` and *then* ``a ` b`` it, said Kirby.';
    assert.equal(maskProse(draft, 'markdown').masked, 'Run            and  then            it, said Kirby.');
  });
});

describe('unpairedBacktickRuns', () => {
  it('finds the runs that open no code span, skipping what lies inside one', () => {
    assert.deepEqual(unpairedBacktickRuns('a `` b ` c'), [
      { start: 2, end: 4 },
      { start: 7, end: 8 },
    ]);
    // The opener of length 2 pairs with the second `` and swallows the first `; the last ` has no partner.
    assert.deepEqual(unpairedBacktickRuns('``x`y``z`'), [{ start: 8, end: 9 }]);
    assert.deepEqual(unpairedBacktickRuns('`a` ``b``'), []);
    assert.deepEqual(unpairedBacktickRuns('` `` ```'), [
      { start: 0, end: 1 },
      { start: 2, end: 4 },
      { start: 5, end: 8 },
    ]);
  });
});
