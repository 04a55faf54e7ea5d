import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SourceLibrary } from '../../src/core/library.js';
import { tokenize } from '../../src/core/text/normalize.js';

const SEED_PATH = 'seeds/000_f04d67d5c7de7c34.txt';
const seed = readFileSync(SEED_PATH, 'utf8');

function library(): SourceLibrary {
  const lib = new SourceLibrary();
  lib.upsert(SEED_PATH, seed);
  lib.upsert(
    'other.md',
    '---\nid: other-story\n---\nNothing about Kabul here. The spinal cord stayed intact, a doctor said. I am lucky.\n',
  );
  return lib;
}

const found = (lib: SourceLibrary, phrase: string) =>
  lib.findPhrase(tokenize(phrase)).map((m) => [m.document.path, m.span.start, m.span.end]);

describe('SourceLibrary', () => {
  it('finds a quotation word for word, including one made only of common words and one spanning sentences', () => {
    const lib = library();
    const obviously = seed.indexOf('Obviously');
    assert.deepEqual(found(lib, 'Obviously this is a national decision'), [[SEED_PATH, obviously, obviously + 37]]);
    assert.deepEqual(found(lib, 'I am lucky'), [['other.md', 96, 106]]);
    assert.deepEqual(found(lib, 'the spinal cord stayed intact, a doctor said. I am lucky'), [['other.md', 50, 106]]);
    assert.deepEqual(found(lib, 'Obviously this is a local decision'), []);
  });

  it('finds every place a phrase stands, in order, wherever its rarest word repeats or a sentence ends inside it', () => {
    const lib = library();
    lib.upsert('valley.md', 'The valley flooded. Then the valley flooded again, and the valley flooded a third time.');
    lib.upsert('crops.md', 'Crops failed in the valley. Valley flooded, farmers said.');
    assert.deepEqual(found(lib, 'the valley flooded'), [
      ['valley.md', 0, 18],
      ['valley.md', 25, 43],
      ['valley.md', 55, 73],
    ]);
    assert.deepEqual(found(lib, 'in the valley. Valley flooded'), [['crops.md', 13, 42]]);
    // Both words are in the seed article, never side by side.
    assert.deepEqual(found(lib, 'Kabul decision'), []);
  });

  it('finds documents by path or citation key, and forgets a removed one', () => {
    const lib = library();
    assert.equal(lib.get('other-story')?.path, 'other.md');
    assert.equal(lib.get('000_f04d67d5c7de7c34')?.path, SEED_PATH);
    const version = lib.version;
    assert.equal(lib.remove('other.md'), true);
    assert.ok(lib.version > version);
    assert.equal(lib.get('other-story'), undefined);
    assert.deepEqual(found(lib, 'I am lucky'), []);
  });

  it('restores from its exported state with the same documents and the same rankings', () => {
    const lib = library();
    const restored = SourceLibrary.importState(lib.exportState());
    assert.deepEqual(
      restored.documents().map((d) => d.path),
      lib.documents().map((d) => d.path),
    );
    const query = 'Kirby could not confirm the requests';
    assert.deepEqual(
      restored.search(query, 3).map((h) => [h.document.path, h.sentence]),
      lib.search(query, 3).map((h) => [h.document.path, h.sentence]),
    );
    assert.throws(() => SourceLibrary.importState({ ...lib.exportState(), formatVersion: -1 }), /index format -1/);
  });
});
