import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listSourceFiles, readSourceFile, readSourceFiles } from '../../src/core/sources/load.js';
import { readMetadata } from '../../src/core/sources/metadata.js';

const seedPath = fileURLToPath(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url));
const seed = readFileSync(seedPath, 'utf8');
const SEED_SHA256 = '37e217b5d0b593783d3ac628e8d02e560976c9f1843327d70202e703593398a1'; // `sha256sum` of the file
const ozy = readFileSync(new URL('../fixtures/drafts/ozy.md', import.meta.url), 'utf8');

describe('readMetadata', () => {
  it('reads the seed article\'s leading "date" marker as its date; the body starts after it', () => {
    const { metadata, body } = readMetadata(seedPath, seed);
    assert.deepEqual(metadata, { id: '000_f04d67d5c7de7c34', date: '2021-06-11' });
    assert.deepEqual(body, { start: seed.indexOf('The Biden administration'), end: seed.length });
  });

  it('reads Markdown front matter; the body starts at the first heading', () => {
    const { metadata, body } = readMetadata('/drafts/ozy.md', ozy);
    assert.deepEqual(metadata, {
      id: 'ozy',
      title: 'Ozy Media founder charged with fraud',
      author: 'Desk draft',
      date: '2023-02-24',
    });
    assert.equal(body.start, ozy.indexOf('# Ozy Media founder arrested'));
  });

  it('unquotes values, keeps colons in URLs, takes the citation key from `id` and ignores other keys', () => {
    const text =
      "---\r\ntitle: \"Kabul airport: Turkey's offer\"\r\nurl: https://example.org/a?b=1#c\r\nid: 'kabul-2021'\r\n" +
      'tags: [a, b]\r\nauthor: Jane Doe # desk\r\ndate: "June 11, 2021"\r\n---\r\n\r\nBody.';
    assert.deepEqual(readMetadata('/s/other-name.md', text), {
      metadata: {
        id: 'kabul-2021',
        title: "Kabul airport: Turkey's offer",
        url: 'https://example.org/a?b=1#c',
        author: 'Jane Doe',
        date: '2021-06-11',
      },
      body: { start: text.indexOf('Body.'), end: text.length },
    });
  });

  it('normalises dates to YYYY-MM-DD and drops impossible ones', () => {
    const dateOf = (value: string) => readMetadata('/s/a.md', `---\ndate: ${value}\n---\nx`).metadata.date;
    assert.equal(dateOf('2021-6-1'), '2021-06-01');
    assert.equal(dateOf('2023-02-24T09:30:00Z'), '2023-02-24');
    assert.equal(dateOf('11 June 2021'), '2021-06-11');
    assert.equal(dateOf('2021-02-30'), undefined);
    assert.equal(dateOf('sometime'), undefined);
  });

  it('reads a date marker after front matter, and names a file without metadata by its stem', () => {
    const text = '---\ntitle: T\n---\ndate 2020-01-31 Officials said.';
    assert.deepEqual(readMetadata('/s/a.b.txt', text), {
      metadata: { id: 'a.b', title: 'T', date: '2020-01-31' },
      body: { start: text.indexOf('Officials'), end: text.length },
    });
    assert.deepEqual(readMetadata('x.txt', '\n  Plain text.'), { metadata: { id: 'x' }, body: { start: 3, end: 14 } });
  });
});

