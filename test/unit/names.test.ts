import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { anyText } from './any-text.js';
import { findNames, findNamesByVocabulary, isTitleWord, namesAgree } from '../../src/core/extract/names.js';

const seed = readFileSync(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url), 'utf8');
const texts = (sentence: string) => findNames(sentence).map((name) => name.text);

describe('findNames', () => {
  it('finds the seed’s speaker without his title, with document offsets, norm and tokens', () => {
    const sentence =
      'Pentagon spokesman John Kirby told reporters on Wednesday he could not confirm the requests, but told Al-Monitor that discussions on the proposal are continuing.';
    const offset = seed.indexOf(sentence);
    assert.ok(offset > 0);
    assert.deepEqual(findNames(sentence, offset), [
      { span: { start: offset, end: offset + 8 }, text: 'Pentagon', norm: 'pentagon', tokens: ['pentagon'] },
      {
        span: { start: offset + 19, end: offset + 29 },
        text: 'John Kirby',
        norm: 'john kirby',
        tokens: ['john', 'kirby'],
      },
      {
        span: { start: offset + 102, end: offset + 112 },
        text: 'Al-Monitor',
        norm: 'al-monitor',
        tokens: ['al-monitor'],
      },
    ]);
    assert.equal(seed.slice(offset + 19, offset + 29), 'John Kirby');
  });

  it('strips titles and possessives and drops a common sentence-initial word (seed article)', () => {
    assert.deepEqual(
      texts(
        'Defense Minister Hulusi Akar said on Monday that Turkey could provide forces to secure Kabul airport after Western forces left Afghanistan',
      ),
      ['Hulusi Akar', 'Turkey', 'Kabul', 'Western', 'Afghanistan'],
    );
    assert.deepEqual(
      texts(
        'The talks precede President Joe Bidens’ first scheduled meeting since taking office with Turkish President Recep Tayyip Erdogan amid deteriorating relations between the two NATO allies.',
      ),
      ['Joe Bidens', 'Turkish', 'Recep Tayyip Erdogan', 'NATO'],
    );
    assert.deepEqual(
      texts(
        'The Biden administration continues to discuss with Turkish officials Ankara’s offer to take over security at Kabul International Airport after the departure of US and NATO forces',
      ),
      ['Biden', 'Turkish', 'Ankara', 'Kabul International Airport', 'US', 'NATO'],
    );
    assert.deepEqual(texts('White House spokeswoman Jen Psaki called the meeting a priority for Biden.'), [
      'White House',
      'Jen Psaki',
      'Biden',
    ]);
  });

  it('strips a title that opens the sentence with its "of": "Secretary of State", "Director of National Intelligence"', () => {
    assert.deepEqual(
      texts('Secretary of State Antony Blinken said the president will look for ways to move forward.'),
      ['Antony Blinken'],
    );
    assert.deepEqual(texts('Director of National Intelligence Avril Haines spoke on Monday.'), ['Avril Haines']);
  });

  it('reads the Lordstown draft: "Shares of Lordstown", "Spokeswoman Colleen Robar", "CEO Edward Hightower"', () => {
    assert.deepEqual(texts('Shares of Lordstown were down about 9% to about $1 in early trading Thursday.'), [
      'Lordstown',
    ]);
    assert.deepEqual(
      texts(
        'Spokeswoman Colleen Robar said the company is unaware of any injuries associated with the recalled vehicles.',
      ),
      ['Colleen Robar'],
    );
    assert.deepEqual(
      texts('“We remain committed to doing the right thing by our customers,” CEO Edward Hightower said in a release.'),
      ['Edward Hightower'],
    );
    assert.deepEqual(texts('Lordstown bought the Ohio plant from General Motors in 2019.'), [
      'Lordstown',
      'Ohio',
      'General Motors',
    ]);
    assert.deepEqual(
      texts('As of Jan. 3, the company had produced 31 vehicles for sale and delivered six of those to customers.'),
      [],
    );
  });

  it('reads the airspace draft: hyphenated names, connectors, "-based" tails, and common words that start a name', () => {
    assert.deepEqual(texts('Courtney Meares-Whitty leads the FIMS initiative for Airservices Australia.'), [
      'Courtney Meares-Whitty',
      'FIMS',
      'Airservices Australia',
    ]);
    assert.deepEqual(texts('Swoop Aero is a Melbourne-based start-up.'), ['Swoop Aero', 'Melbourne']);
    assert.deepEqual(
      texts(
        'Airservices Australia and the Department of Defence are jointly developing the Civil Military Air Traffic Management System. The system will cost about A$1.2 billion.',
      ),
      ['Airservices Australia', 'Department of Defence', 'Civil Military Air Traffic Management System'],
    );
    assert.deepEqual(
      texts(
        'Drones are increasingly used in farming, mining and emergency services. Eventually, Gumley says, CMATS will also handle rocket launches.',
      ),
      ['Gumley', 'CMATS'],
    );
    assert.deepEqual(findNames('Courtney Meares-Whitty leads')[0].tokens, ['courtney', 'meares-whitty']);
    assert.deepEqual(findNames('the Department of Defence')[0].tokens, ['department', 'defence']);
  });

  it('reads the Ozy draft: initials, dotted abbreviations and possessive speakers', () => {
    assert.deepEqual(texts('FBI official Michael J. Driscoll called Watson “a con man.”'), [
      'FBI',
      'Michael J. Driscoll',
      'Watson',
    ]);
    assert.deepEqual(findNames('U.S. Attorney Breon Peace called Watson')[0], {
      span: { start: 0, end: 4 },
      text: 'U.S.',
      norm: 'us',
      tokens: ['us'],
    });
    assert.deepEqual(texts('“We are really disappointed,” Watson’s attorney, Lanny Breuer, told the Journal.'), [
      'Watson',
      'Lanny Breuer',
      'Journal',
    ]);
  });
  it('keeps a capitalised connector that starts a name, starts a sentence at a line break, and splits at "for"', () => {
    assert.deepEqual(texts('the climate patterns in the Atlantic, including El Niño.'), ['Atlantic', 'El Niño']);
    assert.deepEqual(texts('Send this page to someone via email\n\nActivists in London dumped paint'), ['London']);
    assert.deepEqual(texts('She had clips of Elizabeth Warren and Mitt Romney for Howard to play.'), [
      'Elizabeth Warren',
      'Mitt Romney',
      'Howard',
    ]);
  });
});

