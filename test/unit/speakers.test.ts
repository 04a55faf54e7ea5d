import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { maskProse } from '../../src/core/draft/prose.js';
import { sentenceUnits } from '../../src/core/draft/units.js';
import { findQuotations } from '../../src/core/extract/quotations.js';
import { attributeSpeakers, findReportedSpeech } from '../../src/core/extract/speakers.js';
import { splitParagraphs, splitSentences } from '../../src/core/text/sentences.js';
import type { Quotation, Sentence } from '../../src/core/types.js';

const seed = readFileSync(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url), 'utf8');
const draft = (name: string) => readFileSync(new URL(`../fixtures/drafts/${name}`, import.meta.url), 'utf8');

// The source article of the airspace draft (FlightGlobal, via the SummEdits benchmark), as the eval lays it out.
const airspaceSource = [
  "Australia's air traffic management agency will deploy an airspace management system for small, uncrewed aircraft systems (UAS) in 2025.",
  'Airspace Australia on 27 February said it has completed prototyping on its Flight Information Management System (FIMS) for UAS and is now focused on delivering a product in 2025.',
  '"We need more effective traffic management capabilities than those utilised today," says Luke Gumley, head of the agency\'s integrated airspace programme, speaking at the Australian Association Uncrewed Systems conference in Melbourne, ahead of the Avalon Airshow.',
  'FIMS will represent the "centralised backbone" for a system of UAS traffic management (UTM), managed by Airservices Australia - alongside the existing air traffic control system for commercial aviation.',
  'The regulator launched the integrated airspace programme in response to what it calls "astonishing growth" in UAS usage across a range of sectors, including agriculture, mining and emergency services.',
  '"This transformation requires us to develop innovative solutions to ensure our skies remain safe for traditional aircraft, new airspace users and the community," Airservices Australia says.',
  'The agency notes that trend will contribute to a projected doubling of global air traffic by 2037. Key to managing that growth is FIMS, which will "enable drones and other low-level operators to safely integrate with existing airspace users", according to Airservices Australia.',
  'The system will act as the "connector" between UAS and Australia\'s current airspace management, says Courtney Meares-Whitty, head of the FIMS initiave for Airservices Australia.',
  'Gumley says the UTM programme completed field-testing in November of multiple FIMS prototypes developed with private sector partners and is now shifting into the delivery phase - with a target of 2025.',
  'As it rolls out FIMS over the next three years, the project will also deploy newly developed technologies, including access to improved geospatial data for UAS operators, a surveillance network for tracking drones and a method for the "detection of non-cooperative drones".',
  'The ultimate goal, Gumley says, is to fully-integrate FIMS into the existing air traffic management system for civil aviation - as opposed to a bifurcated or "segregated" system in which UAS are managed separately from conventional aircraft.',
  '"Segregated integration is not a sustainable model for the future," he notes.',
  'Airservices Australia says its focus on safely incorporating large numbers of small drones into the existing aviation ecosystem "will foster growth in the UAS market".',
  'The private sector appears to agree with that assessment.',
  '"UTM solutions are essential," says Phillip Swadling, technical director of avionics at Thales. "The lack of harmonised standards are holding back drone business development," he adds.',
  '"We need practical and pragmatic solutions that facilitate the integration of emerging technologies," says Zac Kennedy, chief regulatory officer at Swoop Aero - a Melbourne-based start-up developing networks of commercial UAS to fill gaps in existing logistics systems.',
  'Gumley says the goal of the UTM programme is to offer a service that is as frictionless as possible, with "airspace authorisation measured in seconds, not weeks" for UAS operators. He notes Airservices Australia is working to deliver automatic airspace approval at all of the country\'s 29 aerodromes by end of 2023.',
  'Under an initiative called OneSky Australia, Canberra intends to streamline airspace management even further by combining the civil and military aviation control systems. Airservices Australia and the Department of Defence are jointly developing that infrastructure, known as the Civil Military Air Traffic Management System (CMATS).',
  'Gumley says CMATS also will eventually incorporate the launch and recovery of space-bound rockets.',
  'Swadling argues for government to take a more active role in setting a national strategic policy on UAS, which will guide private sector development.',
  '"There is a need for an integrated and uniform UAS strategy at the national level," he says.',
].join('\n\n');

