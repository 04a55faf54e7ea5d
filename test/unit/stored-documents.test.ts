// Documents restored from the cache stay stored until the library first hands them out: what it hands out, and
// what a save writes, must be exactly what an analysed library has and writes.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { encodeLibraryState, readLibraryStateFrom } from '../../src/core/cache/format.js';
import { INDEX_FORMAT_VERSION, SourceLibrary, type LibraryState } from '../../src/core/library.js';
import { tokenize } from '../../src/core/text/normalize.js';

const SEED_PATH = 'seeds/000_f04d67d5c7de7c34.txt';
const seed = readFileSync(SEED_PATH, 'utf8');

function analysed(): SourceLibrary {
  const library = new SourceLibrary();
  library.upsert(SEED_PATH, seed);
  library.upsert('/s/wide.md', '---\nid: wide\n---\n“Quoted,” she said — 雪 and 𝄞. The council voted on Monday.\n');
  library.upsert('/s/empty.txt', '');
  return library;
}

const fileOf = (library: SourceLibrary) => Buffer.concat(encodeLibraryState(library.exportState()).pieces);

function restored(file: Buffer): SourceLibrary {
  return SourceLibrary.importState(readLibraryStateFrom(file, INDEX_FORMAT_VERSION).state);
}

/** A document whose sentence is not its span of the text, so the file holds its sentences as JSON, not as spans. */
function withUnpackableSentence(): LibraryState {
  const text = 'Plain words here.';
  const sentences = [{ span: { start: 0, end: 5 }, text: 'not the slice', paragraph: 0 }];
  const document = { path: '/s/odd.txt', hash: 'h', text, metadata: { id: 'odd' }, sentences };
  return {
    formatVersion: INDEX_FORMAT_VERSION,
    terms: [],
    documents: [{ document, termIds: new Uint32Array(0), sentenceTermStarts: new Uint32Array(2) }],
  };
}

describe('stored documents', () => {
  it('are handed out as the analysed documents, plain data, the same object each time, without a version change', () => {
    const original = analysed();
    const library = restored(fileOf(original));
    const version = library.version;
    assert.deepEqual(
      library.headers().map((header) => [header.path, header.metadata.id]),
      original.documents().map((document) => [document.path, document.metadata.id]),
    );
    const wide = library.get('wide')!;
    assert.equal(library.get('/s/wide.md'), wide);
    assert.deepEqual(wide, original.get('/s/wide.md'));
    assert.deepEqual(library.documents(), original.documents());
    for (const document of library.documents()) {
      for (const key of ['text', 'sentences'] as const) {
        assert.equal(typeof Object.getOwnPropertyDescriptor(document, key)?.get, 'undefined', `${key} is no getter`);
      }
    }
    assert.equal(library.version, version);
  });

  it('are found by search and phrase lookup as the analysed ones are', () => {
    const original = analysed();
    const library = restored(fileOf(original));
    const query = 'Pentagon spokesman John Kirby told reporters he could not confirm the requests';
    const hits = (from: SourceLibrary) => from.search(query, 3).map((hit) => [hit.document, hit.sentence, hit.score]);
    assert.deepEqual(hits(library), hits(original));
    const phrase = tokenize('The council voted on Monday');
    assert.deepEqual(library.findPhrase(phrase), original.findPhrase(phrase));
  });

  it('are saved byte for byte as they were read, decoded since or not', () => {
    const file = fileOf(analysed());
    const state = readLibraryStateFrom(file, INDEX_FORMAT_VERSION).state;
    assert.ok(Buffer.concat(encodeLibraryState(state).pieces).equals(file));
    const library = restored(file);
    library.get('wide');
    assert.ok(fileOf(library).equals(file), 'one document decoded, the others still stored');
  });

  it('keep sentences that are not spans of their text as they were written', () => {
    const state = withUnpackableSentence();
    const file = Buffer.concat(encodeLibraryState(state).pieces);
    const stored = readLibraryStateFrom(file, INDEX_FORMAT_VERSION).state;
    assert.ok(Buffer.concat(encodeLibraryState(stored).pieces).equals(file));
    assert.deepEqual(SourceLibrary.importState(stored).get('odd'), state.documents[0].document);
  });
});
