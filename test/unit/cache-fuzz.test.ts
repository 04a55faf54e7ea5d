// The cache decoder against arbitrary and damaged files: it ends quickly, and either refuses the file with an
// InvalidCacheError or returns only documents exactly as they were written (a damaged text leaves its document out,
// named). Never another exception, never wrong data.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeLibraryState, encodeLibraryState, InvalidCacheError } from '../../src/core/cache/format.js';
import { INDEX_FORMAT_VERSION, SourceLibrary } from '../../src/core/library.js';

const seed = readFileSync(fileURLToPath(new URL('../../seeds/000_f04d67d5c7de7c34.txt', import.meta.url)), 'utf8');
// Stops a property early rather than let it run long on a loaded machine; each still runs at least a few cases.
const BUDGET = { numRuns: 300, interruptAfterTimeLimit: 6_000 };

describe('cache decoder fuzz', function () {
  this.timeout(30_000);
  const library = new SourceLibrary();
  library.upsert('/s/kabul.txt', seed);
  library.upsert('/s/wide.txt', '“Quoted,” she said — 雪 and 𝄞. The council voted on Monday.');
  library.upsert('/s/empty.txt', '');
  const original = Buffer.concat(encodeLibraryState(library.exportState()).pieces);
  const byPath = new Map(library.documents().map((document) => [document.path, document]));

  /** Decodes `bytes`; an InvalidCacheError is a refusal, anything else thrown fails the property. */
  function decodesSafely(bytes: Buffer): void {
    let decoded;
    try {
      decoded = decodeLibraryState(bytes, INDEX_FORMAT_VERSION);
    } catch (error) {
      if (error instanceof InvalidCacheError) return;
      throw error;
    }
    const returned = decoded.state.documents.map(({ document }) => document);
    for (const document of returned) assert.deepEqual(document, byPath.get(document.path));
    assert.deepEqual(
      [...returned.map((document) => document.path), ...decoded.damaged].sort(),
      [...byPath.keys()].sort(),
    );
    // What it returned is an index that can be built.
    SourceLibrary.importState(decoded.state);
  }

  it('decodes the undamaged file to the documents written', () => {
    const { state, damaged } = decodeLibraryState(original, INDEX_FORMAT_VERSION);
    assert.deepEqual(damaged, []);
    assert.deepEqual(
      state.documents.map((d) => d.document),
      library.exportState().documents.map((d) => d.document),
    );
  });

  it('refuses arbitrary bytes, with or without a valid header in front', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2_000 }), fc.boolean(), (junk, withHeader) => {
        const bytes = withHeader ? Buffer.concat([original.subarray(0, 40), junk]) : Buffer.from(junk);
        assert.throws(() => decodeLibraryState(bytes, INDEX_FORMAT_VERSION), InvalidCacheError);
      }),
      BUDGET,
    );
  });

  it('refuses or repairs a file with bytes changed anywhere, never returning altered documents', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat({ max: original.length - 1 }), xor: fc.integer({ min: 1, max: 255 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const bytes = Buffer.from(original);
          for (const { at, xor } of edits) bytes[at] ^= xor;
          decodesSafely(bytes);
        },
      ),
      BUDGET,
    );
  });

  it('refuses a truncated or extended file', () => {
    fc.assert(
      fc.property(fc.nat({ max: original.length - 1 }), fc.uint8Array({ maxLength: 64 }), (length, tail) => {
        decodesSafely(original.subarray(0, length));
        if (tail.length > 0) decodesSafely(Buffer.concat([original, tail]));
      }),
      BUDGET,
    );
  });
});
