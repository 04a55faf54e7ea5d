import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { anyText } from './any-text.js';
import { findNumbers, numbersAgree, type NumberMention } from '../../src/core/extract/numbers.js';

const seed = readFileSync(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url), 'utf8');

/** The mentions without spans, for compact comparison; spans are checked separately. */
const values = (text: string) => findNumbers(text).map(({ span: _span, ...rest }) => rest);
const one = (text: string): NumberMention => {
  const found = findNumbers(text);
  assert.equal(found.length, 1, `one number in ${JSON.stringify(text)}: ${JSON.stringify(found)}`);
  return found[0];
};

describe('findNumbers', () => {
  it('reads the seed article’s casualty sentence with document offsets, approximation and counted nouns', () => {
    const sentence =
      'Some 150 members of the Afghan security forces were killed or wounded in attacks across the country in just 24 hours earlier this week, Afghan officials said.';
    const offset = seed.indexOf(sentence);
    assert.ok(offset > 0);
    const found = findNumbers(sentence, offset);
    assert.deepEqual(found, [
      {
        span: { start: offset + 5, end: offset + 8 },
        text: '150',
        value: 150,
        kind: 'cardinal',
        unit: 'member',
        approximate: true,
      },
      {
        span: { start: offset + 108, end: offset + 110 },
        text: '24',
        value: 24,
        kind: 'cardinal',
        unit: 'hour',
        approximate: false,
      },
    ]);
    assert.deepEqual(
      found.map((m) => seed.slice(m.span.start, m.span.end)),
      ['150', '24'],
    );
  });

  it('treats model names such as the seed’s "S-400" and other identifiers as no number', () => {
    const sentence = seed.slice(seed.indexOf('The two have so far'), seed.indexOf('alliances aircraft.'));
    assert.deepEqual(
      findNumbers(sentence).map((m) => m.text),
      ['two'],
    );
    assert.deepEqual(findNumbers('F-35 jets, COVID-19 cases, the G7, an A320, 4G phones, on 2021-06-11 at 10:30'), []);
  });

  it('reads percentages and share prices in the Lordstown draft, with "about" as approximate', () => {
    const sentence = 'Shares of Lordstown were down about 9% to about $1 in early trading Thursday.';
    assert.deepEqual(findNumbers(sentence), [
      { span: { start: 36, end: 38 }, text: '9%', value: 9, kind: 'percent', unit: 'percent', approximate: true },
      {
        span: { start: 48, end: 50 },
        text: '$1',
        value: 1,
        currency: '$',
        kind: 'money',
        unit: 'money',
        approximate: true,
      },
    ]);
    assert.deepEqual(values('The stock hit an all-time high of $31.80 a share in September 2020.'), [
      { text: '$31.80', value: 31.8, currency: '$', kind: 'money', unit: 'money', approximate: false },
      { text: '2020', value: 2020, kind: 'year', approximate: false },
    ]);
  });

  it('reads digits and number words but leaves the day of "Jan. 3" to the date extractor', () => {
    assert.deepEqual(
      values('As of Jan. 3, the company had produced 31 vehicles for sale and delivered six of those to customers.'),
      [
        { text: '31', value: 31, kind: 'cardinal', unit: 'vehicl', approximate: false },
        { text: 'six', value: 6, kind: 'cardinal', approximate: false },
      ],
    );
    assert.deepEqual(values('The company plans to give a more detailed update on its earnings call on March 6.'), []);
  });

  it('applies currencies and scale words: "A$1.2 billion", "$170 million", "£5bn", "$3.2m", "5 million dollars"', () => {
    assert.deepEqual(values('The system will cost about A$1.2 billion.'), [
      { text: 'A$1.2 billion', value: 1.2e9, currency: 'AUD', kind: 'money', unit: 'money', approximate: true },
    ]);
    assert.equal(one('Foxconn has agreed to invest another $170 million in the company.').value, 170e6);
    assert.deepEqual(
      ['£5bn', '$3.2m', '5 million dollars', '50 cents', '5bn'].map((text) => [
        one(text).value,
        one(text).currency,
        one(text).kind,
      ]),
      [
        [5e9, 'GBP', 'money'],
        [3.2e6, '$', 'money'],
        [5e6, '$', 'money'],
        [0.5, '$', 'money'],
        [5e9, undefined, 'cardinal'],
      ],
    );
    // Without a currency "m" may be metres.
    assert.deepEqual([one('the 100m sprint').value, one('the 100m sprint').text], [100, '100m']);
  });

  it('reads number words, dozens and fractions, and tells a share from a rank', () => {
    const read = (text: string) => findNumbers(text).map((m) => [m.text, m.value, m.kind]);
    assert.deepEqual(read('one hundred fifty troops and one hundred and fifty more'), [
      ['one hundred fifty', 150, 'cardinal'],
      ['one hundred and fifty', 150, 'cardinal'],
    ]);
    assert.deepEqual(read('a dozen eggs, two dozen people, a million votes'), [
      ['a dozen', 12, 'cardinal'],
      ['two dozen', 24, 'cardinal'],
      ['a million', 1e6, 'cardinal'],
    ]);
    assert.deepEqual(read('a third of the workers won a third term; half of them and two thirds of voters'), [
      ['a third', (1 / 3) * 100, 'percent'],
      ['third', 3, 'ordinal'],
      ['half', 50, 'percent'],
      ['two thirds', 2 * (1 / 3) * 100, 'percent'],
    ]);
    // A half of the year is a period, not a share: only its ordinal is a figure.
    assert.deepEqual(read('ridership rose in the first half of 2008 and fell in the second half'), [
      ['first', 1, 'ordinal'],
      ['2008', 2008, 'year'],
      ['second', 2, 'ordinal'],
    ]);
  });

  it('reads percent words, ordinals and multipliers from the airspace draft', () => {
    assert.deepEqual(values('The agency expects global air traffic to double by 2037.'), [
      { text: 'double', value: 2, kind: 'multiplier', unit: 'multiplier', approximate: false },
      { text: '2037', value: 2037, kind: 'year', approximate: false },
    ]);
    assert.deepEqual(
      ['12.5 percent', '7 per cent', '12.5%', '21st', 'tripled', 'twofold', 'halved'].map((text) => [
        one(text).text,
        one(text).value,
        one(text).kind,
      ]),
      [
        ['12.5 percent', 12.5, 'percent'],
        ['7 per cent', 7, 'percent'],
        ['12.5%', 12.5, 'percent'],
        ['21st', 21, 'ordinal'],
        ['tripled', 3, 'multiplier'],
        ['twofold', 2, 'multiplier'],
        ['halved', 0.5, 'multiplier'],
      ],
    );
    assert.deepEqual(values('President Joe Bidens’ first scheduled meeting'), [
      { text: 'first', value: 1, kind: 'ordinal', approximate: false },
    ]);
  });

  it('keeps "one" as a pronoun out, reads a score whole, splits year ranges, and knows a year from a count', () => {
    const read = (text: string) => findNumbers(text).map((m) => [m.text, m.kind]);
    assert.deepEqual(read('No one expected it, not even the one who won'), []);
    assert.deepEqual(read('Two of the company’s top executives pleaded guilty'), [['Two', 'cardinal']]);
    assert.deepEqual(read('a 3-2 win between 2018 and 2021'), [
      ['3-2', 'score'],
      ['2018', 'year'],
      ['2021', 'year'],
    ]);
    assert.deepEqual(read('2019 members joined'), [['2019', 'cardinal']]);
  });

  it('marks "up to", "more than" and "at least" as approximate', () => {
    assert.equal(one('Watson faces up to 20 years in prison if convicted.').approximate, true);
    assert.equal(one('Watson faces up to 20 years in prison if convicted.').unit, 'year');
    assert.equal(one('more than 1,000 people').value, 1000);
    assert.equal(one('more than 1,000 people').approximate, true);
    assert.equal(one('at least 3').approximate, true);
    assert.equal(one('all 29 of the country’s aerodromes').approximate, false);
  });
});

