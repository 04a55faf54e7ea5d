// Whatever a writer types or pastes, the whole check must not throw, and every finding must lie inside the
// draft with a range that matches its span: the language server runs it on every keystroke.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { DraftChecker } from '../../src/core/checker.js';
import { SourceLibrary } from '../../src/core/library.js';
import { LineIndex } from '../../src/core/text/lines.js';

const seed = readFileSync('seeds/000_f04d67d5c7de7c34.txt', 'utf8');
const sentences = seed.split(/(?<=[.!?”])\s+/);

// Drafts made of the seed's own sentences, cut, spliced and decorated with what writers type.
const fragment = fc.oneof(
  fc.constantFrom(...sentences),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '“',
    '”',
    '"',
    "'",
    '[@',
    ']',
    '...',
    '\n\n',
    '> ',
    '- ',
    '# ',
    '```\n',
    '<!-- ',
    ' -->',
    '250',
    'Monday',
    '\u200f',
    '😀',
  ),
);
const draft = fc.array(fragment, { maxLength: 30 }).map((parts) => parts.join(' '));

describe('DraftChecker on arbitrary drafts', () => {
  const library = new SourceLibrary();
  library.upsert('seed.txt', seed);
  const checker = new DraftChecker(library);

  it('never throws, and every finding lies inside the draft with a matching range', () => {
    fc.assert(
      fc.property(draft, fc.constantFrom('markdown', 'plaintext' as const), (text, languageId) => {
        const lines = new LineIndex(text);
        for (const finding of checker.check(text, {
          languageId: languageId as 'markdown' | 'plaintext',
          documentKey: 'fuzz',
        })) {
          assert.ok(
            0 <= finding.span.start && finding.span.start <= finding.span.end && finding.span.end <= text.length,
          );
          assert.deepEqual(finding.range, lines.rangeOf(finding.span));
          for (const problem of finding.problems) {
            if (problem.span)
              assert.ok(problem.span.start >= 0 && problem.span.end <= text.length, JSON.stringify(problem));
          }
          assert.ok(finding.score >= 0 && finding.score <= 1);
        }
      }),
      { numRuns: 150 },
    );
  });
});
