import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { maskProse } from '../../src/core/draft/prose.js';
import { findQuotations } from '../../src/core/extract/quotations.js';
import type { Quotation } from '../../src/core/types.js';

const seed = readFileSync(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url), 'utf8');
const draft = (name: string) => readFileSync(new URL(`../fixtures/drafts/${name}`, import.meta.url), 'utf8');

const texts = (text: string, ...rest: Parameters<typeof findQuotations> extends [string, ...infer R] ? R : never) =>
  findQuotations(text, ...rest).map((q) => q.text);

/** Quotations of a Markdown draft as the checker finds them: in the prose blocks of the masked document. */
function draftQuotations(markdown: string): Quotation[] {
  const { masked, blocks } = maskProse(markdown, 'markdown');
  return findQuotations(
    masked,
    blocks.map((block) => block.span),
  );
}

describe('findQuotations', () => {
  it('ends the seed article’s unclosed quote at its paragraph, without swallowing the rest of the article', () => {
    const opening = seed.indexOf('\u201CObviously');
    const paragraphEnd = seed.indexOf('\n\nAirport security');
    assert.deepEqual(findQuotations(seed), [
      {
        inner: { start: opening + 1, end: paragraphEnd },
        text: 'Obviously this is a national decision that President Erdogan needs to take. take and we respect it.',
        closed: false,
      },
    ]);
  });

  it('finds every quote of the airspace draft, with exact spans between the marks', () => {
    const text = draft('airspace.md');
    const quotations = draftQuotations(text);
    assert.deepEqual(
      quotations.map((q) => [q.text, q.closed]),
      [
        ['We need more effective traffic management capabilities than those utilised today,', true],
        ['We need far cheaper traffic management capabilities than those utilised today,', true],
        ['Segregated integration is not a sustainable model for the future,', true],
        ['Segregated integration is a sustainable model for the future,', true],
        ['UTM solutions are essential,', true],
        ['UTM solutions are essential,', true],
      ],
    );
    const first = text.indexOf('\u201CWe need more');
    assert.deepEqual(quotations[0]!.inner, { start: first + 1, end: first + 1 + quotations[0]!.text.length });
    for (const q of quotations) {
      assert.equal(text[q.inner.start - 1], '\u201C');
      assert.equal(text[q.inner.end], '\u201D');
    }
  });

  it('finds the partial quotes of the Lordstown draft ("addresses a “specific …”") and the full ones', () => {
    assert.deepEqual(
      draftQuotations(draft('lordstown.md')).map((q) => q.text),
      [
        'specific electrical connection issue that could result in a loss of propulsion while driving.',
        'specific battery issue that could result in a fire while driving.',
        'We remain committed to doing the right thing by our customers,',
        'We remain committed to doing the right thing by our customers,',
      ],
    );
  });

  it('finds the Ozy draft’s quotes in prose only (not in its code block), a quote running over a line break too', () => {
    const text = draft('ozy.md');
    const quotations = draftQuotations(text);
    assert.deepEqual(
      quotations.map((q) => q.text),
      [
        'We are really disappointed,',
        'We have been acting in bad faith,',
        'a con man whose business strategy was\nbased on outright deceit and fraud.',
        'a con man whose business strategy was based on outright deceit and\nfraud.',
      ],
    );
    assert.deepEqual(quotations[2]!.inner, { start: text.indexOf('a con man'), end: text.indexOf('fraud.\u201D') + 6 });
    // Without blocks the whole text is read: the search line in the code block quotes too.
    assert.deepEqual(texts(text).slice(0, 2), ['Ozy', 'Goldman Sachs']);
  });

  it('does not take apostrophes for quotation marks', () => {
    const text =
      "Don't forget Ankara\u2019s offer, the '90s, rock 'n' roll, the students\u2019 union, the Joneses' house and " +
      "O'Brien's \u201890s hits; 'tis the season, 'cause it's rockin'.";
    assert.deepEqual(findQuotations(text), []);
  });

  it('tells a single-quoted quote from the apostrophes around it', () => {
    assert.deepEqual(texts("The students' union said 'don't go' to the players' lounge."), ["don't go"]);
    assert.deepEqual(texts('She called it \u2018abnormal\u2019 and Ankara\u2019s plan \u2018a mistake\u2019.'), [
      'abnormal',
      'a mistake',
    ]);
  });

  it('returns the outer quote of a nested pair, and the inner one too when asked', () => {
    const text = '\u201CHe told me \u2018never again\u2019 and left,\u201D she said.';
    assert.deepEqual(texts(text), ['He told me \u2018never again\u2019 and left,']);
    assert.deepEqual(texts(text, undefined, { nested: true }), [
      'He told me \u2018never again\u2019 and left,',
      'never again',
    ]);
    assert.deepEqual(texts('"He said \'no\' twice," she said.', undefined, { nested: true }), [
      "He said 'no' twice,",
      'no',
    ]);
  });

  it('finds a partial quote inside a sentence', () => {
    const text =
      'Mojtaba Zolnour said the illnesses were \u201Cabnormal\u201D and security officials were investigating.';
    assert.deepEqual(findQuotations(text), [
      { inner: { start: text.indexOf('abnormal'), end: text.indexOf('abnormal') + 8 }, text: 'abnormal', closed: true },
    ]);
  });

  it('pairs straight double quotes by which way they face', () => {
    assert.deepEqual(texts('"One," he said, "two." Then "three"'), ['One,', 'two.', 'three']);
    assert.deepEqual(texts('A 27" monitor is "big" they said, and 6\'2" is tall.'), ['big']);
    assert.deepEqual(texts('He wrote"this"and left.'), ['this']);
  });

  it('reads curly marks typed the wrong way round, Swedish and French quotes', () => {
    assert.deepEqual(texts('\u201CHello,\u201C he said.'), ['Hello,']);
    assert.deepEqual(texts('\u201DHej,\u201D sa han.'), ['Hej,']);
    assert.deepEqual(texts('Il a dit \u00ABBonjour\u00BB et \u201EHallo\u201C.'), ['Bonjour', 'Hallo']);
  });

  it('makes a quote continued in the next paragraph two quotations, the first unclosed', () => {
    const text =
      'He added: \u201CThe Far East is not so far away.\n\n\u201CWe have worked to open the airspace,\u201D he said.';
    assert.deepEqual(findQuotations(text), [
      { inner: { start: 11, end: 43 }, text: 'The Far East is not so far away.', closed: false },
      { inner: { start: 46, end: 82 }, text: 'We have worked to open the airspace,', closed: true },
    ]);
  });

  it('never pairs marks across the blocks it is given', () => {
    const text = 'He said "yes. She said no."';
    const blocks = [
      { start: 0, end: 13 },
      { start: 14, end: text.length },
    ];
    assert.deepEqual(findQuotations(text, blocks), [{ inner: { start: 9, end: 13 }, text: 'yes.', closed: false }]);
  });

  it('skips empty quotes and marks with space on both sides', () => {
    assert.deepEqual(findQuotations('He said "" and " then left.'), []);
  });

  it('never throws, and every quotation lies inside the text, in order, without overlaps', () => {
    const alphabet = fc.constantFrom(...'ab \n\n.,\'"\u201C\u201D\u2018\u2019\u00AB\u00BB\u2033-9s\uD83D\uDE00');
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 200 }).map((chars) => chars.join('')),
        (text) => {
          const quotations = findQuotations(text, undefined, { nested: true });
          const outer = findQuotations(text);
          for (const q of quotations) {
            assert.ok(0 <= q.inner.start && q.inner.start < q.inner.end && q.inner.end <= text.length);
            assert.equal(q.text, text.slice(q.inner.start, q.inner.end));
            assert.ok(!/\n[ \t]*\n/.test(q.text), 'a quotation never crosses a blank line');
          }
          outer.forEach((q, i) => i > 0 && assert.ok(outer[i - 1]!.inner.end < q.inner.start));
        },
      ),
      { numRuns: 2000 },
    );
    assert.deepEqual(
      findQuotations('x', [
        { start: -5, end: 99 },
        { start: 3, end: 1 },
      ]),
      [],
    );
    assert.equal(findQuotations(`"${'a'.repeat(1_000_000)}`)[0]!.inner.end, 1_000_001);
  });
});