// Paragraphs of other source articles of the eval, as published.
const ozySource = [
  '"We are really disappointed," Watson\'s attorney, Lanny Breuer, told the Journal after the arrest. "We have been acting in good faith and believe we had a constructive dialogue with the government and are shocked by the actions this morning."',
  'Shortly after, Ozy said it was shutting down.',
  '"As alleged, Carlos Watson is a con man whose business strategy was based on outright deceit and fraud," said Breon Peace, the U.S. Attorney for the Brooklyn-based Eastern District of New York. "He ran Ozy as a criminal organization rather than as a reputable media company."',
  'Michael J. Driscoll, the assistant director-in-charge of the FBI\'s New York field office said Watson "repeatedly attempted to entice both investors and lenders through a series of deliberate deceptions and fabrications."',
].join('\n\n');

/** A source's quotations with their speakers, found the way a source document is analysed. */
function sourceQuotations(text: string): Quotation[] {
  const paragraphs = splitParagraphs(text);
  return attributeSpeakers(text, findQuotations(text, paragraphs), splitSentences(text, paragraphs));
}

/** A Markdown draft's quotations with their speakers, found the way the checker finds them. */
function draftQuotations(markdown: string): Quotation[] {
  const { masked, blocks } = maskProse(markdown, 'markdown');
  const spans = blocks.map((block) => block.span);
  return attributeSpeakers(masked, findQuotations(masked, spans), splitSentences(masked, spans));
}

/** [quoted words, speaker, the text at the speaker's span (undefined when resolved from elsewhere)]. */
const speakers = (text: string, quotations: Quotation[]) =>
  quotations.map((q) => [
    q.text,
    q.speaker?.name,
    q.speaker?.span && text.slice(q.speaker.span.start, q.speaker.span.end),
  ]);

function sentenceOf(text: string, opening: string): Sentence {
  const sentence = splitSentences(text).find((s) => s.text.startsWith(opening));
  assert.ok(sentence, `no sentence opens with "${opening}"`);
  return sentence;
}

