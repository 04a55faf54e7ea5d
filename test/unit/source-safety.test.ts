// Source paths that could hang the load, exhaust memory or read outside where sources may be: each ends within
// seconds, with the rest of the sources read and a warning naming what was skipped.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readListedFiles, readSourceFile, readSourceFiles } from '../../src/core/sources/load.js';

const GOOD = 'The council voted on Monday to close the bridge.\n';

describe('reading sources safely', function () {
  this.timeout(15_000);
  let dir: string;
  let seeds: string;

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'groundwork-safety-')));
    seeds = join(dir, 'seeds');
    mkdirSync(seeds);
    writeFileSync(join(seeds, 'good.txt'), GOOD);
  });

  // `rm -rf`, not rmSync: Node's removal of 1,500 nested folders takes longer than the test.
  afterEach(() => execFileSync('rm', ['-rf', dir]));

  it('skips a named pipe in a folder, named directly, or found by a glob, without waiting for a writer', async () => {
    execFileSync('mkfifo', [join(seeds, 'pipe.txt')]);
    const started = performance.now();
    const { files, warnings } = await readSourceFiles([seeds, join(seeds, 'pipe.txt'), join(seeds, '*.txt')]);
    assert.ok(performance.now() - started < 5_000);
    assert.deepEqual(
      files.map((file) => file.text),
      [GOOD],
    );
    const pipe = { path: join(seeds, 'pipe.txt'), message: 'is a named pipe (FIFO), not a regular file' };
    // Once per input that names it, then once when listed.
    assert.deepEqual(warnings, [pipe, pipe, pipe]);
  });

  it('skips /dev/zero, /dev/urandom and a link to /dev/zero (a device has a size of 0 and no end)', async () => {
    symlinkSync('/dev/zero', join(seeds, 'zero.txt'));
    const { files, warnings } = await readSourceFiles([seeds, '/dev/zero', '/dev/urandom']);
    assert.deepEqual(
      files.map((file) => file.text),
      [GOOD],
    );
    assert.deepEqual(warnings, [
      { path: join(seeds, 'zero.txt'), message: 'is a device, not a regular file' },
      { path: '/dev/urandom', message: 'is a device, not a regular file' },
      { path: '/dev/zero', message: 'is a device, not a regular file' },
    ]);
  });

  it('reads no further than the limit when a file grows past it after it was listed, whatever stat said', async () => {
    const path = join(seeds, 'good.txt');
    const listed = [{ path, size: GOOD.length, mtimeMs: 0 }];
    writeFileSync(path, 'x'.repeat(10_000));
    const { files, warnings } = await readListedFiles(listed, { maxFileBytes: 100 });
    assert.deepEqual(files, []);
    assert.deepEqual(warnings, [{ path, message: 'too large (more than 100 bytes; the limit is 100)' }]);
  });

  it("skips a listed file that became a named pipe before it was read (the watcher's path too)", async () => {
    const path = join(seeds, 'good.txt');
    const listed = [{ path, size: GOOD.length, mtimeMs: 0 }];
    rmSync(path);
    execFileSync('mkfifo', [path]);
    const message = 'is a named pipe (FIFO), not a regular file';
    assert.deepEqual(await readListedFiles(listed), { files: [], warnings: [{ path, message }] });
    assert.deepEqual(await readSourceFile(path), { warning: { path, message } });
  });

  it('leaves the thread pool free: reading eight named pipes at once, then any other file, ends at once', async () => {
    const pipes = Array.from({ length: 8 }, (_, i) => join(seeds, `pipe-${i}.txt`));
    for (const pipe of pipes) execFileSync('mkfifo', [pipe]);
    const started = performance.now();
    // readSourceFile would refuse them by stat; this is the open itself, as when a file became a pipe after listing.
    const listed = pipes.map((path) => ({ path, size: 0, mtimeMs: 0 }));
    const { warnings } = await readListedFiles(listed);
    assert.equal(warnings.length, 8);
    assert.equal(await readFile(join(seeds, 'good.txt'), 'utf8'), GOOD);
    assert.ok(performance.now() - started < 5_000);
  });

  it('names dangling and looping links instead of skipping them silently', async () => {
    symlinkSync(join(dir, 'gone.txt'), join(seeds, 'dangling.txt'));
    symlinkSync(join(seeds, 'loop.txt'), join(seeds, 'loop.txt'));
    const { files, warnings } = await readSourceFiles([seeds]);
    assert.deepEqual(
      files.map((file) => file.text),
      [GOOD],
    );
    assert.deepEqual(warnings, [
      { path: join(seeds, 'dangling.txt'), message: 'a symbolic link to nothing usable (no such file or folder)' },
      { path: join(seeds, 'loop.txt'), message: 'a symbolic link to nothing usable (a symbolic link that loops)' },
    ]);
  });

  it('reads UTF-16 text with a byte-order mark instead of calling it binary', async () => {
    writeFileSync(
      join(seeds, 'le.txt'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kirby said “no”.', 'utf16le')]),
    );
    const big = Buffer.from('Kirby said yes.', 'utf16le').swap16();
    writeFileSync(join(seeds, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), big]));
    const { files, warnings } = await readSourceFiles([seeds]);
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      files.map((file) => file.text),
      ['Kirby said yes.', GOOD, 'Kirby said “no”.'],
    );
  });

  it('walks 1,500 nested folders in a few seconds', async () => {
    let deep = join(dir, 'deep');
    for (let i = 0; i < 1_500; i++) deep = join(deep, 'd');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'bottom.txt'), GOOD);
    const started = performance.now();
    const { files, warnings } = await readSourceFiles([join(dir, 'deep')]);
    assert.ok(performance.now() - started < 8_000, `took ${performance.now() - started} ms`);
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      files.map((file) => file.path),
      [join(deep, 'bottom.txt')],
    );
  });
});

