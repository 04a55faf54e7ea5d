// Terms numbered in the order they are first seen: the index's dictionary, and that of a state being analysed or
// merged, which carries its own numbering until a library imports it.
export class TermDictionary {
  private readonly ids = new Map<string, number>();

  constructor(readonly terms: string[] = []) {
    terms.forEach((term, id) => this.ids.set(term, id));
  }

  /** The id of a term, adding it when new. */
  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.push(term) - 1;
      this.ids.set(term, id);
    }
    return id;
  }

  /** The id of a known term, or undefined. */
  lookup(term: string): number | undefined {
    return this.ids.get(term);
  }
}
