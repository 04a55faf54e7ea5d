import { strict as assert } from 'node:assert';
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { decodeLibraryState, encodeLibraryState, InvalidCacheError } from '../../src/core/cache/format.js';
import { loadLibraryCached, type CacheStats } from '../../src/core/cache/load-cached.js';
import { mergeStates } from '../../src/core/cache/state.js';
import { cacheFileFor, readCache, writeCache } from '../../src/core/cache/store.js';
import { DraftChecker } from '../../src/core/checker.js';
import { INDEX_FORMAT_VERSION, loadLibrary, SourceLibrary, type LibraryState } from '../../src/core/library.js';

const seedPath = fileURLToPath(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url));
const ozyPath = fileURLToPath(new URL('../fixtures/drafts/ozy.md', import.meta.url));
const KIRBY = 'Pentagon spokesman John Kirby told reporters on Wednesday he could not confirm the requests';
const loadCachedPath = fileURLToPath(new URL('../../src/core/cache/load-cached.ts', import.meta.url));

/** Whole seconds: a time utimes sets and stat reads back exactly. */
const LONG_AGO = new Date('2020-01-01T00:00:00Z');
const LATER = new Date('2020-06-01T00:00:00Z');

/**
 * A sources folder holding the seed article and the Ozy draft (front matter: title, author, date), last modified
 * long before any cache is written, so that no test depends on how close the clock ticks are.
 */
function sourcesFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gw-cache-sources-'));
  copyFileSync(seedPath, join(dir, 'kabul.txt'));
  copyFileSync(ozyPath, join(dir, 'ozy.md'));
  for (const name of ['kabul.txt', 'ozy.md']) utimesSync(join(dir, name), LONG_AGO, LONG_AGO);
  return dir;
}

/** Replaces `from` with `to` (of the same length) in the file, keeping its size, and sets its modification time. */
function editInPlace(path: string, from: string, to: string, modified: Date): void {
  assert.equal(from.length, to.length);
  const before = readFileSync(path, 'utf8');
  writeFileSync(path, before.replace(from, to));
  utimesSync(path, modified, modified);
  assert.equal(statSync(path).size, Buffer.byteLength(before));
}

const counts = ({ read, reused, analysed, dropped }: CacheStats) => ({ read, reused, analysed, dropped });

const encode = (state: LibraryState) => Buffer.concat(encodeLibraryState(state).pieces);

const HEADER_BYTES = 40;
/** Where a cache file's checked part (all but the texts) ends, by the length its header gives. */
const checkedEnd = (file: Buffer) => HEADER_BYTES + Number(file.readBigUInt64LE(32));

/** A document's index terms as words, so states with differently numbered dictionaries compare. */
function termsOf(state: LibraryState): Record<string, string[]> {
  return Object.fromEntries(state.documents.map((d) => [d.document.path, [...d.termIds].map((id) => state.terms[id])]));
}

function searchSignature(library: SourceLibrary, text: string) {
  return library.search(text, 3).map((hit) => ({ path: hit.document.path, sentence: hit.sentence, score: hit.score }));
}