describe('where sources may be', () => {
  let dir: string;
  let workspace: string;
  let outside: string;

  beforeEach(() => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), 'groundwork-confine-')));
    workspace = join(dir, 'workspace');
    outside = join(dir, 'outside');
    mkdirSync(join(workspace, 'seeds'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(workspace, 'seeds', 'good.txt'), GOOD);
    writeFileSync(join(outside, 'secret.txt'), 'The password is swordfish.\n');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const confine = () => ({ roots: [workspace], hint: 'name it in your own settings to use it' });

  it('refuses inputs outside the confinement (a path, a parent folder, a glob) with a warning naming each', async () => {
    const inputs = [
      join(workspace, 'seeds'),
      join(outside, 'secret.txt'),
      join(workspace, '..'),
      join(outside, '*.txt'),
    ];
    const { files, warnings } = await readSourceFiles(inputs, { confine: confine() });
    assert.deepEqual(
      files.map((file) => file.text),
      [GOOD],
    );
    const hint = 'name it in your own settings to use it';
    assert.deepEqual(warnings, [
      {
        path: join(outside, 'secret.txt'),
        message: `leads outside ${workspace} (to ${join(outside, 'secret.txt')}); ${hint}`,
      },
      { path: dir, message: `leads outside ${workspace} (to ${dir}); ${hint}` },
      { path: join(outside, '*.txt'), message: `leads outside ${workspace} (to ${outside}); ${hint}` },
    ]);
  });

  it('does not follow a link in a source folder out of the confinement, to a file or a folder', async () => {
    symlinkSync(join(outside, 'secret.txt'), join(workspace, 'seeds', 'secret.txt'));
    symlinkSync(outside, join(workspace, 'seeds', 'more'));
    symlinkSync(join(workspace, 'seeds', 'good.txt'), join(workspace, 'seeds', 'inside.txt'));
    const { files, warnings } = await readSourceFiles([join(workspace, 'seeds')], { confine: confine() });
    assert.deepEqual(
      files.map((file) => file.path),
      [join(workspace, 'seeds', 'good.txt'), join(workspace, 'seeds', 'inside.txt')],
    );
    assert.deepEqual(
      warnings.map((warning) => warning.path),
      [join(workspace, 'seeds', 'more'), join(workspace, 'seeds', 'secret.txt')],
    );
    // The watcher's path is confined too.
    const read = await readSourceFile(join(workspace, 'seeds', 'secret.txt'), { confine: confine() });
    assert.match(read.warning!.message, /^leads outside /);
  });

  it('never reads a draft as its own source, however the inputs name it', async () => {
    writeFileSync(join(workspace, 'draft.md'), 'The council voted on Monday.\n');
    symlinkSync(join(workspace, 'draft.md'), join(workspace, 'seeds', 'draft-link.md'));
    linkSync(join(workspace, 'draft.md'), join(workspace, 'seeds', 'draft-hard-link.md'));
    const exclude = [join(workspace, 'draft.md'), join(workspace, 'missing-draft.md')];
    const { files, warnings } = await readSourceFiles([workspace, join(workspace, 'missing.txt')], { exclude });
    assert.deepEqual(
      files.map((file) => file.path),
      [join(workspace, 'seeds', 'good.txt')],
    );
    const message = 'is a draft being checked: never its own source';
    assert.deepEqual(warnings, [
      // A missing draft is no reason to call a missing source a draft.
      { path: join(workspace, 'missing.txt'), message: 'no such file or folder' },
      { path: join(workspace, 'draft.md'), message },
      { path: join(workspace, 'seeds', 'draft-hard-link.md'), message },
      { path: join(workspace, 'seeds', 'draft-link.md'), message },
    ]);
  });
});
