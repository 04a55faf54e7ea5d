// `groundwork eval --out` that cannot be written: said plainly with exit code 2, never a stack trace.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the built CLI (`npm test` builds first). */
function groundwork(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('groundwork eval --out', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'gw-eval-out-'));
  const cases = join(dir, 'cases.jsonl');
  writeFileSync(cases, JSON.stringify({ id: 'a', source: 'The sky is blue.', claim: 'The sky is blue.' }) + '\n');

  it('refuses a folder before running any case', () => {
    const { code, stderr } = groundwork('eval', cases, '--out', dir);
    assert.equal(code, 2);
    assert.ok(stderr.startsWith(`groundwork: error: --out ${dir} is a folder; name the predictions file\n`), stderr);
    assert.doesNotMatch(stderr, /\n\s+at /);
  });

  it('names the file it cannot write', () => {
    const out = join(dir, 'missing', 'predictions.jsonl');
    const { code, stderr } = groundwork('eval', cases, '--out', out, '--jobs', '1');
    assert.equal(code, 2);
    assert.equal(stderr, `groundwork: error: ${out}: cannot write the predictions (ENOENT)\n`);
  });
});
