// What Groundwork must report on the fixture draft drafts/kabul-airport.md, checked against the seed article.
// Each planted error: its code, its exact range, and the edit its quick fix makes.

export const PLANTED = [
  {
    code: 'negation',
    range: '4:67-4:74',
    fixedLine: 'Pentagon spokesman John Kirby told reporters on Wednesday he could not confirm the requests.',
  },
  {
    code: 'misquote',
    range: '6:68-6:75',
    fixedLine: '“Obviously this is a national decision that President Erdogan needs to take,” Kirby said.',
  },
  {
    code: 'number',
    range: '8:5-8:8',
    fixedLine:
      'Some 150 members of the Afghan security forces were killed or wounded in attacks across the country in just 24 hours earlier this week, Afghan officials said.',
  },
  {
    code: 'date',
    range: '10:37-10:43',
    fixedLine: 'Defense Minister Hulusi Akar said on Monday that Turkey could provide forces to secure Kabul airport.',
  },
  {
    code: 'entity',
    range: '12:61-12:67',
    fixedLine: 'Biden is expected to meet with Erdogan at the NATO summit in Brussels on Tuesday.',
  },
] as const;

export const PLANTED_SUMMARY = PLANTED.map(({ code, range }) => `${code} ${range}`);

export const DRAFT_COUNTS = { supported: 3, contradicted: 5, unsupported: 0 };

/** The seed's sentence behind the number finding (line 29 of the seed). */
export const CASUALTY_SENTENCE =
  'Some 150 members of the Afghan security forces were killed or wounded in attacks across the country in just 24 hours earlier this week, Afghan officials said.';

/** Exactly the planted errors, at their places (a stale publish with shifted lines does not count). */
export const isPlanted = (summary: readonly string[]) => summary.join('\n') === PLANTED_SUMMARY.join('\n');
