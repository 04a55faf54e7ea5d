import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DraftChecker } from '../../src/core/checker.js';
import { SourceLibrary } from '../../src/core/library.js';
import type { Finding } from '../../src/core/types.js';

// Each source is one short made-up news text, checked beside the seed article so that word weights are those of a
// real folder; each draft sentence keeps most of the source's words and changes one fact.
const SEED_PATH = 'seeds/000_f04d67d5c7de7c34.txt';
const seed = readFileSync(SEED_PATH, 'utf8');

function checkAgainst(source: string, draft: string): Finding {
  const library = new SourceLibrary();
  library.upsert(SEED_PATH, seed);
  library.upsert('source.txt', source);
  const findings = new DraftChecker(library).check(draft);
  assert.equal(findings.length, 1, `one finding for "${draft}"`);
  return findings[0];
}

const verdictAndMessage = (f: Finding) => [f.verdict, f.message];

describe('claims checked fact by fact', () => {
  describe('a direction word set against the words it is about', () => {
    const source =
      'Ticket sales at the zoo jumped 12 percent, driven by school visits that helped offset a revenue drop ' +
      'from the aquarium cafe, the report said.';

    it('flags "grew" for the source\'s "drop" though the source also says "jumped" of something else', () => {
      const f = checkAgainst(source, 'Revenue from the aquarium cafe grew, the report said.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', '“grew” — the source says “drop”']);
      assert.equal(f.problems[0].type, 'antonym');
    });

    it("flags a compound that differs from the source's in one opposite part", () => {
      const f = checkAgainst(
        'The centre-left party won 77 seats in the lower house, the electoral commission said.',
        'The centre-right party won 77 seats in the lower house.',
      );
      assert.deepEqual(verdictAndMessage(f), ['contradicted', '“centre-right” — the source says “centre-left”']);
    });

    it('supports the direction the source gives the same thing', () => {
      const f = checkAgainst(source, 'Ticket sales at the zoo rose 12 percent.');
      assert.equal(f.verdict, 'supported');
    });
  });

  describe('a figure set against what it counts', () => {
    const source = 'The outbreak has infected at least 40 nurses and 12 patients since March, the hospital said.';

    it('flags two figures swapped between the things they count', () => {
      const f = checkAgainst(source, 'The outbreak has infected at least 40 patients and 12 nurses since March.');
      assert.equal(f.verdict, 'contradicted');
      assert.deepEqual(
        f.problems.map(({ type, draft, source: value }) => [type, draft, value]),
        [
          ['number', '40', '12'],
          ['number', '12', '40'],
        ],
      );
    });

    it('flags a figure that agrees only with a source figure counting another noun, naming both counts', () => {
      const f = checkAgainst(
        'The outbreak is linked to confirmed cases for at least 30 staff members and 15 patients, the county said.',
        'The cases include at least 30 patients and 15 staff members.',
      );
      assert.equal(f.verdict, 'contradicted');
      assert.equal(f.message, 'number 30 patients — the source says 15 patients');
    });

    it('supports the same figures counting the same things', () => {
      const f = checkAgainst(source, 'At least 40 nurses and 12 patients have been infected since March.');
      assert.equal(f.verdict, 'supported');
    });

    it('flags a figure the source gives someone else, naming the one it gives whom the claim names', () => {
      const source =
        'Metro Transit of Ohio posted a record average weekday ridership of 69,861 on its light-rail line.\n\n' +
        'Finally, the Valley Rail Authority of Oregon set an average weekday ridership record of 118,200.';
      const f = checkAgainst(
        source,
        'The Valley Rail Authority of Oregon set an average weekday ridership record of 69,861.',
      );
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'number 69,861 — the source says 118,200']);
      const right = checkAgainst(
        source,
        'The Valley Rail Authority of Oregon set an average weekday ridership record of 118,200.',
      );
      assert.equal(right.verdict, 'supported');
    });

    it('names the figure in digits, not a word-number, as the rival of a figure in the thousands', () => {
      const f = checkAgainst(
        'The transit agency set an average weekday ridership record on three of its lines: the Red Line (84,353), ' +
          'the Green Line (44,034) and the Gold Line (26,338).',
        'The Red Line set an average weekday ridership record of 48,353 riders.',
      );
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'number 48,353 — the source says 84,353']);
    });

    it('does not set a claim the sources barely touch against the values of the passage nearest to it', () => {
      const f = checkAgainst(
        'The county office will stay closed for 12 days, officials said.',
        'The county property tax rate will stay at 95 mills next year.',
      );
      assert.deepEqual(verdictAndMessage(f), ['unsupported', 'no source says this']);
    });

    it('does not read a figure followed by a bracket or another figure as counting what follows', () => {
      const f = checkAgainst(
        'To vote one had to be of age [the age was set at 25]; 3) to have lived in the town for at least one year.',
        'To vote one had to be at least 25 years old and to have lived in the town.',
      );
      assert.deepEqual(
        f.problems.filter((p) => p.type === 'number'),
        [],
      );
    });

    it('does not read "76 of the 151 seats" as 76 of something else', () => {
      const f = checkAgainst(
        'Labor will win 76 of the 151 seats in the lower house, officials said on Monday.',
        'Labor will win 76 seats in the lower house.',
      );
      assert.equal(f.verdict, 'supported');
    });
  });

  describe('dates', () => {
    const source =
      'The former mayor of Springfield was sentenced on Tuesday to three years in prison for fraud.\n\n' +
      'Judge Ann Park, who imposed the sentence at a courtroom in Springfield, said the case had moved her.';

    it('flags a weekday against the day the source gives the same event in another sentence', () => {
      const f = checkAgainst(source, 'The sentence was imposed on Thursday in a Springfield courtroom.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'date Thursday — the source says Tuesday']);
    });

    it('supports the weekday the source gives', () => {
      const f = checkAgainst(source, 'The sentence was imposed on Tuesday in a Springfield courtroom.');
      assert.equal(f.verdict, 'supported');
    });

    it('does not compare "the week before", which is relative to an event, with any date', () => {
      const f = checkAgainst(
        'Park was sworn in as the new judge last week.',
        'Park had been sworn in as judge the week before.',
      );
      assert.equal(f.verdict, 'supported');
    });

    it('reads "FY2006" as the year 2006', () => {
      const source2 =
        'The railroad carried 25.8 million passengers in FY2007, a 6.3 percent increase compared with FY2006’s total.';
      assert.equal(
        checkAgainst(
          source2,
          'The railroad carried 25.8 million passengers in fiscal 2007, 6.3 percent more than in fiscal 2006.',
        ).verdict,
        'supported',
      );
      assert.deepEqual(
        verdictAndMessage(
          checkAgainst(
            source2,
            'The railroad carried 25.8 million passengers in fiscal 2007, 6.3 percent more than in 2005.',
          ),
        ),
        ['contradicted', 'date 2005 — the source says 2006'],
      );
    });
  });

  describe('who said it', () => {
    const source =
      'Dr Lena Ortiz, who studies survey methods at the university, worked with Tom Hale on the study.\n\n' +
      'What is needed, she said, is a simple way to check how often a survey has been repeated.';

    it("flags a claim that puts the source's statement in another mouth, naming whom the source has say it", () => {
      const f = checkAgainst(
        source,
        'Hale said what is needed is a simple way to check how often a survey has been repeated.',
      );
      assert.deepEqual(verdictAndMessage(f), [
        'contradicted',
        'attribution — the source has Lena Ortiz saying this, not Hale',
      ]);
      assert.deepEqual(f.problems[0].span, { start: 0, end: 4 });
    });

    it("calls a name swapped for whoever reported it an attribution, naming the source's reporter", () => {
      const f = checkAgainst(
        'The merger talks were first reported by the Financial Times on Monday, days before the vote.',
        'The merger talks were first reported by the Boston Globe on Monday.',
      );
      assert.deepEqual(verdictAndMessage(f), [
        'contradicted',
        'attribution — the source has Financial Times saying this, not Boston Globe',
      ]);
    });

    it('supports the same statement in the right mouth', () => {
      const f = checkAgainst(
        source,
        'Ortiz said what is needed is a simple way to check how often a survey has been repeated.',
      );
      assert.equal(f.verdict, 'supported');
    });
  });

  it('finds a claim\'s words inside the source\'s hyphenated words ("260-bed", "Colo.-based")', () => {
    const source =
      'A virus outbreak at St. Luke Medical Center has grown to 20 cases.\n\n' +
      'The 260-bed St. Luke Medical Center is part of Englewood, Colo.-based Mountain Health.';
    const f = checkAgainst(
      source,
      'The hospital has 260 beds and belongs to Mountain Health, which is based in Englewood, Colorado.',
    );
    assert.equal(f.verdict, 'supported');
  });

  describe('times, durations and small counts', () => {
    const source =
      'Members of the nurses union approved a three-year contract on Monday. There was only one vote against it ' +
      'out of 340.\n\nMembers had until 6 p.m. today to vote. Union president Ana Ruiz has led the union for 11 years.';

    it("checks a clock time against the source's, not against a count", () => {
      const f = checkAgainst(source, 'Members had until 5 p.m. to vote on the contract.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'date 5 p.m. — the source says 6 p.m. today']);
      assert.equal(checkAgainst(source, 'Members had until 6 p.m. to vote on the contract.').verdict, 'supported');
    });

    it('checks "for 9 years" as a number of years', () => {
      const f = checkAgainst(source, 'Ana Ruiz has led the nurses union for 9 years.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'number 9 — the source says 11']);
    });

    it("sets a small count against its own sentence's, not against the same digit by chance nearby", () => {
      const match =
        'The hosts took a 3-0 lead at half-time and held on to win 4-3.\n\n' +
        'Their coach Tom Hale received two yellow cards from the referee and missed the press conference.';
      assert.deepEqual(
        verdictAndMessage(checkAgainst(match, 'Tom Hale received three yellow cards from the referee.')),
        ['contradicted', 'number three — the source says two'],
      );
      assert.deepEqual(verdictAndMessage(checkAgainst(match, 'The hosts led 2-0 at half-time.')), [
        'contradicted',
        'number 2-0 — the source says 3-0',
      ]);
    });

    it('takes "six measles cases" for "six cases of the measles": each counted noun is in the other\'s phrase', () => {
      const source =
        'Officials were investigating six cases of the measles among unvaccinated residents as of Jan. 23.';
      const draft = 'Officials were investigating six measles cases among unvaccinated residents.';
      assert.equal(checkAgainst(source, draft).verdict, 'supported');
      assert.deepEqual(verdictAndMessage(checkAgainst(source, draft.replace('six', 'eight'))), [
        'contradicted',
        'number eight — the source says six',
      ]);
    });

    it('takes "the 31-year-old" nearby for "Ana Ruiz, 31", an age and no other count', () => {
      const source =
        'Nurses at Lakeview Hospital approved a new contract on Monday.\n\nThe 31-year-old union leader Ana Ruiz ' +
        'said the vote was close.';
      assert.equal(checkAgainst(source, 'Union leader Ana Ruiz, 31, said the vote was close.').verdict, 'supported');
    });

    it('sets a word-number against the count in its own sentence, not against a "three-year" nearby', () => {
      const f = checkAgainst(source, 'Only three of the 340 members voted against the contract.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'number three — the source says one']);
    });
  });

  describe('direction and negation words', () => {
    it('reads no direction into a word of a name ("International" in an airport\'s name)', () => {
      const source =
        "Snow closed runways at the nation's busiest airport on Friday.\n\n" +
        'Denver International Airport reopened two runways by noon, officials said.';
      const f = checkAgainst(source, 'Snow closed runways at Denver International Airport on Friday.');
      assert.equal(f.verdict, 'supported');
    });

    it('flags a dropped negation where the source names the place only in the sentence before', () => {
      const source =
        'A cargo plane slid off a taxiway at Harbor City Airport on Tuesday, the airport said.\n\n' +
        'Flights were still operating there, though with delays.';
      const f = checkAgainst(source, 'Flights were no longer operating at Harbor City Airport afterwards.');
      assert.equal(f.verdict, 'contradicted');
      assert.deepEqual(
        f.problems.map((p) => [p.type, p.draft]),
        [['negation', 'no longer']],
      );
    });

    it('flags "after" for "before" and "larger" for "smaller", words too common to weigh as content', () => {
      const source =
        'Neighbours saw sparks from a power line shortly before the fire started, the fire marshal said. The Oak ' +
        'fire, the smaller of the two, burned 40 acres.';
      assert.deepEqual(
        verdictAndMessage(
          checkAgainst(source, 'Neighbours saw sparks from a power line shortly after the fire started.'),
        ),
        ['contradicted', '“after” — the source says “before”'],
      );
      assert.deepEqual(
        verdictAndMessage(checkAgainst(source, 'The Oak fire, the larger of the two, burned 40 acres.')),
        ['contradicted', '“larger” — the source says “smaller”'],
      );
    });

    it('reads "A before B" as "after A, B"', () => {
      const source = 'After the visitors pulled two goals back, Ruiz added a fourth for the hosts.';
      const f = checkAgainst(source, 'The visitors pulled two goals back before Ruiz added a fourth for the hosts.');
      assert.equal(f.verdict, 'supported');
    });

    it('reads a comparison of two things either way round ("far shorter than" is "far longer")', () => {
      const source = 'The sentence is far shorter than the 20-year term prosecutors sought in September.';
      const f = checkAgainst(source, 'Prosecutors had sought a far longer term of 20 years in September.');
      assert.equal(f.verdict, 'supported');
    });

    it('flags a superlative swapped for its opposite inside a compound ("lowest-paying")', () => {
      const source = 'The raise would make the district the highest-paying one in the county, the superintendent said.';
      const f = checkAgainst(source, 'The raise would make the district the lowest-paying one in the county.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', '“lowest-paying” — the source says “highest-paying”']);
    });
  });

  describe("a name in the statement's place", () => {
    it('flags a place after the same preposition when the source words the statement in another order', () => {
      const source =
        'Crews contained two small fires last week. One blaze burned 25 acres after lightning struck near Millbrook. ' +
        'The other burned 35 acres south of Cedar Falls.';
      const f = checkAgainst(source, 'One blaze burned 25 acres near Cedar Falls after lightning struck.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'name Cedar Falls — the source says Millbrook']);
    });

    it("leaves a headline's place alone when a sentence naming it says about as much as the rival's", () => {
      // The dateline sentence names Vacaville and says "contained"; the rival's sentence, about other fires in El
      // Dorado County, says "fire" and "contained".
      const source = readFileSync('eval/own/sources/vacaville-fire.txt', 'utf8');
      assert.deepEqual(verdictAndMessage(checkAgainst(source, '# Vacaville fire contained')), [
        'supported',
        'supported by Firefighters contain fast-spreading California wildfire',
      ]);
    });

    it('reads "built in 1863" as a year', () => {
      const f = checkAgainst(
        'The Ortega Adobe, a ranch house built in 1863, was reduced to a shell by the fire.',
        'The Ortega Adobe was built in 1883.',
      );
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'date 1883 — the source says 1863']);
    });
  });

  describe('a statement whose speaker is a pronoun for a name before it', () => {
    const source =
      'Nurses at Lakeview Hospital approved a new contract on Monday, union leader Ana Ruiz said.\n\n' +
      'The raise puts Lakeview nurses above every hospital in the county, said chief executive Tom Blake.';
    const library = () => {
      const sources = new SourceLibrary();
      sources.upsert(SEED_PATH, seed);
      sources.upsert('source.txt', source);
      return sources;
    };
    const claimOf = (findings: Finding[]) => findings.find((f) => f.text.startsWith('She said'))!;

    it('flags "she said" when she is not the one the source has saying it, pointing at the pronoun', () => {
      const draft =
        'Ana Ruiz leads the nurses union.\n\nShe said the raise puts Lakeview nurses above every hospital in the county.\n';
      const f = claimOf(new DraftChecker(library()).check(draft));
      assert.deepEqual(verdictAndMessage(f), [
        'contradicted',
        'attribution — the source has Tom Blake saying this, not Ana Ruiz',
      ]);
      assert.deepEqual(f.range.start, { line: 2, character: 0 });
      assert.deepEqual(f.problems[0].span, { start: draft.indexOf('She'), end: draft.indexOf('She') + 3 });
    });

    it('reads whom "she" stands for again when an edit in an earlier paragraph renames her', () => {
      const checker = new DraftChecker(library());
      const before =
        'Ana Ruiz runs the hospital.\n\nShe said the raise puts Lakeview nurses above every hospital in the county.\n';
      const after = before.replace('Ana Ruiz', 'Tom Blake');
      assert.equal(claimOf(checker.check(before, { documentKey: 'draft.md' })).verdict, 'contradicted');
      const edited = checker.check(after, { documentKey: 'draft.md' });
      assert.deepEqual(edited, new DraftChecker(library()).check(after, { documentKey: 'draft.md' }));
      assert.equal(claimOf(edited).verdict, 'supported');
    });
  });

  describe('shares, periods of the year and change verbs', () => {
    const source =
      'The board pledged to freeze fees for the next two years if the state agrees to fund 50 percent of the ' +
      'budget. Next year, the state’s share is expected to dip to 43 percent. The merger should close by the end ' +
      'of the first quarter of 2021.';

    it('supports "half" for the source\'s "50 percent", not setting it against "two years"', () => {
      const f = checkAgainst(source, 'The freeze depends on the state agreeing to fund half of the budget.');
      assert.equal(f.verdict, 'supported');
    });

    it('flags "rise" against the source\'s "dip" as an opposite', () => {
      const f = checkAgainst(source, 'Next year, the state’s share is expected to rise to 43 percent.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', '“rise” — the source says “dip”']);
    });

    it('reports a wrong quarter of the year as a date', () => {
      const f = checkAgainst(source, 'The merger should close by the end of the second quarter of 2021.');
      assert.deepEqual(
        f.problems.map(({ type, draft, source: value }) => [type, draft, value]),
        [['date', 'second', 'first']],
      );
    });
  });

  describe('a figure the source gives beside other words', () => {
    const source =
      'Last year the city paid 45 percent of the cost of the new library, while the county covered 55 percent ' +
      'of the bill, the mayor said.';

    it("flags a figure set beside the words of the other clause, naming that clause's figure", () => {
      const f = checkAgainst(source, 'Last year the county covered 45 percent of the bill.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'number 45 percent — the source says 55 percent']);
    });

    it('names the figure beside the same words after it when a date stands before both', () => {
      const f = checkAgainst(
        'The academy closed its doors Jan. 22 after 14 percent of its students reported flu symptoms and 24 ' +
          'percent of its employees were out sick.',
        'The academy closed after 24 percent of its students reported flu symptoms.',
      );
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'number 24 percent — the source says 14 percent']);
    });

    it('supports each figure beside its own words', () => {
      assert.equal(checkAgainst(source, 'The city paid 45 percent of the cost of the library.').verdict, 'supported');
      assert.equal(checkAgainst(source, 'The county covered 55 percent of the bill.').verdict, 'supported');
    });
  });

  describe('a word of ending in place of a negation', () => {
    const source =
      'Riders found themselves without bus service Thursday after mechanics went on strike. It is unclear when the ' +
      'strike may end, but the union and the county scheduled more talks for Friday.';

    it('supports "bus service stopped" for the source\'s "without bus service"', () => {
      const f = checkAgainst(source, 'Bus service stopped on Thursday when mechanics went on strike.');
      assert.equal(f.verdict, 'supported');
    });

    it('still flags a dropped negation when the ending word is said of something else', () => {
      const f = checkAgainst(source, 'The union and the county have not scheduled any more talks.');
      assert.equal(f.verdict, 'contradicted');
      assert.deepEqual(
        f.problems.map((p) => p.type),
        ['negation'],
      );
    });

    it('still flags "did not stop" against "stopped"', () => {
      const f = checkAgainst(
        'Bus service stopped Thursday after mechanics went on strike, the county said.',
        'Bus service did not stop Thursday after mechanics went on strike.',
      );
      assert.deepEqual(
        f.problems.map((p) => p.type),
        ['negation'],
      );
    });
  });

  describe("a person's office", () => {
    const source =
      '"We will keep fees frozen at this level," said Ann Lowe, chairwoman of the board. The budget passed on a ' +
      '15-2 vote, said President Raj Patel.';

    it('flags an office the source gives someone else, naming the office the source gives this person', () => {
      const f = checkAgainst(source, 'Ann Lowe, the college president, said fees would stay frozen at this level.');
      assert.deepEqual(verdictAndMessage(f), [
        'contradicted',
        'role of Ann Lowe: the college president — the source says chairwoman of the board',
      ]);
      assert.equal(f.problems[0].type, 'entity');
    });

    it('reads a title written before the name too', () => {
      const f = checkAgainst(source, 'The budget passed on a 15-2 vote, said Chairman Raj Patel.');
      assert.deepEqual(verdictAndMessage(f), [
        'contradicted',
        'role of Raj Patel: Chairman — the source says President',
      ]);
    });

    it('takes another spelling of the same office for the same office, and leaves an office nobody holds alone', () => {
      assert.equal(checkAgainst(source, 'Board chair Ann Lowe said fees would stay frozen.').verdict, 'supported');
      assert.equal(
        checkAgainst(source, 'Ann Lowe, a trustee, said fees would stay frozen at this level.').verdict,
        'supported',
      );
    });
  });

  it('checks a part of a set named before ("Three of the patients") against the source of the sentence before', () => {
    const library = new SourceLibrary();
    library.upsert(SEED_PATH, seed);
    library.upsert(
      'harbor.txt',
      'Health officials are investigating four cases of measles at Harbor General Hospital. One of those patients ' +
        'died on Monday, and the others are recovering.',
    );
    library.upsert(
      'lakeside.txt',
      'An outbreak at Lakeside Hospital has affected three units, and three of the patients there are in intensive care.',
    );
    const draft =
      'Health officials are investigating four cases of measles at Harbor General Hospital. Three of the patients died.';
    const [first, second] = new DraftChecker(library).check(draft);
    assert.equal(first.verdict, 'supported');
    assert.deepEqual(verdictAndMessage(second), ['contradicted', 'number Three — the source says One']);
    assert.equal(second.evidence[0].source, 'harbor.txt');
  });

  describe('a win against a defeat, and rules tightened against rules relaxed', () => {
    const source = 'Jamshedpur suffered a 1-2 defeat against East Bengal on Sunday, coach Owen Coyle said.';

    it('flags "won" when the same side is named after it as after the source\'s "defeat"', () => {
      const f = checkAgainst(source, 'Jamshedpur won 2-1 against East Bengal on Sunday.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', '“won” — the source says “defeat”']);
    });

    it('supports the same result told from the other side', () => {
      assert.equal(checkAgainst(source, 'East Bengal won 2-1 against Jamshedpur on Sunday.').verdict, 'supported');
    });

    it('flags "tightened" against "relaxed"', () => {
      const f = checkAgainst(
        'Most big airlines waived change fees and relaxed rebooking rules for customers flying through stormy airports.',
        'Most big airlines tightened rebooking rules for customers flying through stormy airports.',
      );
      assert.deepEqual(verdictAndMessage(f), ['contradicted', '“tightened” — the source says “relaxed”']);
    });
  });

  describe('whose it is and who said it', () => {
    const source =
      'Councilman Dan Reyes, who voted no, said the salary was too high. Former treasurer and Reyes’s stepfather ' +
      'Al Moss agreed. Ann Price, an attorney representing Reyes, told the Herald the vote sends a message to the ' +
      'city.';

    it('flags a name that owns what another name owns in the source ("Price\'s stepfather")', () => {
      const f = checkAgainst(source, 'Former treasurer Al Moss, Price’s stepfather, agreed.');
      assert.deepEqual(verdictAndMessage(f), ['contradicted', 'name Price — the source says Reyes']);
    });

    it('flags a statement put in the mouth of the one the speaker represents', () => {
      const f = checkAgainst(source, 'Reyes told the Herald the vote sends a message to the city.');
      assert.deepEqual(verdictAndMessage(f), [
        'contradicted',
        'attribution — the source has Ann Price saying this, not Reyes',
      ]);
    });

    it("supports the statement in its speaker's mouth", () => {
      assert.equal(
        checkAgainst(source, 'Price told the Herald the vote sends a message to the city.').verdict,
        'supported',
      );
    });
  });

  it('compares polarity with the sentence that has the draft\'s word with "un-" ("evenly" / "unevenly")', () => {
    const source =
      'In their analysis, the authors reveal biases in research funding. While biodiversity is the subject of ' +
      'intense investigation, our attention seems unevenly distributed towards some species over others.';
    const f = checkAgainst(source, 'The authors found that our attention is evenly distributed across species.');
    assert.deepEqual(verdictAndMessage(f), ['contradicted', '“evenly” — the source says “unevenly”']);
  });

  it('flags a word against its "un-" form where no dictionary pairs them ("vaccinated" / "unvaccinated")', () => {
    const f = checkAgainst(
      'Health officials are investigating six measles cases among unvaccinated children in the county.',
      'Health officials are investigating six measles cases among vaccinated children in the county.',
    );
    assert.deepEqual(verdictAndMessage(f), ['contradicted', '“vaccinated” — the source says “unvaccinated”']);
  });

  it("prefers the source of the paragraph's sentence before when it says this one nearly as well as another", () => {
    const library = new SourceLibrary();
    library.upsert(SEED_PATH, seed);
    library.upsert(
      'springfield.txt',
      'Springfield City Council approved the city’s $39.1 million operating budget on Monday. The budget passed in ' +
        'a 5-0 vote after a public hearing at which no one spoke.',
    );
    library.upsert(
      'dixon.txt',
      'The Dixon City Council voted 4-1 to ratify the appointment of Robert Thompson as police chief and approve ' +
        'his contract.',
    );
    const draft =
      'Springfield City Council approved a $39.1 million operating budget on Monday. The council voted 4-1 to ' +
      'approve the budget.';
    const [, second] = new DraftChecker(library).check(draft);
    assert.deepEqual(verdictAndMessage(second), [
      'unsupported',
      'number 4-1 — the closest source gives no such number',
    ]);
    assert.equal(second.evidence[0].source, 'springfield.txt');
  });

  it('reads a U.S. state under its AP abbreviation as the state', () => {
    const source = 'The clinic is part of Mountain Health, which is based in Englewood, Colo., and runs 12 hospitals.';
    assert.equal(
      checkAgainst(source, 'The clinic belongs to Mountain Health, which is based in Englewood, Colorado.').verdict,
      'supported',
    );
  });
});
