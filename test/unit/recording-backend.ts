// A corpus backend for tests: the real one, keeping each batch of ranked searches a check sends.
import type { CorpusBackend, CorpusView, RankedQuery } from '../../src/core/corpus/backend.js';

export class RecordingBackend implements CorpusBackend {
  /** Each round's searches, in the order they were sent. */
  readonly searches: RankedQuery[][] = [];
  constructor(private readonly inner: CorpusBackend) {}
  get label() {
    return this.inner.label;
  }
  snapshot<T>(work: (view: CorpusView) => Promise<T>): Promise<T> {
    return this.inner.snapshot((view) =>
      work({
        totals: view.totals,
        frequencies: (terms) => view.frequencies(terms),
        search: (queries) => {
          this.searches.push([...queries]);
          return view.search(queries);
        },
        phrases: (phrases, limit, frequency) => view.phrases(phrases, limit, frequency),
        lookup: (keys) => view.lookup(keys),
        documents: (ids, warn) => view.documents(ids, warn),
      }),
    );
  }
  close() {
    return this.inner.close();
  }
}