describe('index cache format', () => {
  let sources: string;
  let library: SourceLibrary;
  before(async () => {
    sources = sourcesFolder();
    ({ library } = await loadLibrary([sources]));
  });
  after(() => rmSync(sources, { recursive: true, force: true }));

  it('restores every document, sentence, quotation and index term exactly', () => {
    const state = library.exportState();
    const restored = decodeLibraryState(encode(state), INDEX_FORMAT_VERSION).state;
    assert.deepEqual(
      restored.documents.map((d) => d.document),
      state.documents.map((d) => d.document),
    );
    assert.deepEqual(termsOf(restored), termsOf(state));
    assert.deepEqual(
      restored.documents.map((d) => [...d.sentenceTermStarts]),
      state.documents.map((d) => [...d.sentenceTermStarts]),
    );
    const kabul = restored.documents.find((d) => d.document.path.endsWith('kabul.txt'))!.document;
    assert.equal(kabul.metadata.date, '2021-06-11');
    const kirby = kabul.sentences.find((sentence) => sentence.text.startsWith('Pentagon spokesman John Kirby'))!;
    assert.equal(kirby.text, kabul.text.slice(kirby.span.start, kirby.span.end));
  });

  it('restores every kind of text exactly, read in order or not: ASCII, Latin-1, wider (astral too), longer than a read-ahead', () => {
    const texts: Record<string, string> = {
      '/s/plain.txt': 'Plain words. '.repeat(45_000), // 585 KB: with the next ones, more than one read-ahead of 1 MiB
      '/s/latin1.txt': 'Café au lait, señor; Ærø. ',
      '/s/plain-2.txt': 'More plain words. '.repeat(33_000),
      '/s/wide.txt': '“Quoted,” she said — 雪 and 𝄞. ',
      '/s/long.txt': 'Ünïcödé 𝄞 text. '.repeat(70_000), // 1.3 MB of UTF-8: longer than a read-ahead
      '/s/empty.txt': '',
    };
    const state: LibraryState = {
      formatVersion: INDEX_FORMAT_VERSION,
      terms: [],
      documents: Object.entries(texts).map(([path, text]) => {
        const sentences = text ? [{ span: { start: 1, end: 9 }, text: text.slice(1, 9), paragraph: 0 }] : [];
        const document = { path, hash: 'h', text, metadata: { id: path }, sentences };
        return { document, termIds: new Uint32Array(0), sentenceTermStarts: new Uint32Array(sentences.length + 1) };
      }),
    };
    const file = encode(state);
    const inOrder = decodeLibraryState(file, INDEX_FORMAT_VERSION).state;
    assert.deepEqual(
      inOrder.documents.map((d) => d.document),
      state.documents.map((d) => d.document),
    );
    const backwards = decodeLibraryState(file, INDEX_FORMAT_VERSION)
      .state.documents.map((d) => d.document)
      .reverse();
    assert.deepEqual(
      backwards.map((d) => d.text),
      state.documents.map((d) => d.document.text).reverse(),
    );
  });

  it('saves a restored library byte for byte as it was read, whether or not its documents were read since', () => {
    const file = encode(library.exportState());
    const untouched = decodeLibraryState(file, INDEX_FORMAT_VERSION).state;
    assert.ok(encode(untouched).equals(file), 'saved again without reading any document');
    const partlyRead = decodeLibraryState(file, INDEX_FORMAT_VERSION).state;
    const [first, second] = partlyRead.documents.map((d) => d.document);
    assert.ok(first.text.length > 0 && second.sentences.length > 0);
    assert.ok(encode(partlyRead).equals(file), 'saved again after reading some texts and sentences');
    const restored = decodeLibraryState(encode(partlyRead), INDEX_FORMAT_VERSION).state;
    assert.deepEqual(
      restored.documents.map((d) => d.document),
      library.exportState().documents.map((d) => d.document),
    );
  });

  it("keeps the size and modification time of each document's file, and no stamp for a document without one", () => {
    const state = library.exportState();
    const [kabul, ozy] = state.documents.map((d) => d.document.path);
    const stamps = new Map([[kabul, { size: 5_000_000_123, mtimeMs: 1_764_209_999_123.25 }]]);
    const { stamps: restored } = decodeLibraryState(
      Buffer.concat(encodeLibraryState(state, stamps).pieces),
      INDEX_FORMAT_VERSION,
    );
    assert.deepEqual([...restored], [[kabul, { size: 5_000_000_123, mtimeMs: 1_764_209_999_123.25 }]]);
    assert.equal(restored.get(ozy), undefined);
  });

  it('a library imported from the file ranks passages exactly as the one that wrote it', () => {
    const restored = SourceLibrary.importState(
      decodeLibraryState(encode(library.exportState()), INDEX_FORMAT_VERSION).state,
    );
    const expected = searchSignature(library, KIRBY);
    assert.ok(expected[0].path.endsWith('kabul.txt'));
    assert.deepEqual(searchSignature(restored, KIRBY), expected);
  });

  it('drops the terms only removed documents used instead of carrying them from save to save', () => {
    const full = library.exportState();
    const state = { ...full, documents: full.documents.filter((d) => !d.document.path.endsWith('ozy.md')) };
    const restored = decodeLibraryState(encode(state), INDEX_FORMAT_VERSION).state;
    assert.ok(state.terms.includes('ozi'));
    assert.ok(!restored.terms.includes('ozi'));
    assert.deepEqual(new Set(restored.terms), new Set(Object.values(termsOf(state)).flat()));
    assert.deepEqual(termsOf(restored), termsOf(state));
  });

  it('merges states built apart (parallel shards, or a cache plus new files) into the library of all files', async () => {
    const kabulOnly = await loadLibrary([join(sources, 'kabul.txt')]);
    const ozyOnly = await loadLibrary([join(sources, 'ozy.md')]);
    const merged = SourceLibrary.importState(
      mergeStates([kabulOnly.library.exportState(), ozyOnly.library.exportState()]),
    );
    assert.deepEqual(
      merged.documents().map((d) => d.path),
      library.documents().map((d) => d.path),
    );
    assert.deepEqual(searchSignature(merged, KIRBY), searchSignature(library, KIRBY));
    const ozyQuery = 'Ozy Media founder Carlos Watson was charged with fraud';
    assert.deepEqual(searchSignature(merged, ozyQuery), searchSignature(library, ozyQuery));
  });

  it('rejects a damaged, truncated, foreign or other-version file', () => {
    const file = encode(library.exportState());
    const flipped = Buffer.from(file);
    flipped[Math.floor(checkedEnd(file) / 2)] ^= 0x20;
    const rejects = (bytes: Buffer, reason: RegExp, version = INDEX_FORMAT_VERSION) =>
      assert.throws(
        () => decodeLibraryState(bytes, version),
        (error: Error) => error instanceof InvalidCacheError && reason.test(error.message),
      );
    rejects(flipped, /checksum mismatch/);
    assert.ok(file.length - 100 > checkedEnd(file), 'cut inside the texts, which are not read at load');
    rejects(file.subarray(0, file.length - 100), /truncated/);
    rejects(file.subarray(0, checkedEnd(file) - 100), /truncated/);
    rejects(file.subarray(0, 10), /not a Groundwork index cache/);
    rejects(Buffer.from(readFileSync(seedPath)), /not a Groundwork index cache/);
    rejects(
      file,
      new RegExp(`index format ${INDEX_FORMAT_VERSION}, expected ${INDEX_FORMAT_VERSION + 1}`),
      INDEX_FORMAT_VERSION + 1,
    );
  });

  it('rejects a file with a correct checksum that describes an impossible index (a term id beyond the dictionary)', () => {
    const file = encode(library.exportState());
    // The first document's first term id: after the header, the three counts, two documents' stamps (2 f64 each)
    // and their columns (5 u32 each).
    const FIRST_TERM_ID = HEADER_BYTES + 3 * 4 + 2 * 16 + 2 * 20;
    file.writeUInt32LE(library.exportState().terms.length + 5, FIRST_TERM_ID);
    file.writeUInt32LE(crc32(file.subarray(HEADER_BYTES, checkedEnd(file))), 20);
    assert.throws(() => decodeLibraryState(file, INDEX_FORMAT_VERSION), /unknown term id/);
  });
});