describe('findNamesByVocabulary', () => {
  it('finds names in lower-cased tokenised text from the words the caller knows are names', () => {
    const vocabulary = new Set(['kilmarnock', 'steve', 'clarke', 'us', 'president']);
    assert.deepEqual(
      findNamesByVocabulary("kilmarnock 's manager steve clarke told us the president agreed", vocabulary, 100),
      [
        { span: { start: 100, end: 110 }, text: 'kilmarnock', norm: 'kilmarnock', tokens: ['kilmarnock'] },
        { span: { start: 122, end: 134 }, text: 'steve clarke', norm: 'steve clarke', tokens: ['steve', 'clarke'] },
      ],
    );
  });

  it('joins names over connectors: "department of defence"', () => {
    const vocabulary = new Set(['department', 'defence', 'airservices', 'australia']);
    assert.deepEqual(
      findNamesByVocabulary('airservices australia and the department of defence are developing it', vocabulary).map(
        (n) => [n.text, n.tokens],
      ),
      [
        ['airservices australia', ['airservices', 'australia']],
        ['department of defence', ['department', 'defence']],
      ],
    );
  });
});

describe('isTitleWord', () => {
  it('knows titles in any case and with a dot, but not the words of a name', () => {
    assert.deepEqual(
      ['President', 'Spokeswoman', 'CEO', 'minister', 'Gen.', 'Kirby', 'Defense', 'Motors'].map(isTitleWord),
      [true, true, true, true, true, false, false, false],
    );
  });
});

describe('namesAgree', () => {
  it('matches a last name or a name with its title, and an acronym with its words', () => {
    assert.equal(namesAgree('Kirby', 'John Kirby'), true);
    assert.equal(namesAgree('Biden', 'President Joe Biden'), true);
    assert.equal(namesAgree('Erdoğan', 'Recep Tayyip Erdogan'), true);
    assert.equal(namesAgree('GM', 'General Motors'), true);
    assert.equal(namesAgree('U.S.', 'United States'), true);
  });

  it('rejects a swapped person or organisation from the drafts', () => {
    assert.equal(namesAgree('Phillip Swadling', 'Courtney Meares-Whitty'), false);
    assert.equal(namesAgree('Ford', 'General Motors'), false);
    assert.equal(namesAgree('Joe Biden', 'Hunter Biden'), false);
    assert.equal(namesAgree('Sydney', 'Melbourne'), false);
    assert.equal(namesAgree('President', 'President Joe Biden'), false);
  });
});

describe('findNames on any text', () => {
  it('never throws and returns ordered spans that slice to their text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let previousEnd = 7;
        for (const mention of findNames(text, 7)) {
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
