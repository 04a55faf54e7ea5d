import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

/** Runs the built CLI (`npm test` builds first) in the repository. */
function groundwork(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('groundwork check --format html', function () {
  this.timeout(60_000);

  it('writes one self-contained page for the sample draft and exits 1', () => {
    const { code, stdout, stderr } = groundwork(
      'check',
      '--no-cache',
      '--sources',
      'seeds',
      '--format',
      'html',
      'examples/draft.md',
    );
    assert.equal(code, 1);
    assert.equal(stderr, '');
    assert.match(stdout, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.match(stdout, /<title>Fact-check report: draft\.md<\/title>/);
    assert.equal(stdout.match(/<article class="row /g)?.length, 9);
    assert.ok(
      stdout.includes(
        '<b>5</b> contradicted</span><span class="count unsupported" data-verdict="unsupported"><b>1</b> unsupported',
      ),
    );
    assert.ok(stdout.includes('Some <mark>150</mark> members of the Afghan security forces'));
    assert.doesNotMatch(stdout, /<(link|img|iframe)\b|\bsrc="/, 'nothing is loaded from elsewhere');
  });

  it('names html among the formats when the format is unknown', () => {
    const { code, stderr } = groundwork('check', '--format', 'pdf', 'examples/draft.md');
    assert.equal(code, 2);
    assert.match(stderr, /unknown format 'pdf' \(text, json, sarif or html\)/);
  });
});