describe('attributeSpeakers', () => {
  it('gives the seed article’s unclosed quote to Kirby ("Kirby said, adding: “…")', () => {
    const [quotation] = sourceQuotations(seed);
    const kirby = seed.indexOf('Kirby said, adding');
    assert.deepEqual(quotation!.speaker, { name: 'Kirby', span: { start: kirby, end: kirby + 5 } });
  });

  it('finds every speaker of the airspace draft: "said X, head of …" and "X said"', () => {
    const text = draft('airspace.md');
    assert.deepEqual(speakers(text, draftQuotations(text)), [
      [
        'We need more effective traffic management capabilities than those utilised today,',
        'Luke Gumley',
        'Luke Gumley',
      ],
      ['We need far cheaper traffic management capabilities than those utilised today,', 'Luke Gumley', 'Luke Gumley'],
      ['Segregated integration is not a sustainable model for the future,', 'Gumley', 'Gumley'],
      ['Segregated integration is a sustainable model for the future,', 'Gumley', 'Gumley'],
      ['UTM solutions are essential,', 'Phillip Swadling', 'Phillip Swadling'],
      ['UTM solutions are essential,', 'Zac Kennedy', 'Zac Kennedy'],
    ]);
    const [first] = draftQuotations(text);
    const gumley = text.indexOf('Luke Gumley, head');
    assert.deepEqual(first!.speaker!.span, { start: gumley, end: gumley + 11 });
  });

  it('strips titles and roles from the Lordstown draft’s speakers, and leaves a partial quote without one', () => {
    const text = draft('lordstown.md');
    assert.deepEqual(speakers(text, draftQuotations(text)), [
      [
        'specific electrical connection issue that could result in a loss of propulsion while driving.',
        undefined,
        undefined,
      ],
      ['specific battery issue that could result in a fire while driving.', undefined, undefined],
      ['We remain committed to doing the right thing by our customers,', 'Edward Hightower', 'Edward Hightower'],
      ['We remain committed to doing the right thing by our customers,', 'Colleen Robar', 'Colleen Robar'],
    ]);
  });

  it('finds the Ozy draft’s speakers: an appositive name, "X added", "X called Watson “…”"', () => {
    const text = draft('ozy.md');
    assert.deepEqual(speakers(text, draftQuotations(text)), [
      ['We are really disappointed,', 'Lanny Breuer', 'Lanny Breuer'],
      ['We have been acting in bad faith,', 'Breuer', 'Breuer'],
      ['a con man whose business strategy was\nbased on outright deceit and fraud.', 'Breon Peace', 'Breon Peace'],
      [
        'a con man whose business strategy was based on outright deceit and\nfraud.',
        'Michael J. Driscoll',
        'Michael J. Driscoll',
      ],
    ]);
  });

  it('reads the airspace source: "says X", "he notes" and "he adds" resolved, organisations, partial quotes', () => {
    assert.deepEqual(speakers(airspaceSource, sourceQuotations(airspaceSource)), [
      [
        'We need more effective traffic management capabilities than those utilised today,',
        'Luke Gumley',
        'Luke Gumley',
      ],
      ['centralised backbone', undefined, undefined],
      ['astonishing growth', undefined, undefined],
      [
        'This transformation requires us to develop innovative solutions to ensure our skies remain safe for traditional aircraft, new airspace users and the community,',
        'Airservices Australia',
        'Airservices Australia',
      ],
      [
        'enable drones and other low-level operators to safely integrate with existing airspace users',
        'Airservices Australia',
        'Airservices Australia',
      ],
      ['connector', 'Courtney Meares-Whitty', 'Courtney Meares-Whitty'],
      ['detection of non-cooperative drones', undefined, undefined],
      ['segregated', 'Gumley', 'Gumley'],
      ['Segregated integration is not a sustainable model for the future,', 'Gumley', undefined],
      ['will foster growth in the UAS market', 'Airservices Australia', 'Airservices Australia'],
      ['UTM solutions are essential,', 'Phillip Swadling', 'Phillip Swadling'],
      ['The lack of harmonised standards are holding back drone business development,', 'Phillip Swadling', undefined],
      [
        'We need practical and pragmatic solutions that facilitate the integration of emerging technologies,',
        'Zac Kennedy',
        'Zac Kennedy',
      ],
      ['airspace authorisation measured in seconds, not weeks', 'Gumley', 'Gumley'],
      ['There is a need for an integrated and uniform UAS strategy at the national level,', 'Swadling', undefined],
    ]);
  });

  it('carries a speaker over to the quote standing alone after it, and reads an appositive without its closing comma', () => {
    assert.deepEqual(speakers(ozySource, sourceQuotations(ozySource)), [
      ['We are really disappointed,', 'Lanny Breuer', 'Lanny Breuer'],
      [
        'We have been acting in good faith and believe we had a constructive dialogue with the government and are shocked by the actions this morning.',
        'Lanny Breuer',
        undefined,
      ],
      [
        'As alleged, Carlos Watson is a con man whose business strategy was based on outright deceit and fraud,',
        'Breon Peace',
        'Breon Peace',
      ],
      ['He ran Ozy as a criminal organization rather than as a reputable media company.', 'Breon Peace', undefined],
      [
        'repeatedly attempted to entice both investors and lenders through a series of deliberate deceptions and fabrications.',
        'Michael J. Driscoll',
        'Michael J. Driscoll',
      ],
    ]);
  });

  it('reads more attributions from the eval’s sources', () => {
    const cases: [string, string | undefined][] = [
      [
        '"While our team has made progress, we remain committed to doing the right thing by our customers," said Lordstown CEO Edward Hightower said in a release.',
        'Edward Hightower',
      ],
      [
        'Earlier, Mojtaba Zolnour, a lawmaker from Qom, said the illnesses were "abnormal" and security officials were investigating.',
        'Mojtaba Zolnour',
      ],
      [
        '"We haven\'t always had the balance right for some customer groups": Domino\'s Pizza CEO Don Meij.',
        'Don Meij',
      ],
      [
        'In a statement, Israel\'s Prime Minister Benjamin Netanyahu called it "a day of great news for Israeli aviation."',
        'Benjamin Netanyahu',
      ],
      [
        'Israel\'s Foreign Minister Eli Cohen also released a statement, calling the news "a historic decision that will shorten the road to Asia."',
        'Eli Cohen',
      ],
      [
        '"It concerns the market that central banks will have to hike rates a lot more to curb inflation," said Kerry Craig, JPMorgan Asset Management \'s global market strategist.',
        'Kerry Craig',
      ],
      [
        '"In that phone call to the niece, he corroborated evidence that they (police) had previously gathered" to negotiate a guilty plea, Johnson told The Associated Press.',
        'Johnson',
      ],
      ['The company said its plans to fight inflation "had not been optimal" in the first half.', undefined],
      [
        '"Of the 250 students in our school, only 50 attended classes," a teacher in Qom, who did not want to be named for fear of reprisals, told Shargh.',
        undefined,
      ],
      ['FIMS will represent the "centralised backbone" for a system of UAS traffic management.', undefined],
    ];
    for (const [text, speaker] of cases) assert.equal(sourceQuotations(text)[0]!.speaker?.name, speaker, text);
  });

  it('resolves "he" to the person a sentence was last about, over an earlier speaker', () => {
    const text = [
      'An attorney representing the brothers, Eugen Vidineac, reportedly told reporters before the hearing on Tuesday that the defense would challenge an extension.',
      'Andrew Tate also turned to Twitter before the decision.',
      '"I can easily think myself into euphoric gratefulness for things as simple as having air to breathe," he said. "I can easily think myself into the deepest and darkest depression."',
    ].join('\n\n');
    assert.deepEqual(speakers(text, sourceQuotations(text)), [
      [
        'I can easily think myself into euphoric gratefulness for things as simple as having air to breathe,',
        'Andrew Tate',
        undefined,
      ],
      ['I can easily think myself into the deepest and darkest depression.', 'Andrew Tate', undefined],
    ]);
  });

  it('reads a quote that runs over several sentences with the sentence that names its speaker', () => {
    const text = '"The Far East is not so far away. This was achieved today," Netanyahu said.';
    const sentences = splitSentences(text);
    assert.equal(sentences.length, 2);
    assert.equal(attributeSpeakers(text, findQuotations(text), sentences)[0]!.speaker?.name, 'Netanyahu');
  });

  it('splits the text itself when given no sentences, and never throws on any text', () => {
    assert.deepEqual(attributeSpeakers(seed, findQuotations(seed), []), sourceQuotations(seed));
    const vocabulary = fc.constantFrom(
      ...'said says told added according to he she it the a Kirby John Gumley Pentagon spokesman U.S. Attorney , , . : \u201C \u201D " \' \n\n ( ) and was by not who'.split(
        ' ',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(vocabulary, { maxLength: 60 }).map((words) => words.join(' ')),
        fc.boolean(),
        (text, split) => {
          const quotations = attributeSpeakers(
            text,
            findQuotations(text),
            split ? splitSentences(text) : [{ span: { start: 0, end: 3 }, text: '', paragraph: 0 }],
          );
          for (const q of quotations) {
            const span = q.speaker?.span;
            if (span) assert.equal(text.slice(span.start, span.end).replace(/\s+/g, ' '), q.speaker!.name);
          }
          for (const sentence of splitSentences(text)) findReportedSpeech(sentence, text);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('reads 1 MB on one line, a sentence typed without its space, runs of verbs, capitals and commas, in linear time', () => {
    const line = airspaceSource.replace(/\n+/g, ' ');
    const text =
      line.repeat(Math.ceil(1_000_000 / line.length)) +
      'SAID '.repeat(20_000) +
      'Smith, Jones, '.repeat(10_000) +
      'also '.repeat(20_000) +
      'said';
    const quotations = attributeSpeakers(text, findQuotations(text), splitSentences(text));
    assert.equal(quotations[0]!.speaker?.name, 'Luke Gumley');
    assert.equal(quotations.at(-1)!.speaker?.name, 'Swadling');
  });
});

describe('findReportedSpeech', () => {
  it('names who each sentence of the seed article is attributed to', () => {
    const cases: [string, string | undefined][] = [
      ['Defense Minister Hulusi Akar said on Monday', 'Hulusi Akar'],
      ['Pentagon spokesman John Kirby told reporters', 'John Kirby'],
      ['US officials have had ongoing discussions', 'Kirby'],
      ['Airport security in any form', 'Kirby'],
      ['The Pentagon is also asking the Biden administration', 'New York Times'],
      ['Reuters cited U.S. officials', 'Reuters'],
      ['The Turkish government initially said', 'Turkish government'],
      ['The Taliban have made surprising gains', undefined],
      ['Some 150 members of the Afghan security forces', 'Afghan officials'],
      ['White House spokeswoman Jen Psaki called the meeting', 'Jen Psaki'],
      ['National Security Advisor Jake Sullivan said', 'Jake Sullivan'],
      ['Turkish officials expressed their openness', undefined],
      ['The logistical support that the United States', undefined],
    ];
    for (const [opening, speaker] of cases)
      assert.equal(findReportedSpeech(sentenceOf(seed, opening), seed)?.name, speaker, opening);
    const sentence = sentenceOf(seed, 'The Pentagon is also asking');
    const times = seed.indexOf('New York Times reported');
    assert.deepEqual(findReportedSpeech(sentence, seed), {
      name: 'New York Times',
      span: { start: times, end: times + 14 },
    });
  });

  it('tells the Wall Street Journal’s report from the New York Times’s, active or passive', () => {
    const { masked } = maskProse(draft('ozy.md'), 'markdown');
    assert.equal(findReportedSpeech(sentenceOf(masked, 'Two of the company'), masked)?.name, 'Wall Street Journal');
    assert.equal(findReportedSpeech(sentenceOf(masked, 'The guilty pleas were first'), masked)?.name, 'New York Times');
    assert.equal(findReportedSpeech(sentenceOf(masked, 'Ozy said it was shutting down'), masked)?.name, 'Ozy');
  });

  it('reads "X says" between commas, "X confirmed" at the end, and no one in "X would not say"', () => {
    const airspace = maskProse(draft('airspace.md'), 'markdown').masked;
    assert.equal(findReportedSpeech(sentenceOf(airspace, 'Eventually, Gumley says'), airspace)?.name, 'Gumley');
    const lordstown = maskProse(draft('lordstown.md'), 'markdown').masked;
    assert.equal(findReportedSpeech(sentenceOf(lordstown, 'No fires have resulted'), lordstown)?.name, 'Robar');
    assert.equal(
      findReportedSpeech(sentenceOf(lordstown, 'Spokeswoman Colleen Robar said'), lordstown)?.name,
      'Colleen Robar',
    );
    assert.equal(findReportedSpeech(sentenceOf(lordstown, 'Robar would not say'), lordstown), undefined);
    assert.equal(findReportedSpeech(sentenceOf(lordstown, 'Lordstown did not say'), lordstown), undefined);
  });

  it('resolves "he" from the text before the sentence, with the pronoun\'s span instead of a name\'s', () => {
    const he = airspaceSource.indexOf('He notes Airservices Australia');
    assert.deepEqual(findReportedSpeech(sentenceOf(airspaceSource, 'He notes Airservices Australia'), airspaceSource), {
      name: 'Gumley',
      pronoun: { start: he, end: he + 2 },
    });
    const appositive = 'Colleen Robar, a spokeswoman for Lordstown, said the company is unaware of any injuries.';
    assert.equal(findReportedSpeech(sentenceOf(appositive, 'Colleen'), appositive)?.name, 'Colleen Robar');
    assert.equal(
      findReportedSpeech(
        sentenceOf('According to Reuters, talks continue.', 'According'),
        'According to Reuters, talks continue.',
      )?.name,
      'Reuters',
    );
  });
});

describe('a speaker named before "who said"', () => {
  const speakerOf = (text: string) =>
    findReportedSpeech({ span: { start: 0, end: text.length }, text, paragraph: 0 }, text)?.name;

  it('is the name the relative clause hangs on', () => {
    assert.equal(
      speakerOf('Cyclists came to the hearing, including Ana Ruiz, who said she would use the lanes every day.'),
      'Ana Ruiz',
    );
    assert.equal(speakerOf('Mayor Jane Ortiz, who said the plan was needed, voted yes.'), 'Jane Ortiz');
  });

  it("is nobody when that name is a place the clause's subject is from", () => {
    assert.equal(speakerOf('Residents of Dayton, who said they were angry, left early.'), undefined);
  });
});

describe('a pronoun speaker and the names inside the quotation', () => {
  it('does not take a name inside the quoted words for whom "he" stands', () => {
    const text =
      'Kirby said: “Obviously this is a national decision that President Erdogan needs to take. Take and we respect it,” he added.\n';
    const speakers = sentenceUnits(text, 'markdown').units.flatMap((unit) => unit.quotations.map((q) => q.speaker));
    assert.deepEqual(speakers, [undefined]);
    const named =
      'Pentagon spokesman John Kirby spoke on Wednesday. “Obviously this is a decision that President Erdogan needs to take,” he added.\n';
    assert.deepEqual(
      sentenceUnits(named, 'markdown').units.flatMap((unit) => unit.quotations.map((q) => q.speaker)),
      [{ name: 'John Kirby' }],
    );
  });
});

describe('a speaker named after the roles an inverted verb puts first', () => {
  const speakersOf = (text: string) =>
    attributeSpeakers(text, findQuotations(text, splitParagraphs(text)), splitSentences(text)).map(
      (q) => q.speaker?.name,
    );

  it('reads the name after lower-case roles and after two titles joined by "and"', () => {
    assert.deepEqual(
      speakersOf(
        '“Costs came in under plan,” said chief financial officer Dana Whitlock.\n\n' +
          '“It was a strong year,” said Acme President and CEO Robert A. Lang.\n\n' +
          '“We expected more,” said former state treasurer Paul Ortiz.\n',
      ),
      ['Dana Whitlock', 'Robert A. Lang', 'Paul Ortiz'],
    );
  });

  it('keeps the plain readings: a name alone, a title before a name, and no name at all', () => {
    assert.deepEqual(speakersOf('“Yes,” said Ortiz.\n\n“No,” said President Obama.\n\n“Maybe,” said the company.\n'), [
      'Ortiz',
      'Obama',
      undefined,
    ]);
  });

  it('takes "Council Member" for a title, so that "he" in the next paragraph is that member', () => {
    assert.deepEqual(
      speakersOf(
        'Council Member Scott Roberson thanked the staff.\n\n' +
          'Roberson also voiced a concern about growth.\n\n' +
          '“We rely on taxes for the general fund,” he said.\n',
      ),
      ['Roberson'],
    );
  });
});
