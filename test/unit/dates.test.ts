import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { anyText } from './any-text.js';
import { datesAgree, findDates, type DateMention } from '../../src/core/extract/dates.js';

const seed = readFileSync(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url), 'utf8');
// The seed's own date marker ("date 2021-06-11"), against which its relative dates resolve.
const SEED_DATE = '2021-06-11';

const one = (text: string, referenceDate?: string): DateMention => {
  const found = findDates(text, 0, referenceDate);
  assert.equal(found.length, 1, `one date in ${JSON.stringify(text)}: ${JSON.stringify(found)}`);
  return found[0];
};

describe('findDates', () => {
  it('finds the seed’s weekday with document offsets, without the preposition and without guessing a day', () => {
    const sentence = 'Defense Minister Hulusi Akar said on Monday that Turkey could provide forces';
    const offset = seed.indexOf(sentence);
    assert.ok(offset > 0);
    assert.deepEqual(findDates(sentence, offset, SEED_DATE), [
      { span: { start: offset + 37, end: offset + 43 }, text: 'Monday', weekday: 1 },
    ]);
    assert.equal(seed.slice(offset + 37, offset + 43), 'Monday');
  });

  it('resolves "last month" against the reference date, and keeps only its words without one', () => {
    const sentence =
      'Turkish officials expressed their openness in principle to the idea at a NATO summit in Brussels last month.';
    const span = { start: 97, end: 107 };
    assert.deepEqual(findDates(sentence, 0, SEED_DATE), [
      { span, text: 'last month', year: 2021, month: 5, relative: 'last month' },
    ]);
    assert.deepEqual(findDates(sentence), [{ span, text: 'last month', relative: 'last month' }]);
  });

  it('does not take the seed’s "in just 24 hours" for a date, and keeps "this week" relative', () => {
    const sentence =
      'Some 150 members of the Afghan security forces were killed or wounded in attacks across the country in just 24 hours earlier this week, Afghan officials said.';
    assert.deepEqual(findDates(sentence, 0, SEED_DATE), [
      { span: { start: 125, end: 134 }, text: 'this week', relative: 'this week' },
    ]);
  });

  it('reads the Lordstown draft’s dates: "Jan. 3", "Thursday", "September 2020", "in 2019", "March 6"', () => {
    assert.deepEqual(
      findDates('As of Jan. 3, the company had produced 31 vehicles for sale and delivered six of those to customers.'),
      [{ span: { start: 6, end: 12 }, text: 'Jan. 3', month: 1, day: 3 }],
    );
    assert.deepEqual(
      findDates(
        'Shares of Lordstown were down about 9% to about $1 in early trading Thursday. The stock hit an all-time high of $31.80 a share in September 2020.',
      ),
      [
        { span: { start: 68, end: 76 }, text: 'Thursday', weekday: 4 },
        { span: { start: 130, end: 144 }, text: 'September 2020', year: 2020, month: 9 },
      ],
    );
    assert.deepEqual(findDates('Lordstown bought the Ohio plant from General Motors in 2019.'), [
      { span: { start: 55, end: 59 }, text: '2019', year: 2019 },
    ]);
    assert.deepEqual(one('The company plans to give a more detailed update on its earnings call on March 6.'), {
      span: { start: 73, end: 80 },
      text: 'March 6',
      month: 3,
      day: 6,
    });
  });

  it('reads months and standalone years from the airspace and Ozy drafts', () => {
    assert.deepEqual(one('The programme completed field-testing of multiple FIMS prototypes in November.'), {
      span: { start: 69, end: 77 },
      text: 'November',
      month: 11,
    });
    assert.deepEqual(
      findDates('Authorities say that between 2018 and 2021 Watson and his partners tried to defraud investors').map(
        (d) => [d.text, d.year],
      ),
      [
        ['2018', 2018],
        ['2021', 2021],
      ],
    );
    assert.deepEqual(one('by the end of 2023').year, 2023);
  });

  it('resolves "yesterday" to a day only with a reference date, and ignores clock times and a lower-case "may"', () => {
    assert.deepEqual(one('Kirby said yesterday', SEED_DATE), {
      span: { start: 11, end: 20 },
      text: 'yesterday',
      year: 2021,
      month: 6,
      day: 10,
      relative: 'yesterday',
    });
    assert.deepEqual(one('Kirby said yesterday'), {
      span: { start: 11, end: 20 },
      text: 'yesterday',
      relative: 'yesterday',
    });
    assert.deepEqual(findDates('Shares at $31 may fall at noon, now'), []);
  });
  it('takes "over the past 34 years" for a duration and leaves "seven days later" unresolved', () => {
    assert.deepEqual(findDates('a very traumatic time over the past 34 years', 0, SEED_DATE), []);
    assert.deepEqual(findDates('The incident happened with the con taking place seven days later.', 0, SEED_DATE), [
      { span: { start: 48, end: 64 }, text: 'seven days later', relative: 'seven days later' },
    ]);
  });
});

