import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFreshState, loadLibraryCached } from '../../src/core/cache/load-cached.js';
import { loadLibrary, type SourceLibrary } from '../../src/core/library.js';
import { chunk } from '../../src/core/worker/analyse-in-workers.js';
import { loadLibraryFreshOrInWorker, loadLibraryInWorker } from '../../src/core/worker/load-in-worker.js';

const seed = readFileSync(fileURLToPath(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url)), 'utf8');
const KIRBY = 'Pentagon spokesman John Kirby told reporters on Wednesday he could not confirm the requests';

/**
 * A folder of `count` reports, each the seed article with a different casualty figure, so each is its own
 * document (own hash) and analysing all of them takes a noticeable while.
 */
function reportsFolder(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'gw-worker-sources-'));
  mkdirSync(join(dir, 'reports'));
  for (let n = 0; n < count; n++) {
    writeFileSync(join(dir, 'reports', `report-${n}.txt`), seed.replace('Some 150 members', `Some ${150 + n} members`));
  }
  return dir;
}

const signature = (hits: { document: { path: string }; sentence: number; score: number }[]) =>
  hits.map((hit) => `${hit.document.path}#${hit.sentence}:${hit.score.toFixed(6)}`);

describe('loadLibraryInWorker', () => {
  let sources: string;
  before(() => {
    sources = reportsFolder(40);
  });
  after(() => rmSync(sources, { recursive: true, force: true }));

  it('builds the same library as loading on this thread', async () => {
    const { library: here } = await loadLibraryInWorker([sources]);
    const { library: expected } = await loadLibrary([sources]);
    assert.equal(here.documents().length, 40);
    assert.deepEqual(
      here.documents().map((d) => d.hash),
      expected.documents().map((d) => d.hash),
    );
    assert.deepEqual(
      here.get(join(sources, 'reports', 'report-7.txt'))?.sentences,
      expected.get(join(sources, 'reports', 'report-7.txt'))?.sentences,
    );
    assert.deepEqual(signature(here.search(KIRBY, 5)), signature(expected.search(KIRBY, 5)));
    const figure = here.search('Some 157 members of the Afghan security forces were killed', 1)[0];
    assert.equal(figure.document.path, join(sources, 'reports', 'report-7.txt'));
  });

  it('reuses the persisted index on the next start', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'gw-worker-cache-'));
    try {
      const cold = await loadLibraryInWorker([sources], { cacheDir });
      const warm = await loadLibraryInWorker([sources], { cacheDir });
      assert.deepEqual([cold.stats.cache, cold.stats.analysed], ['missing', 40]);
      assert.deepEqual([warm.stats.cache, warm.stats.reused, warm.stats.analysed], ['found', 40, 0]);
      assert.deepEqual(signature(warm.library.search(KIRBY, 5)), signature(cold.library.search(KIRBY, 5)));
    } finally {
      rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('passes on the warnings of inputs it cannot read', async () => {
    const missing = join(sources, 'no-such-folder');
    const { library, warnings } = await loadLibraryInWorker([sources, missing]);
    assert.equal(library.documents().length, 40);
    assert.deepEqual(warnings, [{ path: missing, message: 'no such file or folder' }]);
  });

  it('reports progress, ending with every file analysed', async () => {
    const reports: { analysed: number; total: number }[] = [];
    await loadLibraryInWorker([sources], { onProgress: ({ analysed, total }) => reports.push({ analysed, total }) });
    assert.ok(reports.length >= 1);
    assert.deepEqual(reports.at(-1), { analysed: 40, total: 40 });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const loading = loadLibraryInWorker([sources], { signal: controller.signal });
    controller.abort();
    await assert.rejects(loading, { name: 'AbortError' });
  });
});