describe('years before 1900', () => {
  it('reads "built in 1863" and "since 1850" as years, and "in 1500 homes" or "a total of 1500" as counts', () => {
    const kinds = (text: string) => findNumbers(text).map(({ text: written, kind }) => [written, kind]);
    assert.deepEqual(kinds('The adobe was built in 1863.'), [['1863', 'year']]);
    assert.deepEqual(kinds('Since 1850, the town has grown.'), [['1850', 'year']]);
    assert.deepEqual(kinds('Power was out in 1500 homes.'), [['1500', 'cardinal']]);
    assert.deepEqual(kinds('They counted a total of 1500.'), [['1500', 'cardinal']]);
  });
});

describe('scores and tallies', () => {
  const read = (text: string) => findNumbers(text).map(({ text: written, kind }) => [written, kind]);

  it('reads "a 3-0 lead" and "a 4-0 vote" as one fact each, and "5-10 minutes" as a range of two counts', () => {
    assert.deepEqual(read('After taking a 3-0 lead, they narrowed it to 2-3.'), [
      ['3-0', 'score'],
      ['2-3', 'score'],
    ]);
    assert.deepEqual(read('The board approved it by a 4-0 margin.'), [['4-0', 'score']]);
    assert.deepEqual(read('The budget passed on a 15-2 vote of the board.'), [['15-2', 'score']]);
    assert.deepEqual(read('lyon beat bastia 2 - 0 at home'), [['2 - 0', 'score']]);
    assert.deepEqual(read('It takes 5-10 minutes.'), [
      ['5', 'cardinal'],
      ['10', 'cardinal'],
    ]);
  });

  it('agrees whichever side is named first, and only on the same two counts', () => {
    const [won] = findNumbers('Jamshedpur won 2-1.');
    const [lost] = findNumbers('a 1-2 defeat');
    const [other] = findNumbers('a 2-0 win');
    assert.equal(numbersAgree(won, lost), true);
    assert.equal(numbersAgree(won, other), false);
  });

  it('reads "scored a third" at the end of a sentence as a rank and "fell by a third" as a share', () => {
    assert.deepEqual(read('Then Ruiz scored a third.'), [['third', 'ordinal']]);
    assert.deepEqual(read('Sales fell by a third.'), [['a third', 'percent']]);
  });

  it('reads bounds: two bounds agree only on the same figure, a bound and a figure only on its side', () => {
    const one = (text: string) => findNumbers(text)[0];
    const cap = one('to no more than $165,000');
    assert.equal(cap.bound, 'upper');
    assert.equal(one('more than 3,000 species').bound, 'lower');
    assert.equal(numbersAgree(cap, one('to an amount not to exceed $160,000')), false);
    assert.equal(numbersAgree(one('more than 3,000 species'), one('3,214 species')), true);
    assert.equal(numbersAgree(one('more than 3,000 species'), one('2,950 species')), false);
    assert.equal(numbersAgree(one('up to 50 people'), one('52 people')), false);
    assert.equal(numbersAgree(one('about 150 people'), one('145 people')), true);
  });

  it('agrees a share in words with the same percentage: "half" is "50 percent", "a third" is "33%"', () => {
    const [half] = findNumbers('if the state funds half of the budget');
    const [fifty, two] = findNumbers('if the state agrees to fund 50 percent of the budget for two years');
    const [third] = findNumbers('a third of the workers');
    const [thirtyThree, fortyFive] = findNumbers('33% of the workers and 45 percent of the rest');
    assert.equal(numbersAgree(half, fifty), true);
    assert.equal(numbersAgree(half, two), false);
    assert.equal(numbersAgree(third, thirtyThree), true);
    assert.equal(numbersAgree(third, fortyFive), false);
  });
});

