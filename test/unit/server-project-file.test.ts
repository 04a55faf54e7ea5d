// `.groundwork.json` is the workspace's: whatever it is, reading it ends at once and writing it never lands
// outside the folder or loses what it held.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addIgnoredFinding, readProjectFile } from '../../src/server/projectFile.js';

describe('server: .groundwork.json that is not what it seems', () => {
  let folder: string;
  let elsewhere: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'groundwork-project-'));
    elsewhere = mkdtempSync(join(tmpdir(), 'groundwork-elsewhere-'));
  });
  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });
  const project = () => join(folder, '.groundwork.json');
  const entry = { fingerprint: 'fedcba9876543210', note: 'Wrong date' };

  it('reports a named pipe by name at once, and will not write over it', () => {
    execFileSync('mkfifo', [project()]);
    assert.deepEqual(readProjectFile(folder), { error: `${project()}: is a named pipe (FIFO), not a regular file` });
    assert.throws(() => addIgnoredFinding(folder, entry), {
      message: `${project()}: not saved: is a named pipe (FIFO), not a regular file`,
    });
  });

  it('does not turn an array into {"0": …}: the file is left as it was, and the error names it', () => {
    writeFileSync(project(), '["seeds"]\n');
    assert.throws(() => addIgnoredFinding(folder, entry), {
      message: `${project()}: not saved: it does not hold a JSON object`,
    });
    assert.equal(readFileSync(project(), 'utf8'), '["seeds"]\n');
  });

  it('never writes through a link, to a file or to nothing', () => {
    writeFileSync(join(elsewhere, 'target.json'), '{}');
    symlinkSync(join(elsewhere, 'target.json'), project());
    assert.throws(() => addIgnoredFinding(folder, entry), {
      message: `${project()}: not saved: it is a symbolic link`,
    });
    rmSync(project());
    symlinkSync(join(elsewhere, 'new.json'), project());
    assert.throws(() => addIgnoredFinding(folder, entry), {
      message: `${project()}: not saved: it is a symbolic link`,
    });
    assert.deepEqual(readdirSync(elsewhere), ['target.json']);
    assert.equal(readFileSync(join(elsewhere, 'target.json'), 'utf8'), '{}');
  });

  it('refuses junk instead of writing "[object Object]", and leaves no temporary file after a save', () => {
    for (const fingerprint of ['[object Object]', '', 'fedcba98765432100', 42 as unknown as string]) {
      assert.throws(() => addIgnoredFinding(folder, { fingerprint }), /not saved: .* is not a finding's fingerprint/);
    }
    assert.deepEqual(readdirSync(folder), []);
    addIgnoredFinding(folder, entry);
    assert.deepEqual(readdirSync(folder), ['.groundwork.json']);
    assert.deepEqual(JSON.parse(readFileSync(project(), 'utf8')), { ignore: [entry] });
  });
});
