import { strict as assert } from 'node:assert';
import { DraftChecker } from '../../src/core/checker.js';
import { findNames, isTitleWord } from '../../src/core/extract/names.js';
import { findReportedSpeech } from '../../src/core/extract/speakers.js';
import { SourceLibrary } from '../../src/core/library.js';
import { splitSentences } from '../../src/core/text/sentences.js';
import { factsOf, isClaimWord } from '../../src/core/verify/facts.js';
import { TITLES } from '../../src/core/text/vocabulary.js';

const capitalised = (word: string) => word[0]!.toUpperCase() + word.slice(1);

function checkAgainst(source: string, draft: string) {
  const library = new SourceLibrary();
  library.upsert('/sources/command.txt', source);
  return new DraftChecker(library).check(draft, { languageId: 'plaintext' });
}

describe('the shared vocabulary', () => {
  it('reads "Adm." as the admiral the source names in full: no finding', () => {
    const findings = checkAgainst(
      'Admiral John Aquilino said the command would move two more destroyers to the region by June.',
      'Adm. John Aquilino said the command would move two more destroyers to the region by June.',
    );
    assert.deepEqual(
      findings.map((f) => [f.verdict, f.problems, f.message]),
      [['supported', [], 'supported by command']],
    );
  });

  for (const [abbreviated, full] of [
    ['Maj.', 'Major'],
    ['Cmdr.', 'Commander'],
    ['Rev.', 'Reverend'],
    ['Cpl.', 'Corporal'],
    ['Supt.', 'Superintendent'],
  ]) {
    it(`reads "${abbreviated}" as the "${full}" of the source: no finding`, () => {
      const findings = checkAgainst(
        `${full} Jane Doyle said the unit would leave the base in Darwin on Tuesday.`,
        `${abbreviated} Jane Doyle said the unit would leave the base in Darwin on Tuesday.`,
      );
      assert.deepEqual(
        findings.map((f) => [f.verdict, f.problems]),
        [['supported', []]],
      );
    });
  }

  it('has one list of titles: the name reader and the speaker reader both take every title off a name', () => {
    const disagreeing: string[] = [];
    for (const title of TITLES) {
      const sentence = `On Tuesday, ${capitalised(title)} Jane Doyle said the plan would work.`;
      const names = findNames(sentence).map((name) => name.text);
      const speaker = findReportedSpeech(splitSentences(sentence)[0]!, sentence)?.name;
      if (!isTitleWord(title) || names.at(-1) !== 'Jane Doyle' || speaker !== 'Jane Doyle')
        disagreeing.push(`${title}: ${names.join(', ')} / ${speaker}`);
    }
    assert.deepEqual(disagreeing, []);
  });

  it('keeps a title that names an institution: "General Motors", "Northern General", "Justice Department"', () => {
    assert.deepEqual(
      findNames('General Motors and General Electric said nothing.').map((name) => name.text),
      ['General Motors', 'General Electric'],
    );
    assert.deepEqual(
      findNames(
        'She was taken to the Northern General, and the Justice Department and the Hillsborough Justice Campaign said so.',
      ).map((name) => name.text),
      ['Northern General', 'Justice Department', 'Hillsborough Justice Campaign'],
    );
    assert.deepEqual(
      findNames('Major Jane Doyle and Chief Justice John Roberts met.').map((name) => name.text),
      ['Jane Doyle', 'John Roberts'],
    );
  });

  it('derives the reporting words from the verbs: "said", "says", "added", "according" carry no claim; "confirmed" does', () => {
    const text =
      'Kirby said, says, added, told, wrote, noted and stated, according to the Pentagon, which confirmed it.';
    const facts = factsOf(text, { start: 0, end: text.length });
    assert.deepEqual(
      facts.tokens.filter(isClaimWord).map((token) => token.text),
      ['Kirby', 'Pentagon', 'confirmed'],
    );
  });
});
