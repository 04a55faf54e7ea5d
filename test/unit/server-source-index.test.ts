// The server's source index: built in the core's worker with progress, cancellable, then kept in sync per file.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SourceIndex, type IndexProgress } from '../../src/server/sourceIndex.js';

const SEEDS = new URL('../integration/fixtures/workspace/seeds/', import.meta.url);

describe('server: source index', function () {
  this.timeout(60000);
  let folder: string;
  let seed: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'groundwork-sources-'));
    cpSync(SEEDS, join(folder, 'seeds'), { recursive: true });
    seed = join(folder, 'seeds', '000_f04d67d5c7de7c34.txt');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const build = (index: SourceIndex, signal = new AbortController().signal, progress: IndexProgress[] = []) =>
    index.build([join(folder, 'seeds')], {
      signal,
      onProgress: (step) => progress.push(step),
      onWorkerFailure: (error) => assert.fail(error),
    });

  it('indexes the sources with progress, and re-indexes one changed or deleted file', async () => {
    const index = new SourceIndex();
    const progress: IndexProgress[] = [];
    assert.deepEqual(await build(index, undefined, progress), { warnings: [], cancelled: false, reused: 0 });
    assert.deepEqual(progress.at(-1), { indexed: 1, total: 1, current: seed });
    assert.equal(index.isSource(seed), true);
    assert.equal(index.isSource(join(folder, 'drafts', 'kabul-airport.md')), false);

    writeFileSync(seed, readFileSync(seed, 'utf8').replace('Some 150 members', 'Some 250 members'));
    const before = index.library.version;
    assert.equal(await index.refresh(seed, 'changed'), undefined);
    assert.ok(index.library.version > before);
    assert.ok(index.library.get('000_f04d67d5c7de7c34')!.text.includes('Some 250 members'));

    await index.refresh(seed, 'deleted');
    assert.equal(index.library.documents().length, 0);
  });

  it('keeps the current library when a build is cancelled', async () => {
    const index = new SourceIndex();
    await build(index);
    const library = index.library;
    const cancel = new AbortController();
    cancel.abort();
    assert.deepEqual(await build(index, cancel.signal), { warnings: [], cancelled: true, reused: 0 });
    assert.equal(index.library, library);
  });
});