describe('numbersAgree', () => {
  it('lets an approximate value stand for a close exact one, but not a changed digit', () => {
    assert.equal(numbersAgree(one('about 9%'), one('9%')), true);
    assert.equal(numbersAgree(one('about 9%'), one('about 19%')), false);
    assert.equal(numbersAgree(one('nearly 150'), one('150 members')), true);
    assert.equal(numbersAgree(one('nearly 150'), one('145')), true);
    assert.equal(numbersAgree(one('recall 19 Endurance pickups'), one('recall 91 Endurance pickups')), false);
    assert.equal(numbersAgree(one('delivered six'), one('delivered 6')), true);
    assert.equal(numbersAgree(one('delivered six'), one('delivered 16')), false);
  });

  it('accepts rounding to the precision written, only for scaled, decimal or percent figures', () => {
    assert.equal(numbersAgree(one('$3.2 million'), one('$3,214,000')), true);
    assert.equal(numbersAgree(one('9%'), one('9.4%')), true);
    assert.equal(numbersAgree(one('9%'), one('9.6%')), false);
    assert.equal(numbersAgree(one('$1'), one('$1.40')), false);
    assert.equal(numbersAgree(one('150'), one('154')), false);
  });

  it('compares only the same kind of quantity, currency and counted noun', () => {
    assert.equal(numbersAgree(one('A$1.2 billion'), one('$1.2 billion')), true);
    assert.equal(numbersAgree(one('A$1.2 billion'), one('€1.2 billion')), false);
    assert.equal(numbersAgree(one('150 members'), one('150 days')), false);
    assert.equal(numbersAgree(one('9%'), one('$9')), false);
    assert.equal(numbersAgree(one('in 2019'), one('2019')), true);
    assert.equal(numbersAgree(one('double'), one('triple')), false);
  });
});

describe('findNumbers on any text', () => {
  it('never throws and returns ordered spans that slice to their text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let previousEnd = 7;
        for (const mention of findNumbers(text, 7)) {
          const { start, end } = mention.span;
          assert.ok(previousEnd <= start && start < end && end <= text.length + 7, JSON.stringify(mention));
          assert.equal(text.slice(start - 7, end - 7), mention.text);
          previousEnd = end;
        }
      }),
      { numRuns: 300 },
    );
  });
});
