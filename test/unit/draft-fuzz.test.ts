// Whatever a writer types or pastes, draft analysis must not throw and must return spans that lie inside the
// text, in order, that map 1:1 onto it: the language server calls this on every keystroke.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { maskProse } from '../../src/core/draft/prose.js';
import { splitSentences } from '../../src/core/text/sentences.js';
import type { Span } from '../../src/core/types.js';

const LANGUAGES = ['markdown', 'plaintext'] as const;

function assertOrderedWithin(spans: Span[], length: number): void {
  let previousEnd = 0;
  for (const span of spans) {
    assert.ok(previousEnd <= span.start && span.start < span.end && span.end <= length, JSON.stringify(span));
    previousEnd = span.end;
  }
}

/** Index of the first character of a block that is neither a space nor the document's own; -1 when none. */
function firstMovedCharacter(text: string, span: Span, blockText: string): number {
  for (let i = 0; i < blockText.length; i++) {
    if (blockText[i] !== ' ' && blockText[i] !== text[span.start + i]) return i;
  }
  return -1;
}

function assertWellFormed(text: string): void {
  for (const languageId of LANGUAGES) {
    const { masked, blocks } = maskProse(text, languageId);
    assert.equal(masked.length, text.length);
    assertOrderedWithin(
      blocks.map((block) => block.span),
      text.length,
    );
    for (const { span, text: blockText } of blocks) {
      assert.equal(blockText, masked.slice(span.start, span.end));
      assert.equal(blockText, blockText.trim());
      assert.equal(firstMovedCharacter(text, span, blockText), -1);
    }
    const sentences = splitSentences(
      masked,
      blocks.map((block) => block.span),
    );
    assertOrderedWithin(
      sentences.map((sentence) => sentence.span),
      text.length,
    );
    for (const { span, text: sentenceText, paragraph } of sentences) {
      const block = blocks[paragraph]!.span;
      assert.ok(block.start <= span.start && span.end <= block.end);
      assert.equal(sentenceText, masked.slice(span.start, span.end));
      assert.equal(sentenceText, sentenceText.trim());
    }
  }
  assertOrderedWithin(
    splitSentences(text).map((sentence) => sentence.span),
    text.length,
  );
}

// Pieces that stress Markdown, quotes and sentence ends, joined at random.
const piece = fc.constantFrom(
  ...['>', '> ', '- ', '* ', '+ ', '1. ', '# ', '## ', '\n', '\n\n', '\r\n', '\r', ' ', '    ', '\t', '|', '---'],
  ...['"', '“', '”', '‘', '’', "'", '[', ']', '(', ')', '{', '}', '[@kabul]', '[^1]', '[^1]: note', '`', '```'],
  ...['<!--', '-->', '<!-- groundwork-disable -->', '<!-- groundwork-enable -->', '<b>', '</b>', '&amp;', '\\'],
  ...['<!-- groundwork-disable-next-line -->', '*', '**', '_', '~~', 'https://example.org/a', '<http://a.b>'],
  ...['![chart](c.png)', '[said](http://u)', 'Mr.', 'U.S.', 'Jan.', 'J.', '. ', '? ', '! ', '…', 'Kirby said'],
  ...['150', '24 hours', '😀', '👩‍👩‍👧', 'שלום עולם', 'مرحبا بالعالم', '\u200F', '\u0000', '\uD800', '\uDFFF', '\uFEFF'],
  ...['\u2028', 'é', 'e\u0301'],
);
const draft = fc.oneof(
  fc.array(piece, { maxLength: 80 }).map((pieces) => pieces.join('')),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

describe('draft analysis on arbitrary input', () => {
  it('never throws and returns ordered spans within the text', () => {
    fc.assert(fc.property(draft, assertWellFormed), { numRuns: 400 });
  });

  it('copes with 500 levels of nesting, delimiter floods and unbalanced quotes', () => {
    const nested = (prefix: string) => `${prefix.repeat(500)}Kirby said “the talks continue.\n`;
    for (const text of [
      nested('>'),
      nested('- '),
      nested('> - '),
      nested('1. '),
      '*_'.repeat(20_000),
      '[('.repeat(5_000),
      '“'.repeat(2_000) + ' Mr. "U.S." ' + '”'.repeat(1_999),
      '',
    ]) {
      assertWellFormed(text);
    }
  });

  it('handles a 1 MB draft on a single line', () => {
    const seed = readFileSync(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url), 'utf8');
    const line = seed.replace(/\s+/g, ' ').repeat(300).slice(0, 1_000_000);
    assertWellFormed(line);
  });
});
