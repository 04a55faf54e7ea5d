import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { splitParagraphs, splitSentences } from '../../src/core/text/sentences.js';

const seed = readFileSync(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`../fixtures/drafts/${name}`, import.meta.url), 'utf8');
const texts = (text: string) => splitSentences(text).map((sentence) => sentence.text);

describe('splitParagraphs', () => {
  it('splits the seed article into its 18 paragraphs, trimmed', () => {
    const paragraphs = splitParagraphs(seed);
    assert.equal(paragraphs.length, 18);
    assert.equal(paragraphs[0]!.start, 1, 'the leading space before "date" is not part of the paragraph');
    assert.ok(seed.slice(paragraphs[0]!.start, paragraphs[0]!.end).endsWith('later this summer.'));
    assert.equal(
      seed.slice(paragraphs[17]!.start, paragraphs[17]!.end).slice(0, 40),
      'National Security Advisor Jake Sullivan ',
    );
    assert.equal(paragraphs[17]!.end, seed.trimEnd().length);
  });

  it('separates on blank lines that hold spaces or use \\r\\n or \\r, not on single line breaks', () => {
    const text = 'One\r\nstill one.\r\n  \r\nTwo.\r\rThree.\n \t \nFour.';
    assert.deepEqual(
      splitParagraphs(text).map((span) => text.slice(span.start, span.end)),
      ['One\r\nstill one.', 'Two.', 'Three.', 'Four.'],
    );
    assert.deepEqual(splitParagraphs(' \n\n \n'), []);
  });
});

