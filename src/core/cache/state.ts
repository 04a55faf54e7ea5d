// Operations on persisted library states (LibraryState): plain data in, plain data out.
import { TermDictionary } from '../index/dictionary.js';
import type { AnyPersistedDocument, LibraryState } from '../library.js';

/**
 * The state with only the terms its documents use, renumbered. A library's dictionary keeps the terms of files
 * since removed or changed; without this, every save would carry them forward and the cache would only grow.
 */
export function withoutUnusedTerms<Document extends AnyPersistedDocument>(
  state: LibraryState<Document>,
): LibraryState<Document> {
  const newIds = new Int32Array(state.terms.length).fill(-1);
  const terms: string[] = [];
  for (const { document, termIds } of state.documents) {
    for (const id of termIds) {
      if (id >= newIds.length) throw new Error(`${document.path}: term id ${id} is not in the dictionary`);
      if (newIds[id] === -1) {
        newIds[id] = terms.length;
        terms.push(state.terms[id]);
      }
    }
  }
  if (terms.length === state.terms.length && newIds.every((id, old) => id === old)) return state;
  return {
    ...state,
    terms,
    documents: state.documents.map((persisted) => ({
      ...persisted,
      termIds: persisted.termIds.map((id) => newIds[id]),
    })),
  };
}

/**
 * One state holding the documents of all `states` (in order), over one dictionary: how the restored cache and
 * the shards analysed by parallel workers become a single library. The first state's term ids are kept as they
 * are, so merging new files into a large cached state does not copy its term arrays.
 */
export function mergeStates<Document extends AnyPersistedDocument>(
  states: readonly LibraryState<Document>[],
): LibraryState<Document> {
  if (states.length === 0) throw new Error('nothing to merge');
  const formatVersion = states[0].formatVersion;
  if (states.some((state) => state.formatVersion !== formatVersion))
    throw new Error('states of different index formats');
  const dictionary = new TermDictionary(states[0].terms.slice());
  const documents = states.flatMap((state, index) => {
    if (index === 0) return state.documents;
    const newIds = Uint32Array.from(state.terms, (term) => dictionary.idOf(term));
    return state.documents.map((persisted) => ({ ...persisted, termIds: persisted.termIds.map((id) => newIds[id]) }));
  });
  return { formatVersion, terms: dictionary.terms, documents };
}
