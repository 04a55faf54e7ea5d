// File names and source text are the writer's or a stranger's: printed to a terminal, written to SARIF or to
// the Markdown report, they must be shown as written and must not change what is around them.
import assert from 'node:assert/strict';
import { markdownReport } from '../../src/client/markdownReport.js';
import { printable } from '../../src/core/report/printable.js';
import { sarifReport } from '../../src/core/report/sarif.js';
import { textReport } from '../../src/core/report/text.js';
import type { Finding } from '../../src/core/types.js';
import { checkFixtureDraft, findingWith } from './server-fixture.js';

/** The fixture draft's wrong number, its source renamed and retitled, its text and message as given. */
async function hostileFinding(source: string, title: string, text: string, message: string): Promise<Finding> {
  const number = findingWith((await checkFixtureDraft()).findings, 'number');
  return { ...number, text, message, evidence: [{ ...number.evidence[0]!, source, title }] };
}

describe('output escaping', () => {
  it('writes control characters, line breaks and bidi overrides as their escapes', () => {
    assert.equal(
      printable('a\u001b[2Jb\u0007c\nd\re\tf\u202eg\u0085h é 😀'),
      'a\\x1b[2Jb\\x07c\\x0ad\\x0de\\x09f\\u202eg\\x85h é 😀',
    );
  });

  it('keeps a text finding on its own line whatever the file names and message hold', async () => {
    const finding = await hostileFinding(
      '/s/evil\u001b]0;owned\u0007.txt',
      'T',
      'x',
      'number 250\n/etc/passwd:1:1: contradicted: forged',
    );
    const lines = textReport([{ path: 'drafts/a\u001b[31mred.md', findings: [finding] }]).split('\n');
    assert.deepEqual(lines, [
      'drafts/a\\x1b[31mred.md:9:1: contradicted: number 250\\x0a/etc/passwd:1:1: contradicted: forged (evil\\x1b]0;owned\\x07.txt:29)',
      '1 contradicted, 0 unsupported, 0 supported in 1 draft',
      '',
    ]);
  });

  it('percent-encodes SARIF URIs', async () => {
    const finding = await hostileFinding('/work/seeds/50% off #1?.txt', 'T', 'x', 'm');
    const [result] = sarifReport([{ path: '/work/drafts/a b#c.md', findings: [finding] }], '/work', '0.1.0').runs[0]!
      .results;
    assert.equal(result!.locations[0]!.physicalLocation.artifactLocation.uri, 'drafts/a%20b%23c.md');
    assert.equal(result!.relatedLocations[0]!.physicalLocation.artifactLocation.uri, 'seeds/50%25%20off%20%231%3F.txt');
    const outside = sarifReport([{ path: '/elsewhere/a b.md', findings: [finding] }], '/work', '0.1.0').runs[0]!
      .results[0]!;
    assert.equal(outside.locations[0]!.physicalLocation.artifactLocation.uri, 'file:///elsewhere/a%20b.md');
  });

  it('escapes paths, titles, messages and draft text in the Markdown report', async () => {
    const finding = await hostileFinding(
      '/s/a`b.txt',
      '<script>alert(1)</script>',
      'See [here](http://evil) *now*\n# Heading',
      '**250** <b>',
    );
    const lines = markdownReport(
      [{ path: 'drafts/#1 <i>.md', findings: [finding] }],
      new Date('2026-11-27T10:00:00Z'),
    ).split('\n');
    assert.equal(lines[4], '## drafts/\\#1 \\<i\\>.md');
    assert.deepEqual(lines.slice(10, 13), [
      '- **line 9** (claim): See \\[here\\](http://evil) \\*now\\* \\# Heading',
      '  - \\*\\*250\\*\\* \\<b\\>',
      '  - Source: \\<script\\>alert(1)\\</script\\>, ``a`b.txt`` line 29, 2021-06-11',
    ]);
  });
});
