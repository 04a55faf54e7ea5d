import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { extractProse, maskProse, type ProseBlock } from '../../src/core/draft/prose.js';
import { splitSentences } from '../../src/core/text/sentences.js';

const ozy = readFileSync(new URL('../fixtures/drafts/ozy.md', import.meta.url), 'utf8');

const summary = (blocks: ProseBlock[]) => blocks.map((block) => [block.kind, block.text]);

/** Every block is a same-length, in-place copy of the document where only non-prose became spaces. */
function assertMapsOneToOne(text: string, blocks: ProseBlock[]): void {
  for (const { span, text: blockText } of blocks) {
    assert.equal(blockText.length, span.end - span.start);
    for (let i = 0; i < blockText.length; i++) {
      if (blockText[i] !== ' ') assert.equal(blockText[i], text[span.start + i], `offset ${span.start + i}`);
    }
  }
}

describe('extractProse', () => {
  it('keeps the prose of a real Markdown draft and skips front matter, the HTML comment and the code block', () => {
    const blocks = extractProse(ozy, 'markdown');
    assertMapsOneToOne(ozy, blocks);
    assert.deepEqual(summary(blocks), [
      ['heading', 'Ozy Media founder arrested'],
      [
        'paragraph',
        'Carlos Watson, the founder of the troubled digital start-up Ozy Media, was\narrested on Thursday on fraud ' +
          'charges. He was arrested at a Brooklyn hotel. He\nwas arrested at a Manhattan hotel ' +
          '[@file-carlos-watson-participates-in-the].',
      ],
      [
        'paragraph',
        "Two of the company's top executives pleaded guilty to fraud charges this\nmonth, the Wall Street Journal " +
          'first reported. The guilty pleas were first\nreported by the New York Times.',
      ],
      ['list-item', 'The indictment accuses Watson of conspiring to commit securities fraud and\n  wire fraud.'],
      ['list-item', 'He is also accused of identity theft for his role in impersonating media\n  executives.'],
      ['list-item', 'Samir Rao allegedly impersonated a Google executive during a pitch to\n  Goldman Sachs.'],
      ['list-item', 'Watson faces up to 20 years in prison if convicted.'],
      [
        'blockquote',
        "“We are really disappointed,” Watson's attorney, Lanny Breuer, told the\n  Journal. “We have been acting " +
          'in bad faith,” Breuer added.',
      ],
      [
        'paragraph',
        'U.S. Attorney Breon Peace called Watson “a con man whose business strategy was\nbased on outright deceit ' +
          'and fraud.” FBI official Michael J. Driscoll called\nWatson “a con man whose business strategy was based ' +
          'on outright deceit and\nfraud.”',
      ],
      [
        'paragraph',
        'Authorities say that between 2018 and 2021 Watson and his partners tried to\ndefraud investors and lenders ' +
          'of tens of millions of dollars. Authorities say\nthe scheme ran between 2015 and 2021. Ozy said it was ' +
          'shutting down shortly\nafter a New York Times report in October 2021.',
      ],
    ]);
    const quote = blocks[7]!;
    assert.deepEqual(quote.span, {
      start: ozy.indexOf('“We are really'),
      end: ozy.indexOf('Breuer added.') + 'Breuer added.'.length,
    });
    assert.equal(blocks[0]!.span.start, ozy.indexOf('Ozy Media founder arrested'));
  });

  it('gives sentences of the masked document, so a block quote sentence has no ">" in it', () => {
    const { masked, blocks } = maskProse(ozy, 'markdown');
    assert.equal(masked.length, ozy.length);
    const sentences = splitSentences(
      masked,
      blocks.map((block) => block.span),
    );
    const journal = sentences.find((sentence) => sentence.text.includes('Journal.'))!;
    assert.equal(journal.text, "“We are really disappointed,” Watson's attorney, Lanny Breuer, told the\n  Journal.");
    assert.equal(journal.paragraph, 7);
    assert.equal(ozy.slice(journal.span.start, journal.span.end).replace('\n> ', '\n  '), journal.text);
  });

  it('blanks inline code, link destinations, autolinks, bare URLs, images, inline HTML, struck text, footnote marks', () => {
    const text =
      'Kirby [said](https://example.org/k "t") the `S-400` deal <b>stalled</b> (see <https://a.example/x>, ' +
      'https://b.example/y, www.c.example and ![chart](c.png)) ~~not~~ on *Monday*[^1] [@kabul].\n\n[^1]: Al-Monitor.\n';
    const blocks = extractProse(text, 'markdown');
    assertMapsOneToOne(text, blocks);
    assert.deepEqual(
      blocks.map((block) => [block.kind, block.text.replace(/ +/g, ' ')]),
      [
        ['paragraph', 'Kirby said the deal stalled (see , , and ) on Monday [@kabul].'],
        ['paragraph', 'Al-Monitor.'],
      ],
    );
  });

  it('reads GFM tables cell by cell, and setext headings without their underline', () => {
    const text = 'Casualties\n==========\n\n| Day | Killed |\n| --- | ---: |\n| Monday | 150 members |\n';
    const blocks = extractProse(text, 'markdown');
    assert.deepEqual(summary(blocks), [
      ['heading', 'Casualties'],
      ['table-cell', 'Day'],
      ['table-cell', 'Killed'],
      ['table-cell', 'Monday'],
      ['table-cell', '150 members'],
    ]);
    assert.deepEqual(blocks[4]!.span, { start: text.indexOf('150 members'), end: text.indexOf('150 members') + 11 });
  });

  it('honours groundwork-disable-next-line and disable/enable regions, and keeps offsets with \\r\\n', () => {
    const text = [
      'Kirby said talks continue.',
      '<!-- groundwork-disable-next-line -->',
      'Akar said Turkey could provide forces.',
      'Erdogan met Biden.',
      '',
      '<!-- groundwork-disable -->',
      'Some 250 members were killed.',
      '',
      'Psaki called the meeting a priority.',
      '<!-- groundwork-enable -->',
      '',
      'Sullivan said the president will look for ways forward.',
      '',
      '<!-- groundwork-disable -->',
      'Never checked to the end.',
    ].join('\r\n');
    const blocks = extractProse(text, 'markdown');
    assertMapsOneToOne(text, blocks);
    assert.deepEqual(summary(blocks), [
      ['paragraph', 'Kirby said talks continue.'],
      ['paragraph', 'Erdogan met Biden.'],
      ['paragraph', 'Sullivan said the president will look for ways forward.'],
    ]);
    assert.equal(blocks[1]!.span.start, text.indexOf('Erdogan'));
  });

  it('treats plain text as blank-line separated paragraphs, Markdown syntax and all, with the same directives', () => {
    const text =
      '# Not a heading\n\nKirby said **so**.\n<!-- groundwork-disable-next-line -->\n\nSkipped line.\nKept line.\n';
    const blocks = extractProse(text, 'plaintext');
    assertMapsOneToOne(text, blocks);
    assert.deepEqual(summary(blocks), [
      ['paragraph', '# Not a heading'],
      ['paragraph', 'Kirby said **so**.'],
      ['paragraph', 'Kept line.'],
    ]);
  });

  it('returns nothing for empty or prose-free documents', () => {
    assert.deepEqual(extractProse('', 'markdown'), []);
    assert.deepEqual(extractProse('', 'plaintext'), []);
    assert.deepEqual(extractProse('---\ntitle: x\n---\n\n```\ncode\n```\n\n<!-- c -->\n', 'markdown'), []);
  });
});