describe('clock times and counts of years', () => {
  it('keeps a clock time written with a.m. or p.m. in minutes after midnight, also beside a weekday', () => {
    assert.deepEqual(one('The polls close at 8 p.m. in most states'), {
      span: { start: 19, end: 25 },
      text: '8 p.m.',
      time: 1200,
    });
    assert.deepEqual(one('as of 7:50 a.m. ET on Wednesday, the agency said'), {
      span: { start: 6, end: 31 },
      text: '7:50 a.m. ET on Wednesday',
      weekday: 3,
      time: 470,
    });
    assert.equal(datesAgree(one('closed at 4 p.m. today'), one('had until 5 p.m.')), false);
    assert.equal(datesAgree(one('closed at 4 p.m. today'), one('had until 4 p.m.')), true);
  });

  it('takes "for 19 years" and "for two decades" for durations, not for the year 2019', () => {
    assert.deepEqual(findDates('She has led the union for 19 years.'), []);
    assert.deepEqual(findDates('The plant ran for two decades.'), []);
  });

  it('leaves a figure after "after" out of a date: "Jan. 22 after 14 percent of its students"', () => {
    assert.deepEqual(findDates('The school closed Jan. 22 after 14 percent of its students fell ill.'), [
      { span: { start: 18, end: 25 }, text: 'Jan. 22', month: 1, day: 22 },
    ]);
  });

  it('takes no "weekday" for a day of the week: chrono reads "8,500 weekday riders" as a Friday', () => {
    assert.deepEqual(findDates('shuttering 15 routes since late October and affecting about 8,500 weekday riders.'), [
      { span: { start: 32, end: 39 }, text: 'October', month: 10 },
    ]);
  });
});

describe('datesAgree', () => {
  it('is false when a shared field differs: year, weekday, day', () => {
    assert.equal(datesAgree(one('deploy the system in 2025'), one('deploy the system in 2027')), false);
    assert.equal(datesAgree(one('said on Monday'), one('said on Wednesday')), false);
    assert.equal(datesAgree(one('As of Jan. 3'), one('As of Jan. 13')), false);
    assert.equal(datesAgree(one('in September 2020'), one('in September 2021')), false);
  });

  it('is true when the shared fields agree, using a full date’s weekday', () => {
    assert.equal(datesAgree(one('As of Jan. 3'), one('on January 3, 2023')), true);
    assert.equal(datesAgree(one('said on Monday'), one('on June 7, 2021')), true);
    assert.equal(datesAgree(one('said on Monday'), one('on June 8, 2021')), false);
    assert.equal(datesAgree(one('last month', SEED_DATE), one('in May 2021')), true);
  });

  it('is undefined when nothing can be compared, and compares unresolved relative dates by their words', () => {
    assert.equal(datesAgree(one('in 2019'), one('on Monday')), undefined);
    assert.equal(datesAgree(one('last month'), one('in May')), undefined);
    assert.equal(datesAgree(one('last month'), one('last week')), false);
    assert.equal(datesAgree(one('last month'), one('last month')), true);
  });
});

describe('findDates on any text', () => {
  it('never throws and returns ordered spans that slice to their text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let previousEnd = 7;
        for (const mention of findDates(text, 7, '2021-06-11')) {
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
