// A plain-text article's headline, on its first line, is the source's title: messages name the article.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DraftChecker } from '../../src/core/checker.js';
import { SourceLibrary } from '../../src/core/library.js';
import { readMetadata } from '../../src/core/sources/metadata.js';
import { describeSource } from '../../src/server/sourceLabel.js';

const HEADLINE = 'Turkey offers to guard Kabul airport after NATO leaves';
const seedBody = readFileSync('seeds/000_f04d67d5c7de7c34.txt', 'utf8').replace(/^\s*date \S+ /, '');
const titleOf = (path: string, text: string) => readMetadata(path, text).metadata.title;

describe('plain-text source titles', () => {
  it('takes a short first line without a sentence end as the title, and keeps it in the body', () => {
    const text = `${HEADLINE}\n\n${seedBody}`;
    assert.deepEqual(readMetadata('/s/kabul.txt', text), {
      metadata: { id: 'kabul', title: HEADLINE },
      body: { start: 0, end: text.length },
    });
    assert.equal(titleOf('/s/KABUL.TXT', `  ${HEADLINE}  \r\nBody.`), HEADLINE);
    assert.equal(titleOf('/s/kabul.txt', `date 2021-06-11 ${HEADLINE}\nBody.`), HEADLINE);
    assert.equal(titleOf('/s/kabul.txt', `\n\n“Kabul is the key,” says Akar\nBody.`), '“Kabul is the key,” says Akar');
  });

  it('takes no title from a first line of prose, a long line, a lone line, or a line without words', () => {
    assert.equal(titleOf('/s/seed.txt', readFileSync('seeds/000_f04d67d5c7de7c34.txt', 'utf8')), undefined);
    assert.equal(titleOf('/s/a.txt', 'Officials met on Monday.\nMore.'), undefined);
    assert.equal(titleOf('/s/a.txt', 'Did they meet?\nMore.'), undefined);
    assert.equal(titleOf('/s/a.txt', 'He said: “We will stay.”\nMore.'), undefined);
    assert.equal(titleOf('/s/a.txt', 'The minister listed the conditions,\nthen left.'), undefined);
    assert.equal(titleOf('/s/a.txt', `${'word '.repeat(30)}\nMore.`), undefined);
    assert.equal(titleOf('/s/a.txt', HEADLINE), undefined);
    assert.equal(titleOf('/s/a.txt', '* * *\nMore.'), undefined);
  });

  it('leaves Markdown to its front matter, and front matter wins in a .txt file', () => {
    assert.equal(titleOf('/s/a.md', `${HEADLINE}\n\nBody.`), undefined);
    assert.equal(titleOf('/s/a.txt', `---\ntitle: From front matter\n---\n${HEADLINE}\nBody.`), 'From front matter');
  });

  it('names the article, not the file, where a finding shows its source', () => {
    const library = new SourceLibrary();
    library.upsert('sources/export-0192.txt', `${HEADLINE}\n\n${seedBody}`);
    const [finding] = new DraftChecker(library).check(
      'Some 250 members of the Afghan security forces were killed or wounded in attacks across the country.',
    );
    assert.equal(finding.verdict, 'contradicted');
    assert.equal(finding.evidence[0].title, HEADLINE);
    assert.equal(describeSource(finding.evidence[0]), `${HEADLINE} (export-0192.txt), line 31`);
  });
});
