import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DraftChecker } from '../../src/core/checker.js';
import { SourceLibrary } from '../../src/core/library.js';
import type { Finding } from '../../src/core/types.js';

const SEED_PATH = 'seeds/000_f04d67d5c7de7c34.txt';
const seed = readFileSync(SEED_PATH, 'utf8');

function checkerOnSeed(): DraftChecker {
  const library = new SourceLibrary();
  library.upsert(SEED_PATH, seed);
  return new DraftChecker(library);
}

/** The one finding of a kind whose checked text starts with `prefix`. */
function finding(findings: Finding[], kind: Finding['kind'], prefix: string): Finding {
  const matches = findings.filter((f) => f.kind === kind && f.text.startsWith(prefix));
  assert.equal(matches.length, 1, `one ${kind} finding starting "${prefix}", got ${matches.length}`);
  return matches[0];
}

const problems = (f: Finding) => f.problems.map(({ type, draft, source }) => ({ type, draft, source }));
const sourceLine = (f: Finding) => f.evidence[0].range.start.line;

describe('DraftChecker on the seed article', () => {
  const checker = checkerOnSeed();

  it('supports a sentence the article states, with its passage as evidence', () => {
    const draft =
      'Turkish officials expressed their openness in principle to the idea at a NATO summit in Brussels last month.';
    const [claim] = checker.check(draft, { languageId: 'markdown' });
    assert.equal(claim.verdict, 'supported');
    assert.deepEqual(claim.problems, []);
    assert.equal(claim.evidence[0].source, SEED_PATH);
    assert.equal(claim.evidence[0].text, draft);
    assert.equal(sourceLine(claim), 12);
    assert.ok(claim.score > 0.5, `score ${claim.score}`);
  });

  it('flags a changed number, underlining the number and naming the source value', () => {
    const draft =
      'Some 250 members of the Afghan security forces were killed or wounded in attacks across the country.';
    const [claim] = checker.check(draft);
    assert.equal(claim.verdict, 'contradicted');
    assert.deepEqual(problems(claim), [{ type: 'number', draft: '250', source: '150' }]);
    assert.deepEqual(claim.problems[0].span, { start: 5, end: 8 });
    assert.equal(claim.message, 'number 250 — the source says 150');
    assert.equal(sourceLine(claim), 28);
    assert.ok(claim.score < 0.5, `score ${claim.score}`);
  });

  it('names, of several source numbers, the one counting the same thing', () => {
    const library = new SourceLibrary();
    library.upsert(
      'moderna.txt',
      'Moderna reported fourth quarter revenues of $5.1bn and full year revenues of $19.3bn, nearly all from Spikevax.',
    );
    const [claim] = new DraftChecker(library).check('Moderna reported full-year revenues of $23.1bn.');
    assert.deepEqual(problems(claim), [{ type: 'number', draft: '$23.1bn', source: '$19.3bn' }]);
  });

  it('flags a wrong weekday against the same statement', () => {
    const [claim] = checker.check(
      'Defense Minister Hulusi Akar said on Tuesday that Turkey could provide forces to secure Kabul airport.',
    );
    assert.equal(claim.verdict, 'contradicted');
    assert.deepEqual(problems(claim), [{ type: 'date', draft: 'Tuesday', source: 'Monday' }]);
  });

  it('flags a swapped place even though the draft keeps the rest of the sentence', () => {
    const [claim] = checker.check('Biden is expected to meet with Erdogan at the NATO summit in Geneva on Tuesday.');
    assert.deepEqual(problems(claim), [{ type: 'entity', draft: 'Geneva', source: 'Brussels' }]);
    assert.equal(claim.message, 'name Geneva — the source says Brussels');
  });

  it('flags a dropped negation and points at the negated word', () => {
    const draft = 'Pentagon spokesman John Kirby told reporters on Wednesday he could confirm the requests.';
    const [claim] = checker.check(draft);
    assert.equal(claim.verdict, 'contradicted');
    assert.deepEqual(problems(claim), [
      { type: 'negation', draft: 'confirm', source: 'he could not confirm the requests' },
    ]);
    assert.equal(draft.slice(claim.problems[0].span!.start, claim.problems[0].span!.end), 'confirm');
  });

  it('puts a quotation in the wrong mouth where the source reports the words without quotation marks', () => {
    const draft = '"Airport security in any form will be important," said Jake Sullivan.';
    const quote = finding(checker.check(draft), 'quote', 'Airport');
    assert.equal(quote.verdict, 'contradicted');
    assert.deepEqual(problems(quote), [{ type: 'attribution', draft: 'Jake Sullivan', source: 'Kirby' }]);
    assert.equal(
      finding(checker.check(draft.replace('Jake Sullivan', 'Kirby')), 'quote', 'Airport').verdict,
      'supported',
    );
  });

  it('counts a country as named by its other names inside a longer name, and reports an ordinal once', () => {
    const russia =
      "Russia's S-400 system, which the United States believes could pose a threat to the alliance's aircraft, was bought by Ankara.";
    assert.equal(checker.check(russia)[0].verdict, 'supported');
    const [second] = checker.check(
      "The talks precede President Joe Biden's second meeting with Erdogan since taking office.",
    );
    assert.deepEqual(problems(second), [{ type: 'number', draft: 'second', source: 'first' }]);
    assert.equal(second.message, 'number second — the source says first');
  });

  it('does not set a number against a passage about someone else: the closest source never names whom other sources do', () => {
    const library = new SourceLibrary();
    library.upsert(SEED_PATH, seed);
    library.upsert('court.md', 'Prosecutors said the defendant faces up to 12 years in prison if convicted.\n');
    const [kirby] = new DraftChecker(library).check('Kirby faces up to 20 years in prison if convicted.');
    assert.equal(kirby.verdict, 'unsupported');
    assert.equal(
      kirby.message,
      'number 20 — the closest source gives no such number; name Kirby — the closest source does not mention it',
    );
    // No source names Smith: the passage may well be the statement, and its number is the rival.
    const [smith] = new DraftChecker(library).check('Senator Smith faces up to 20 years in prison if convicted.');
    assert.equal(smith.verdict, 'contradicted');
    assert.deepEqual(problems(smith), [
      { type: 'number', draft: '20', source: '12' },
      { type: 'entity', draft: 'Smith', source: '' },
    ]);
  });

  it('flags a speaker swapped for another with a title of several words', () => {
    const [claim] = checker.check(
      'Secretary of State Antony Blinken said the president will look for ways to move forward on the important differences.',
    );
    assert.deepEqual(problems(claim), [{ type: 'entity', draft: 'Antony Blinken', source: 'Jake Sullivan' }]);
  });

  it('flags a place swapped inside a hyphenated word', () => {
    const library = new SourceLibrary();
    library.upsert('swoop.md', 'Swoop Aero, a Melbourne-based start-up, builds networks of delivery drones.\n');
    const [claim] = new DraftChecker(library).check('Swoop Aero is a Sydney-based start-up.');
    assert.equal(claim.verdict, 'contradicted');
    assert.equal(claim.message, 'name Sydney — the source says Melbourne');
  });

  it('flags a dropped negation the source wrote as "not yet"', () => {
    const draft = 'The Pentagon has a clear idea of what its capabilities will be in Afghanistan after the withdrawal.';
    const [claim] = checker.check(draft);
    assert.equal(claim.verdict, 'contradicted');
    assert.deepEqual(problems(claim), [{ type: 'negation', draft: 'clear', source: 'does not yet have' }]);
  });

  it("quotes the source's own words for a negation the draft added", () => {
    const draft =
      'Turkish officials did not express their openness in principle to the idea at a NATO summit in Brussels last month.';
    const [claim] = checker.check(draft);
    assert.equal(claim.verdict, 'contradicted');
    assert.deepEqual(problems(claim), [
      { type: 'negation', draft: 'not', source: 'officials expressed their openness' },
    ]);
    assert.equal(claim.message, 'negation — the source says the opposite: “officials expressed their openness”');
  });

  it('does not read a negation into a clause it does not govern', () => {
    const [claim] = checker.check('Kirby told Al-Monitor that discussions on the proposal are continuing.');
    assert.equal(claim.verdict, 'supported');
  });

  it('calls a number no source gives unsupported', () => {
    const [claim] = checker.check(
      'Turkey could provide 500 troops to secure Kabul airport after Western forces left Afghanistan.',
    );
    assert.equal(claim.verdict, 'unsupported');
    assert.deepEqual(problems(claim), [{ type: 'number', draft: '500', source: '' }]);
    assert.equal(claim.message, 'number 500 — the closest source gives no such number');
  });

  it('calls a claim about things the sources never mention unsupported', () => {
    const [claim] = checker.check('The European Central Bank raised interest rates to curb inflation in the eurozone.');
    assert.equal(claim.verdict, 'unsupported');
    assert.equal(claim.problems[0].type, 'absent');
    assert.equal(claim.message, 'no source says this');
  });

  it('supports a quotation found word for word, ignoring typography and a moved comma', () => {
    const draft = '“Obviously this is a national decision that President Erdogan needs to take,” Kirby said.';
    const quote = finding(checker.check(draft), 'quote', 'Obviously');
    assert.equal(quote.verdict, 'supported');
    assert.deepEqual(quote.span, { start: 1, end: 76 });
    assert.equal(quote.evidence[0].range.start.line, 8);
  });

  it('names the differing words of a misquote', () => {
    const draft = '"Airport security in any form will be crucial," Kirby said.';
    const quote = finding(checker.check(draft), 'quote', 'Airport');
    assert.equal(quote.verdict, 'contradicted');
    assert.deepEqual(problems(quote), [{ type: 'wording', draft: 'be crucial', source: 'be important' }]);
    assert.equal(quote.message, 'misquote — source: ‘be important’; draft: ‘be crucial’');
    assert.equal(draft.slice(quote.problems[0].span!.start, quote.problems[0].span!.end), 'be crucial');
  });

  it('calls any change of quoted words a misquote, an opposite too, and shows the source’s words', () => {
    const library = new SourceLibrary();
    library.upsert(SEED_PATH, seed);
    library.upsert(
      'budget.txt',
      '“Food prices rose sharply this year, and they will keep rising,” the finance minister said.',
    );
    const draft = '“Food prices fell sharply this year, and they will keep rising,” the finance minister said.';
    const quote = finding(new DraftChecker(library).check(draft), 'quote', 'Food');
    assert.equal(quote.verdict, 'contradicted');
    assert.deepEqual(problems(quote), [{ type: 'wording', draft: 'fell', source: 'rose' }]);
    assert.equal(quote.message, 'misquote — source: ‘rose’; draft: ‘fell’');
  });

  it('accepts an ellipsis for omitted words and brackets for the writer’s own', () => {
    const draft =
      '"Airport security ... will be important not only for [America], but also for other countries," Kirby said.';
    assert.equal(finding(checker.check(draft), 'quote', 'Airport').verdict, 'supported');
  });

  it('calls a quotation no source contains unsupported', () => {
    const draft = '“We will never abandon our allies in Kabul,” Kirby said.';
    const quote = finding(checker.check(draft), 'quote', 'We will');
    assert.equal(quote.verdict, 'unsupported');
    assert.equal(quote.message, 'no source contains these words');
  });

  it('checks a Markdown draft line by line with exact ranges, skipping code and comments', () => {
    const draft = [
      '# Notes',
      '',
      '<!-- Some 999 members is a typo to keep -->',
      '',
      '```',
      'Some 250 members were killed.',
      '```',
      '',
      'Some 250 members of the Afghan security forces were killed or wounded in attacks across the country.',
    ].join('\n');
    const flagged = checker.check(draft, { languageId: 'markdown' }).filter((f) => f.verdict !== 'supported');
    assert.equal(flagged.length, 1);
    assert.deepEqual(flagged[0].range, { start: { line: 8, character: 0 }, end: { line: 8, character: 100 } });
  });

  it('honours groundwork-disable-next-line', () => {
    const draft =
      '<!-- groundwork-disable-next-line -->\nSome 250 members of the Afghan security forces were killed.\n';
    assert.deepEqual(
      checker.check(draft).filter((f) => f.verdict !== 'supported'),
      [],
    );
  });

  it('re-uses cached sentences after an edit elsewhere, at their new offsets', () => {
    const sentence =
      'Some 250 members of the Afghan security forces were killed or wounded in attacks across the country.';
    const before = checker.check(`${sentence}\n`);
    const after = checker.check(`A new first line.\n\n${sentence}\n`);
    const moved = after.find((f) => f.text === sentence)!;
    assert.deepEqual(moved.problems[0].span, {
      start: before[0].problems[0].span!.start + 19,
      end: before[0].problems[0].span!.end + 19,
    });
    assert.equal(moved.range.start.line, 2);
  });

  it('gives, after each edit of a typing session, the findings a fresh check gives', () => {
    const typing = new DraftChecker(checker.library);
    let draft = readFileSync('examples/draft.md', 'utf8');
    typing.check(draft);
    // Words typed into claims, next to quotations, inside quoted words, beside full stops and at a speaker's name.
    const edits: [string, string][] = [
      ['could confirm', 'could not confirm'],
      ['take," Kirby said', 'take," Price said'],
      ['national decision', 'nationwide decision'],
      ['will be crucial', 'will be very crucial'],
      ['said Jake Sullivan.', 'said Jake Sullivan on Friday.'],
      ['Geneva. Turkey', 'Geneva today. Turkey'],
      ['500 troops', '600 troops'],
    ];
    for (const [before, after] of edits) {
      assert.ok(draft.includes(before), before);
      draft = draft.replace(before, after);
      assert.deepEqual(typing.check(draft), new DraftChecker(checker.library).check(draft), after);
    }
  });

  it('re-checks when a source changes', () => {
    const library = new SourceLibrary();
    library.upsert(SEED_PATH, seed);
    const own = new DraftChecker(library);
    const draft =
      'Some 250 members of the Afghan security forces were killed or wounded in attacks across the country.';
    assert.equal(own.check(draft)[0].verdict, 'contradicted');
    library.upsert(SEED_PATH, seed.replace('Some 150 members', 'Some 250 members'));
    assert.equal(own.check(draft)[0].verdict, 'supported');
  });
});