describe('readSourceFiles', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'groundwork-sources-'));
    chmodSync(dir, 0o755);
    copyFileSync(seedPath, join(dir, 'seed.txt'));
    writeFileSync(join(dir, 'b.md'), '---\ntitle: B\n---\nKirby said so.\n');
    mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'nested', 'deeper', 'c.markdown'), 'Deep.');
    writeFileSync(join(dir, 'nested', 'notes.pdf'), 'not a source extension');
    for (const hidden of ['.hidden', 'node_modules']) {
      mkdirSync(join(dir, hidden));
      writeFileSync(join(dir, hidden, 'x.txt'), 'skipped');
    }
    writeFileSync(join(dir, '.dotfile.txt'), 'skipped');
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a folder recursively, sorted, skipping hidden files, node_modules and other extensions', async () => {
    const { files, warnings } = await readSourceFiles([dir]);
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      files.map((file) => file.path),
      [join(dir, 'b.md'), join(dir, 'nested', 'deeper', 'c.markdown'), join(dir, 'seed.txt')],
    );
    const seedFile = files[2]!;
    assert.equal(seedFile.text, seed);
    assert.equal(seedFile.hash, SEED_SHA256);
  });

  it('skips binary, non-UTF-8 and oversized files with a warning naming each, and reads the rest', async () => {
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait', 'latin1'));
    writeFileSync(join(dir, 'huge.md'), 'x'.repeat(5_001));
    const { files, warnings } = await readSourceFiles([dir], { maxFileBytes: 5_000 });
    assert.deepEqual(
      files.map((file) => relative(dir, file.path)),
      ['b.md', join('nested', 'deeper', 'c.markdown'), 'seed.txt'],
    );
    assert.deepEqual(warnings, [
      { path: join(dir, 'huge.md'), message: 'too large (5,001 bytes; the limit is 5,000)' },
      { path: join(dir, 'image.txt'), message: 'binary file (contains NUL bytes)' },
      { path: join(dir, 'latin1.txt'), message: 'not valid UTF-8 text' },
    ]);
  });

  it('warns about a missing input, an empty folder and a glob that matches nothing, and still reads the rest', async () => {
    mkdirSync(join(dir, 'empty'));
    const { files, warnings } = await readSourceFiles([
      join(dir, 'missing.txt'),
      join(dir, 'empty'),
      join(dir, '*.rst'),
      join(dir, 'b.md'),
    ]);
    assert.deepEqual(
      files.map((file) => file.path),
      [join(dir, 'b.md')],
    );
    assert.deepEqual(warnings, [
      { path: join(dir, 'missing.txt'), message: 'no such file or folder' },
      { path: join(dir, 'empty'), message: 'folder has no source files (.txt, .md, .markdown)' },
      { path: join(dir, '*.rst'), message: 'pattern matches no source files (.txt, .md, .markdown)' },
    ]);
  });

  it('expands globs relative to the working folder, with ** and braces, and reads each file once', async () => {
    const base = relative(process.cwd(), dir);
    const { files, warnings } = await readSourceFiles([
      `${base}/**/*.{md,markdown}`,
      `${base}/*.txt`,
      join(dir, 'b.md'),
    ]);
    assert.deepEqual(warnings, []);
    assert.deepEqual(
      files.map((file) => file.path),
      [join(dir, 'b.md'), join(dir, 'nested', 'deeper', 'c.markdown'), join(dir, 'seed.txt')],
    );
    const shallow = await readSourceFiles([`${base}/*/*`]);
    assert.deepEqual(shallow.files, [], 'one level down holds only notes.pdf');
  });

  it('reads one named file whatever its extension, dropping a UTF-8 byte-order mark from the text only', async () => {
    const path = join(dir, 'nested', 'notes.pdf');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Kirby said.')]));
    const result = await readSourceFile(path);
    assert.equal(result.file?.text, 'Kirby said.');
    assert.equal(result.file?.hash, '13a829e3983eafd77a86ee6c57f09d43bd51c59c2f9c53ab54353246b52010ad');
    assert.deepEqual(await readSourceFile(dir), { warning: { path: dir, message: 'is a folder, not a file' } });
  });

  it('lists files sorted with their size and modification time, without reading them', async () => {
    const modified = new Date('2021-06-11T08:30:00Z');
    utimesSync(join(dir, 'b.md'), modified, modified);
    writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    writeFileSync(join(dir, 'huge.md'), 'x'.repeat(5_001));
    const { files, warnings } = await listSourceFiles([join(dir, 'missing.txt'), dir], { maxFileBytes: 5_000 });
    assert.deepEqual(
      files.map((file) => relative(dir, file.path)),
      ['b.md', 'image.txt', join('nested', 'deeper', 'c.markdown'), 'seed.txt'],
      'a binary file is only found out by reading it',
    );
    assert.deepEqual(files[0], { path: join(dir, 'b.md'), size: 32, mtimeMs: modified.getTime() });
    assert.equal(files[3]!.size, Buffer.byteLength(seed));
    assert.deepEqual(warnings, [
      { path: join(dir, 'missing.txt'), message: 'no such file or folder' },
      { path: join(dir, 'huge.md'), message: 'too large (5,001 bytes; the limit is 5,000)' },
    ]);
  });

  it('skips a file it has no permission to read, with a warning', function () {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'classified');
    chmodSync(secret, 0o000);
    // Root reads any file whatever its mode, so as root the load runs in a child process as user "nobody".
    const script = `import { readSourceFiles } from ${JSON.stringify(fileURLToPath(new URL('../../src/core/sources/load.ts', import.meta.url)))};
      console.log(JSON.stringify(await readSourceFiles([${JSON.stringify(dir)}])));`;
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      ...asNobody,
      encoding: 'utf8',
    });
    const { files, warnings } = JSON.parse(output);
    assert.equal(files.length, 3);
    assert.deepEqual(warnings, [{ path: secret, message: 'permission denied' }]);
  });
});
