// `groundwork check` given special files, links out of its folders and a hostile cache folder: every run ends
// within seconds, with a warning naming what was skipped, and checks against the rest.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const SEED = resolve('seeds/000_f04d67d5c7de7c34.txt');
const CLI = resolve('dist/cli.cjs');
const QUOTE = 'Some 250 members of the Afghan security forces have been killed.\n';

/** Runs the built CLI in `cwd`; killed after 30 s, which the test then reports as a hang. */
function groundwork(cwd: string, ...args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  assert.equal(result.signal, null, `hung: ${args.join(' ')}`);
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

describe('groundwork check with hostile inputs', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gw-hostile-'));
    mkdirSync(join(dir, 'seeds'));
    copyFileSync(SEED, join(dir, 'seeds', 'kabul.txt'));
    writeFileSync(join(dir, 'draft.md'), QUOTE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('skips devices and named pipes given as sources or found in a folder, and checks against the rest', () => {
    execFileSync('mkfifo', [join(dir, 'seeds', 'pipe.txt')]);
    const run = groundwork(
      dir,
      'check',
      '--no-cache',
      '--sources',
      'seeds',
      '--sources',
      '/dev/zero',
      '--sources',
      '/dev/urandom',
      'draft.md',
    );
    assert.equal(run.code, 1);
    assert.match(run.stdout, /number 250 — the source says 150 \(kabul\.txt:29\)/);
    assert.deepEqual(
      run.stderr.trimEnd().split('\n'),
      [
        // Listed in path order.
        `groundwork: warning: ${join(dir, 'seeds', 'pipe.txt')}: is a named pipe (FIFO), not a regular file`,
        'groundwork: warning: /dev/urandom: is a device, not a regular file',
        'groundwork: warning: /dev/zero: is a device, not a regular file',
      ].map((line) => expect(line, run.stderr)),
    );
    assert.ok(run.ms < 20_000, `took ${run.ms} ms`);
  });

  it('does not wait on a named pipe given as the draft', () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const run = groundwork(dir, 'check', '--no-cache', 'pipe.md', 'draft.md');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /pipe\.md: cannot read the draft \(is a named pipe \(FIFO\), not a regular file\)/);
  });

  it('follows a link out of a source folder only with --follow-links, and says so', () => {
    const outside = join(dir, 'outside');
    mkdirSync(outside);
    copyFileSync(SEED, join(outside, 'elsewhere.txt'));
    rmSync(join(dir, 'seeds', 'kabul.txt'));
    writeFileSync(join(dir, 'seeds', 'other.txt'), 'The council voted on Monday.\n');
    symlinkSync(join(outside, 'elsewhere.txt'), join(dir, 'seeds', 'linked.txt'));
    const confined = groundwork(dir, 'check', '--no-cache', 'draft.md');
    assert.match(
      confined.stderr,
      /seeds\/linked\.txt: leads outside .*seeds \(to .*outside\/elsewhere\.txt\); pass --follow-links to use it/,
    );
    assert.match(confined.stdout, /unsupported/);
    const followed = groundwork(dir, 'check', '--no-cache', '--follow-links', 'draft.md');
    assert.equal(followed.stderr, '');
    assert.match(followed.stdout, /number 250 — the source says 150 \(linked\.txt:29\)/);
  });

  it('never checks a draft against itself, however the sources include it', () => {
    writeFileSync(join(dir, 'claim.md'), 'The mayor of Springfield resigned in a letter to the council on Friday.\n');
    const run = groundwork(dir, 'check', '--no-cache', '--sources', '.', 'claim.md');
    assert.match(run.stderr, /claim\.md: is a draft being checked: never its own source/);
    assert.equal(
      run.stdout,
      'claim.md:1:1: unsupported: no source says this\n0 contradicted, 1 unsupported, 0 supported in 1 draft\n',
    );
  });

  it('rebuilds around a named pipe in place of the cache file, and survives a cache folder it cannot write', () => {
    const cache = join(dir, 'cache');
    const first = groundwork(dir, 'check', '--cache-dir', cache, 'draft.md');
    const [file] = readdirSync(cache).filter((name) => name.endsWith('.gwcache'));
    rmSync(join(cache, file));
    execFileSync('mkfifo', [join(cache, file)]);
    const piped = groundwork(dir, 'check', '--cache-dir', cache, 'draft.md');
    assert.match(piped.stderr, /is a named pipe \(FIFO\), not a regular file; the index was rebuilt/);
    assert.equal(piped.stdout, first.stdout);
    const proc = groundwork(dir, 'check', '--cache-dir', '/proc/x', 'draft.md');
    assert.match(proc.stderr, /the index could not be saved for next time/);
    assert.equal(proc.stdout, first.stdout);
  });
});

/** `line`, after checking that the output has it (so a failure shows the whole output). */
function expect(line: string, output: string): string {
  assert.ok(output.includes(line), `missing: ${line}\nin:\n${output}`);
  return line;
}
