// Words that may stand for each other (they share a WordNet sense): "farming" / "agriculture", "part" / "role".
// Used to judge how much of a claim a passage covers, never to excuse a changed number, name or negation.
// The table (scripts/build-synonyms.mjs) maps a Porter stem to the synsets it belongs to.
import table from './synonyms.json' with { type: 'json' };

const synsetsByStem = new Map<string, number[]>();
for (const entry of (table as string).split(';')) {
  const [stem, ...ids] = entry.split(' ');
  synsetsByStem.set(stem, ids.map(Number));
}
const NONE: readonly number[] = [];

export function synsetsOf(stem: string): readonly number[] {
  return synsetsByStem.get(stem) ?? NONE;
}