describe('DraftChecker with citations', () => {
  const library = new SourceLibrary();
  library.upsert(SEED_PATH, seed);
  library.upsert(
    'sources/psaki.md',
    '---\nid: psaki-briefing\ntitle: White House briefing\n---\nWhite House spokeswoman Jen Psaki said the meeting would be a priority for the president.\n',
  );
  const checker = new DraftChecker(library);
  const claim = 'Some 150 members of the Afghan security forces were killed or wounded in attacks across the country';

  it('checks a cited claim against the cited source, and says which source does back it', () => {
    const [finding] = checker.check(`${claim} [@psaki-briefing].`);
    assert.equal(finding.verdict, 'contradicted');
    assert.deepEqual(problems(finding), [
      { type: 'citation', draft: 'psaki-briefing', source: '000_f04d67d5c7de7c34' },
    ]);
    assert.equal(
      finding.message,
      'citation — the cited source [@psaki-briefing] does not say this; [@000_f04d67d5c7de7c34] does',
    );
    const key = `${claim} [@`.length;
    assert.deepEqual(finding.problems[0].span, { start: key, end: key + 'psaki-briefing'.length });
  });

  it('warns of a key no source has, naming the source that says the claim', () => {
    const [finding] = checker.check(`${claim} [@nosuch].`);
    assert.equal(finding.verdict, 'contradicted');
    assert.deepEqual(problems(finding), [{ type: 'citation', draft: 'nosuch', source: '000_f04d67d5c7de7c34' }]);
    assert.equal(finding.message, 'citation — no source has the key ‘nosuch’; [@000_f04d67d5c7de7c34] says this');
  });

  it('warns of an unknown key beside a cited source that does say it, and calls the claim unsupported when none does', () => {
    const [beside] = checker.check(`${claim} [@nosuch; @000_f04d67d5c7de7c34].`);
    assert.deepEqual(problems(beside), [{ type: 'citation', draft: 'nosuch', source: '' }]);
    assert.equal(beside.message, 'citation — no source has the key ‘nosuch’');
    const [nowhere] = checker.check(
      'The museum sold its collection of porcelain teapots to a private buyer in Lisbon [@nosuch].',
    );
    assert.equal(nowhere.verdict, 'unsupported');
    assert.deepEqual(
      problems(nowhere).map((p) => p.type),
      ['citation', 'absent'],
    );
  });

  it('supports a claim that the second of two cited sources says', () => {
    const [finding] = checker.check(`${claim} [@psaki-briefing; @000_f04d67d5c7de7c34].`);
    assert.equal(finding.verdict, 'supported');
    assert.equal(finding.evidence[0].source, SEED_PATH);
  });

  it('does not hold the words around a quotation to its citation: the quotation is checked', () => {
    const findings = checker.check(
      '“Obviously this is a national decision that President Erdogan needs to take,” Kirby said [@psaki-briefing].',
    );
    assert.deepEqual(
      findings.map((f) => [f.kind, f.verdict]),
      [['quote', 'supported']],
    );
  });

  it('supports a claim its cited source says, by file stem', () => {
    const [finding] = checker.check(`${claim} [@000_f04d67d5c7de7c34].`);
    assert.equal(finding.verdict, 'supported');
    assert.equal(finding.evidence[0].source, SEED_PATH);
  });
});