describe('loadLibraryFreshOrInWorker, the language server load', () => {
  let sources: string;
  let cacheDir: string;
  before(() => {
    sources = reportsFolder(40);
    cacheDir = mkdtempSync(join(tmpdir(), 'gw-worker-cache-'));
  });
  after(() => {
    rmSync(sources, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('restores a fresh cache on this thread, and loads through the worker while a file must be read', async () => {
    const cold = await loadLibraryFreshOrInWorker([sources], { cacheDir });
    assert.deepEqual([cold.stats.cache, cold.stats.analysed], ['missing', 40]);
    assert.ok(await loadFreshState([sources], { cacheDir }), 'the saved cache vouches for every file');
    const warm = await loadLibraryFreshOrInWorker([sources], { cacheDir });
    assert.deepEqual([warm.stats.cache, warm.stats.read, warm.stats.analysed], ['found', 0, 0]);
    assert.deepEqual(signature(warm.library.search(KIRBY, 5)), signature(cold.library.search(KIRBY, 5)));

    const added = join(sources, 'reports', 'report-added.txt');
    writeFileSync(added, seed.replace('Some 150 members', 'Some 999 members'));
    // Modified well before the next save, so that no clock tick leaves it racily clean.
    utimesSync(added, new Date('2020-01-01'), new Date('2020-01-01'));
    assert.equal(await loadFreshState([sources], { cacheDir }), undefined);
    const grown = await loadLibraryFreshOrInWorker([sources], { cacheDir });
    assert.deepEqual([grown.stats.reused, grown.stats.analysed], [40, 1]);
    const expected = await loadLibraryCached([sources]);
    assert.deepEqual(signature(grown.library.search(KIRBY, 5)), signature(expected.library.search(KIRBY, 5)));
    assert.ok(await loadFreshState([sources], { cacheDir }), 'fresh again once saved');

    rmSync(added);
    assert.equal(await loadFreshState([sources], { cacheDir }), undefined, 'a cached document without its file');
  });

  it('stops when cancelled, fresh cache or not', async () => {
    await loadLibraryFreshOrInWorker([sources], { cacheDir });
    const controller = new AbortController();
    const loading = loadLibraryFreshOrInWorker([sources], { cacheDir, signal: controller.signal });
    controller.abort();
    await assert.rejects(loading, { name: 'AbortError' });
  });
});

describe('parallel builds', () => {
  let large: string;
  let onThisThreadMs: number;
  let onThisThread: SourceLibrary;
  before(async () => {
    large = reportsFolder(300);
    const started = performance.now();
    ({ library: onThisThread } = await loadLibraryCached([large], { workers: 1 }));
    onThisThreadMs = performance.now() - started;
  });
  after(() => rmSync(large, { recursive: true, force: true }));

  it('two workers build the same library as one thread: same documents in the same order, same rankings', async () => {
    const { library, stats } = await loadLibraryCached([large], { workers: 2 });
    assert.equal(stats.workers, 2);
    assert.deepEqual(
      library.documents().map((d) => d.path),
      onThisThread.documents().map((d) => d.path),
    );
    assert.deepEqual(signature(library.search(KIRBY, 5)), signature(onThisThread.search(KIRBY, 5)));
    const figure = 'Some 437 members of the Afghan security forces were killed';
    assert.deepEqual(signature(library.search(figure, 3)), signature(onThisThread.search(figure, 3)));
    assert.equal(library.search(figure, 1)[0].document.path, join(large, 'reports', 'report-287.txt'));
  });

  it('cuts the files into contiguous chunks of at most the given size; a larger file is a chunk of its own', () => {
    const files = [10, 10, 10, 40, 10, 10, 10].map((length, i) => ({
      path: `/s/${i}.txt`,
      text: 'x'.repeat(length),
      hash: String(i),
    }));
    const names = (chunks: { path: string }[][]) =>
      chunks.map((part) => part.map((file) => file.path.slice(3, 4)).join(''));
    assert.deepEqual(names(chunk(files, 30)), ['012', '3', '456']);
    assert.deepEqual(names(chunk(files, 60)), ['012', '345', '6']);
    assert.deepEqual(names(chunk(files, 70)), ['0123', '456']);
    assert.deepEqual(chunk([], 30), []);
  });

  it('keeps this thread free while it analyses: timers fire throughout', async () => {
    let last = performance.now();
    let longestGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    await loadLibraryInWorker([large]);
    clearInterval(timer);
    // Only the import of the finished index runs here; analysing 300 files on this thread took far longer.
    assert.ok(
      longestGap < onThisThreadMs / 3,
      `longest pause ${longestGap.toFixed(0)} ms; the build takes ${onThisThreadMs.toFixed(0)} ms`,
    );
  });
});