describe('loadLibraryCached', () => {
  let sources: string;
  let cacheDir: string;
  beforeEach(() => {
    sources = sourcesFolder();
    cacheDir = mkdtempSync(join(tmpdir(), 'gw-cache-'));
  });
  afterEach(() => {
    rmSync(sources, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('analyses everything on the first run, then restores everything without analysis', async () => {
    const first = await loadLibraryCached([sources], { cacheDir });
    assert.equal(first.stats.cache, 'missing');
    assert.deepEqual([first.stats.files, first.stats.reused, first.stats.analysed], [2, 0, 2]);
    assert.ok(first.stats.bytesWritten > 0);

    const second = await loadLibraryCached([sources], { cacheDir });
    assert.equal(second.stats.cache, 'found');
    assert.deepEqual(
      [second.stats.reused, second.stats.analysed, second.stats.dropped, second.stats.bytesWritten],
      [2, 0, 0, 0],
    );
    const { library: fresh } = await loadLibrary([sources]);
    assert.deepEqual(
      second.library
        .documents()
        .map((d) => d.hash)
        .sort(),
      fresh
        .documents()
        .map((d) => d.hash)
        .sort(),
    );
    assert.deepEqual(searchSignature(second.library, KIRBY), searchSignature(fresh, KIRBY));
    assert.equal(second.library.get('ozy')?.metadata.title, 'Ozy Media founder charged with fraud');
  });

  it('re-analyses only the file that changed, and forgets the file that was deleted', async () => {
    await loadLibraryCached([sources], { cacheDir });
    const kabul = join(sources, 'kabul.txt');
    writeFileSync(kabul, readFileSync(kabul, 'utf8').replace('Some 150 members', 'Some 250 members'));
    const edited = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual([edited.stats.reused, edited.stats.analysed, edited.stats.dropped], [1, 1, 1]);
    assert.match(edited.library.get(kabul)!.text, /Some 250 members/);
    assert.deepEqual(
      searchSignature(edited.library, 'Some 250 members of the Afghan security forces were killed'),
      searchSignature(
        (await loadLibrary([sources])).library,
        'Some 250 members of the Afghan security forces were killed',
      ),
    );

    rmSync(join(sources, 'ozy.md'));
    const shrunk = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual([shrunk.stats.reused, shrunk.stats.analysed, shrunk.stats.dropped], [1, 0, 1]);
    assert.equal(shrunk.library.documents().length, 1);
    assert.equal(shrunk.library.get('ozy'), undefined);
  });

  it('rebuilds from the sources when the cache file is damaged, and saves a good one', async () => {
    await loadLibraryCached([sources], { cacheDir });
    const file = cacheFileFor(cacheDir, [sources]);
    const bytes = readFileSync(file);
    bytes[checkedEnd(bytes) - 7] ^= 0xff;
    writeFileSync(file, bytes);
    const rebuilt = await loadLibraryCached([sources], { cacheDir });
    assert.equal(rebuilt.stats.cache, 'invalid');
    assert.equal(rebuilt.stats.reason, 'checksum mismatch');
    assert.equal(rebuilt.stats.analysed, 2);
    assert.equal(readCache(file, INDEX_FORMAT_VERSION).status, 'found');
  });

  it('still loads when the cache cannot be written, and says why', async () => {
    const notAFolder = join(cacheDir, 'file');
    writeFileSync(notAFolder, 'in the way');
    const { library, stats } = await loadLibraryCached([sources], { cacheDir: notAFolder });
    assert.equal(library.documents().length, 2);
    assert.equal(stats.saveError, `${notAFolder} is not a folder`);
  });

  it('without a cache folder, analyses every file and writes nothing', async () => {
    const { stats } = await loadLibraryCached([sources]);
    assert.deepEqual([stats.cache, stats.analysed, stats.bytesWritten], ['disabled', 2, 0]);
  });

  it('reads no file on a warm start when every size and modification time is unchanged', async () => {
    const first = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual(counts(first.stats), { read: 2, reused: 0, analysed: 2, dropped: 0 });
    const second = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual(counts(second.stats), { read: 0, reused: 2, analysed: 0, dropped: 0 });
    assert.equal(second.stats.bytesWritten, 0);
  });

  it('reuses an unchanged file without opening it: unreadable but same size and time, it is restored', async function () {
    this.timeout(60_000);
    await loadLibraryCached([sources], { cacheDir });
    const kabul = join(sources, 'kabul.txt');
    chmodSync(kabul, 0o000);
    const unread = loadAsAnotherUser(sources, cacheDir);
    assert.deepEqual(unread.warnings, []);
    assert.deepEqual(counts(unread.stats), { read: 0, reused: 2, analysed: 0, dropped: 0 });
    assert.match(unread.kabulText, /Some 150 members/);

    // Once its size and time change, the file is read: still unreadable, it is skipped with a warning...
    chmodSync(kabul, 0o644);
    writeFileSync(kabul, readFileSync(kabul, 'utf8').replace('Some 150 members', 'Some 1500 members'));
    chmodSync(kabul, 0o000);
    const denied = loadAsAnotherUser(sources, cacheDir);
    assert.deepEqual(denied.warnings, [{ path: kabul, message: 'permission denied' }]);
    assert.deepEqual(counts(denied.stats), { read: 1, reused: 1, analysed: 0, dropped: 1 });
    // ...and once readable, it is analysed again.
    chmodSync(kabul, 0o644);
    const edited = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual(counts(edited.stats), { read: 1, reused: 1, analysed: 1, dropped: 1 });
    assert.match(edited.library.get(kabul)!.text, /Some 1500 members/);
  });

  it('re-analyses a file edited in place that kept its size, by its new modification time', async () => {
    await loadLibraryCached([sources], { cacheDir });
    const kabul = join(sources, 'kabul.txt');
    editInPlace(kabul, 'Some 150 members', 'Some 250 members', LATER);
    const edited = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual(counts(edited.stats), { read: 1, reused: 1, analysed: 1, dropped: 1 });
    assert.match(edited.library.get(kabul)!.text, /Some 250 members/);
    assert.equal(edited.library.search('Some 250 members of the Afghan security forces', 1)[0]?.document.path, kabul);
  });

  it('re-hashes a touched file, reuses its document as the content is the same, and saves its new time', async () => {
    await loadLibraryCached([sources], { cacheDir });
    utimesSync(join(sources, 'ozy.md'), LATER, LATER);
    const touched = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual(counts(touched.stats), { read: 1, reused: 2, analysed: 0, dropped: 0 });
    assert.ok(touched.stats.bytesWritten > 0, 'the new time is saved');
    const next = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual(counts(next.stats), { read: 0, reused: 2, analysed: 0, dropped: 0 });
  });

  // git's "racy clean" problem: a size and time that match prove nothing when the file may have changed in the
  // same clock tick as it was read. Decided as git does: a file whose time is not older than the cache file's is
  // re-hashed. An edit that keeps the size and puts back an older time (utimes, some copy tools) is not noticed,
  // as in git: touch the file, or run once with --no-cache.
  it('does not notice an edit that keeps the size and restores an older modification time, as git does not', async () => {
    await loadLibraryCached([sources], { cacheDir });
    const kabul = join(sources, 'kabul.txt');
    editInPlace(kabul, 'Some 150 members', 'Some 250 members', LONG_AGO);
    const fooled = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual(counts(fooled.stats), { read: 0, reused: 2, analysed: 0, dropped: 0 });
    assert.match(fooled.library.get(kabul)!.text, /Some 150 members/);
    const uncached = await loadLibraryCached([sources]);
    assert.match(uncached.library.get(kabul)!.text, /Some 250 members/);
  });

  it('re-hashes a file modified no earlier than the cache was written, so an edit in the same tick is seen', async () => {
    await loadLibraryCached([sources], { cacheDir });
    // As if the cache had been saved in the very millisecond the sources were last modified.
    utimesSync(cacheFileFor(cacheDir, [sources]), LONG_AGO, LONG_AGO);
    const kabul = join(sources, 'kabul.txt');
    editInPlace(kabul, 'Some 150 members', 'Some 250 members', LONG_AGO);
    const racy = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual(counts(racy.stats), { read: 2, reused: 1, analysed: 1, dropped: 1 });
    assert.match(racy.library.get(kabul)!.text, /Some 250 members/);
    const next = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual(counts(next.stats), { read: 0, reused: 2, analysed: 0, dropped: 0 });
  });

  it('reports progress for each analysed file', async () => {
    const seen: string[] = [];
    await loadLibraryCached([sources], { cacheDir, onProgress: (p) => seen.push(`${p.analysed}/${p.total}`) });
    assert.deepEqual(seen, ['1/2', '2/2']);
  });
});

describe('cache problems are a warning and a rebuild, never a failed load', () => {
  let sources: string;
  let cacheDir: string;
  let file: string;
  let kabul: string;
  let ozy: string;
  const sourceText = (path: string) => readFileSync(path, 'utf8');
  beforeEach(async () => {
    sources = sourcesFolder();
    cacheDir = mkdtempSync(join(tmpdir(), 'gw-cache-'));
    [kabul, ozy] = [join(sources, 'kabul.txt'), join(sources, 'ozy.md')];
    await loadLibraryCached([sources], { cacheDir });
    file = cacheFileFor(cacheDir, [sources]);
    // A whole second, which utimes sets exactly: a test can damage the file in place and put its time back.
    utimesSync(file, LATER, LATER);
  });
  afterEach(() => {
    rmSync(sources, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  /** Changes the first letter of `phrase` in the file's texts, leaving the file's size and times as they were. */
  function damageText(phrase: string): void {
    const bytes = readFileSync(file);
    const at = bytes.lastIndexOf(phrase);
    assert.ok(at > checkedEnd(bytes), `${phrase} is in the texts`);
    const descriptor = openSync(file, 'r+');
    writeSync(descriptor, Buffer.from([bytes[at] ^ 0x20]), 0, 1, at);
    closeSync(descriptor);
    utimesSync(file, LATER, LATER);
  }

  it('hands over documents as plain data: text and sentences are values, unchanged by later edits to any file', async () => {
    const { library, stats } = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual(counts(stats), { read: 0, reused: 2, analysed: 0, dropped: 0 });
    for (const document of library.documents()) {
      for (const key of ['text', 'sentences'] as const) {
        assert.equal(typeof Object.getOwnPropertyDescriptor(document, key)?.get, 'undefined', `${key} is no getter`);
      }
    }
    const kabulText = sourceText(kabul);
    // The issue 11 repro: warm load, the cache rewritten, a source edited; then the document is read and checked.
    writeCache(file, (await loadLibrary([ozy])).library.exportState());
    editInPlace(kabul, 'Some 150 members', 'Some 250 members', LATER);
    assert.equal(library.get(kabul)!.text, kabulText);
    const findings = new DraftChecker(library).check('Some 150 members of the Afghan security forces were killed.');
    assert.equal(findings[0].verdict, 'supported');
    assert.deepEqual(JSON.parse(JSON.stringify(library.documents())), library.documents());
  });

  it('re-reads and re-analyses a document whose cached text is damaged, even after a same-size, same-time source edit', async () => {
    damageText('Brooklyn hotel');
    // The edit keeps the size and the time the cache has for the file: only the damaged text gives it away.
    editInPlace(ozy, 'Brooklyn hotel', 'Brooklyn motel', LONG_AGO);
    const { library, stats } = await loadLibraryCached([sources], { cacheDir });
    assert.equal(stats.cache, 'found');
    assert.deepEqual(stats.damaged, [ozy]);
    assert.deepEqual(counts(stats), { read: 1, reused: 1, analysed: 1, dropped: 0 });
    assert.match(library.get(ozy)!.text, /Brooklyn motel/);
    // And the cache is repaired for the next run.
    const next = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual([next.stats.damaged, next.stats.read, next.stats.analysed], [[], 0, 0]);
    assert.match(next.library.get(ozy)!.text, /Brooklyn motel/);
  });

  it('treats a named pipe in place of the cache file as unusable, without waiting on it, and replaces it', async function () {
    this.timeout(10_000);
    rmSync(file);
    execFileSync('mkfifo', [file]);
    const { library, stats } = await loadLibraryCached([sources], { cacheDir });
    assert.equal(library.size, 2);
    assert.deepEqual([stats.cache, stats.reason], ['invalid', 'is a named pipe (FIFO), not a regular file']);
    assert.ok(statSync(file).isFile(), 'the pipe was replaced by a cache file');
  });

  it('never writes through a linked cache folder or .gitignore, and says why it did not save', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'gw-elsewhere-'));
    try {
      const linked = join(cacheDir, 'linked');
      symlinkSync(elsewhere, linked);
      const { library, stats } = await loadLibraryCached([sources], { cacheDir: linked });
      assert.equal(library.size, 2);
      assert.equal(stats.saveError, `${linked} is a symbolic link: the index is not written through it`);
      assert.deepEqual(readdirSync(elsewhere), []);

      const real = join(cacheDir, 'real');
      mkdirSync(real);
      symlinkSync(join(elsewhere, 'victim'), join(real, '.gitignore'));
      await loadLibraryCached([sources], { cacheDir: real });
      assert.deepEqual(readdirSync(elsewhere), [], 'the dangling link was not written through');
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('leaves no temporary file behind when the save fails', async () => {
    rmSync(file);
    mkdirSync(join(file, 'in-the-way'), { recursive: true });
    const { library, stats } = await loadLibraryCached([sources], { cacheDir });
    assert.equal(library.size, 2);
    assert.match(stats.saveError ?? '', /EISDIR|ENOTEMPTY|EEXIST/);
    assert.deepEqual(
      readdirSync(cacheDir).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  it('completes every run while another process rewrites the cache and the sources change', async function () {
    this.timeout(60_000);
    const script = `import { writeFileSync } from 'node:fs';
      import { loadLibraryCached } from ${JSON.stringify(loadCachedPath)};
      const text = ${JSON.stringify(sourceText(kabul))};
      for (let i = 0; i < 15; i++) {
        writeFileSync(${JSON.stringify(kabul)}, text.replace('Some 150', 'Some ' + (100 + i)));
        await loadLibraryCached([${JSON.stringify(sources)}], { cacheDir: ${JSON.stringify(cacheDir)} });
      }`;
    const other = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: 'inherit',
    });
    const exited = new Promise<number | null>((resolve) => other.on('exit', resolve));
    let runs = 0;
    let done = false;
    void exited.then(() => (done = true));
    while (!done || runs === 0) {
      const { library } = await loadLibraryCached([sources], { cacheDir });
      new DraftChecker(library).check('Some 150 members of the Afghan security forces were killed, Kirby said.');
      assert.equal(library.size, 2);
      runs++;
    }
    assert.equal(await exited, 0);
    assert.ok(runs > 0);
  });
});

describe('a cached run equals a run without the cache', () => {
  let sources: string;
  let cacheDir: string;
  beforeEach(() => {
    sources = sourcesFolder();
    cacheDir = mkdtempSync(join(tmpdir(), 'gw-cache-'));
  });
  afterEach(() => {
    rmSync(sources, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('after a source changes, whichever documents came from the cache: the same evidence, messages and scores', async () => {
    // Two copies of the article tie on every passage; the first in path order changes between runs, so a cached
    // run restores the second and analyses the first anew.
    const article = readFileSync(join(sources, 'kabul.txt'), 'utf8');
    writeFileSync(join(sources, 'copy.txt'), article);
    writeFileSync(join(sources, 'before.txt'), article.replace('Some 150 members', 'About 200 members'));
    await loadLibraryCached([sources], { cacheDir });
    writeFileSync(join(sources, 'before.txt'), article);
    const draft = readFileSync(fileURLToPath(new URL('../../examples/draft.md', import.meta.url)), 'utf8');
    const cached = await loadLibraryCached([sources], { cacheDir });
    assert.deepEqual([cached.stats.reused, cached.stats.analysed], [3, 1]);
    const fresh = await loadLibraryCached([sources]);
    const check = (library: SourceLibrary) => new DraftChecker(library).check(draft, { languageId: 'markdown' });
    const withCache = check(cached.library);
    assert.deepEqual(withCache, check(fresh.library));
    assert.equal(
      withCache.find((finding) => finding.verdict === 'supported')?.evidence[0]?.source,
      join(sources, 'before.txt'),
    );
  });
});

/**
 * A cached load in a child process that cannot read a file whose mode is 000: run as user "nobody" when the tests
 * run as root (root reads any file whatever its mode).
 */
function loadAsAnotherUser(
  sources: string,
  cacheDir: string,
): { stats: CacheStats; warnings: unknown[]; kabulText: string } {
  for (const dir of [sources, cacheDir]) chmodSync(dir, 0o755);
  const script = `import { loadLibraryCached } from ${JSON.stringify(loadCachedPath)};
    const { library, stats, warnings } = await loadLibraryCached([${JSON.stringify(sources)}], { cacheDir: ${JSON.stringify(cacheDir)} });
    console.log(JSON.stringify({ stats, warnings, kabulText: library.get(${JSON.stringify(join(sources, 'kabul.txt'))})?.text ?? '' }));`;
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    ...asNobody,
    encoding: 'utf8',
  });
  return JSON.parse(output);
}
