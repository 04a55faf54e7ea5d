import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../../src/core/text/lines.js';

const seed = readFileSync(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url), 'utf8');

describe('LineIndex', () => {
  it('puts a word of the seed article on its LSP line and character', () => {
    const index = new LineIndex(seed);
    const offset = seed.indexOf('John Kirby told reporters');
    // Line 6: the fourth paragraph ("Pentagon spokesman John Kirby ..."), after three paragraphs and blank lines.
    assert.deepEqual(index.positionAt(offset), { line: 6, character: 19 });
    assert.equal(index.offsetAt({ line: 6, character: 19 }), offset);
    assert.deepEqual(index.rangeOf({ start: offset, end: offset + 'John Kirby'.length }), {
      start: { line: 6, character: 19 },
      end: { line: 6, character: 29 },
    });
  });

  it('counts \\n, \\r\\n and a lone \\r as one line end each', () => {
    const index = new LineIndex('one\r\ntwo\rthree\nfour');
    assert.equal(index.lineCount, 4);
    assert.deepEqual(index.positionAt(5), { line: 1, character: 0 });
    assert.deepEqual(index.positionAt(9), { line: 2, character: 0 });
    assert.deepEqual(index.positionAt(15), { line: 3, character: 0 });
    assert.equal(index.offsetAt({ line: 2, character: 2 }), 11);
  });

  it('counts UTF-16 code units, so an emoji is two characters as in VS Code', () => {
    const index = new LineIndex('ok\n😀 Kabul');
    assert.deepEqual(index.positionAt('ok\n😀 '.length), { line: 1, character: 3 });
  });

  it('clamps positions past a line end, past the last line and offsets outside the text', () => {
    const index = new LineIndex('short\r\nline');
    assert.equal(index.offsetAt({ line: 0, character: 99 }), 5, 'stops before the \\r\\n');
    assert.equal(index.offsetAt({ line: 7, character: 0 }), 11);
    assert.equal(index.offsetAt({ line: -1, character: 3 }), 0);
    assert.deepEqual(index.positionAt(-4), { line: 0, character: 0 });
    assert.deepEqual(index.positionAt(500), { line: 1, character: 4 });
  });

  it('agrees with vscode-languageserver-textdocument on arbitrary text', () => {
    const pieces = fc.constantFrom('a', 'é', '😀', ' ', '\n', '\r', '\r\n', '\u2028', '>');
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 60 }),
        fc.nat(80),
        fc.nat(12),
        fc.nat(12),
        (parts, offset, line, character) => {
          const text = parts.join('');
          const index = new LineIndex(text);
          const document = TextDocument.create('file:///t.md', 'markdown', 1, text);
          if (!isInsideCrLf(text, offset)) assert.deepEqual(index.positionAt(offset), document.positionAt(offset));
          assert.equal(index.offsetAt({ line, character }), document.offsetAt({ line, character }));
          assert.equal(index.lineCount, document.lineCount);
        },
      ),
      { numRuns: 500 },
    );
  });
});

// Between the \r and \n of one line break, where no cursor can stand; implementations differ there.
function isInsideCrLf(text: string, offset: number): boolean {
  return text[offset - 1] === '\r' && text[offset] === '\n';
}