describe('splitSentences', () => {
  it('finds the 23 sentences of the seed article with exact spans and paragraph indices', () => {
    const sentences = splitSentences(seed);
    assert.equal(sentences.length, 23);
    for (const sentence of sentences) assert.equal(seed.slice(sentence.span.start, sentence.span.end), sentence.text);
    const kirby = sentences[4]!;
    assert.equal(kirby.paragraph, 4);
    assert.equal(
      kirby.text,
      'US officials have had ongoing discussions with Turkish leaders over their airport security plans, Kirby ' +
        'said, adding: “Obviously this is a national decision that President Erdogan needs to take. take and we ' +
        'respect it.',
      'the unclosed quotation and the stray lower-case "take." stay in one sentence',
    );
    assert.deepEqual(
      sentences.filter((sentence) => sentence.paragraph === 13).map((sentence) => sentence.text),
      [
        'The Turkish government initially said it would stay in Afghanistan after NATO left.',
        'But Ankara officials backed down on that idea last month, raise concerns among NATO member states that had ' +
          'hoped to leave embassies in the Afghan capital.',
      ],
    );
  });

  it('does not split after U.S. or after an initial, and keeps a closing quotation mark with its sentence', () => {
    const text = fixture('ozy.md');
    const paragraph = text.indexOf('U.S. Attorney Breon Peace');
    const block = { start: paragraph, end: text.indexOf('\n\n', paragraph) };
    const [first, second] = splitSentences(text, [block]);
    assert.deepEqual(first!.span, { start: paragraph, end: text.indexOf('fraud.”') + 'fraud.”'.length });
    assert.ok(first!.text.startsWith('U.S. Attorney Breon Peace called Watson “a con man'));
    assert.equal(
      second!.text,
      'FBI official Michael J. Driscoll called\nWatson “a con man whose business strategy was based on outright deceit and\nfraud.”',
    );
    assert.equal(second!.span.end, block.end);
  });

  it('keeps a quotation that ends in a comma with its "said X" tail', () => {
    const sentences = texts(fixture('airspace.md'));
    assert.ok(
      sentences.includes(
        '“We need more effective traffic management capabilities than those utilised today,” said Luke Gumley, ' +
          "head of the agency's integrated airspace programme.",
      ),
    );
    assert.ok(sentences.includes('“Segregated integration is not a sustainable model for the future,” Gumley said.'));
  });

  it('does not split "Jan. 3" in a real draft', () => {
    assert.ok(
      texts(fixture('lordstown.md')).includes(
        'As of Jan. 3, the company had produced 31 vehicles for sale and delivered six of those to customers.',
      ),
    );
  });

  it('ends a sentence at a number and a full stop before a capital, as in "on March 6. The company"', () => {
    const sentences = texts(fixture('lordstown.md'));
    assert.ok(sentences.includes('The company plans to give a more detailed update on its earnings call on March 6.'));
    assert.ok(sentences.includes('The company expects to resume deliveries in April.'));
    assert.deepEqual(texts('It rose 3.5 percent. Then it fell. See No. 5 for details.'), [
      'It rose 3.5 percent.',
      'Then it fell.',
      'See No. 5 for details.',
    ]);
    assert.deepEqual(
      texts(
        'She sued on behalf of Michael Johnson Sr. Reynolds is the second largest. Martin Luther King Jr. Day is near.',
      ),
      [
        'She sued on behalf of Michael Johnson Sr.',
        'Reynolds is the second largest.',
        'Martin Luther King Jr. Day is near.',
      ],
    );
    assert.deepEqual(texts('Fees rise from $11,901 to $12,841. Next year the rate is 4.25. The board agreed.'), [
      'Fees rise from $11,901 to $12,841.',
      'Next year the rate is 4.25.',
      'The board agreed.',
    ]);
  });

  it('handles titles, months, numbered references, times and company suffixes', () => {
    assert.deepEqual(
      texts(
        'Mr. Smith met Dr. Jones and Gen. Milley on Feb. 5 at 3 p.m. in St. Louis. Sen. Warren, Rep. Cole and ' +
          'Gov. Hochul read No. 5 and Fig. 3 vs. the rest. Apple Inc. said so. He works at Acme Co. He is happy. ' +
          'It happened at 5 a.m. The next day it rained.',
      ),
      [
        'Mr. Smith met Dr. Jones and Gen. Milley on Feb. 5 at 3 p.m. in St. Louis.',
        'Sen. Warren, Rep. Cole and Gov. Hochul read No. 5 and Fig. 3 vs. the rest.',
        'Apple Inc. said so.',
        'He works at Acme Co.',
        'He is happy.',
        'It happened at 5 a.m.',
        'The next day it rained.',
      ],
    );
  });

  it('never lets a sentence cross a block, and numbers sentences by block index', () => {
    const text = 'Kirby said the talks continue. Erdogan agreed today.';
    const middle = text.indexOf('inue.'); // a block boundary inside "continue."
    const sentences = splitSentences(text, [
      { start: 0, end: middle },
      { start: middle, end: text.length },
    ]);
    assert.deepEqual(
      sentences.map((sentence) => [sentence.paragraph, sentence.text]),
      [
        [0, 'Kirby said the talks cont'],
        [1, 'inue.'],
        [1, 'Erdogan agreed today.'],
      ],
    );
  });

  it('splits an oversized block with the punctuation splitter exactly as retext splits its paragraphs', () => {
    const paragraphs = splitParagraphs(seed).slice(1); // without the date marker
    const oneLine = Array.from({ length: 6 }, () => paragraphs.map((p) => seed.slice(p.start, p.end)).join(' ')).join(
      ' ',
    );
    assert.ok(oneLine.length > 20_000, 'long enough to bypass retext');
    const expected = paragraphs.flatMap((p) => texts(seed.slice(p.start, p.end)));
    assert.deepEqual(texts(oneLine), Array.from({ length: 6 }, () => expected).flat());
  });

  it('splits a 1 MB single line', () => {
    const line = 'The vote was 5. Kirby said it passed. '.repeat(27_000);
    const sentences = splitSentences(line);
    assert.equal(sentences.length, 54_000);
    assert.deepEqual(sentences[1]!.span, { start: 16, end: 37 });
  });
});
