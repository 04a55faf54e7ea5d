// Builds src/core/extract/places.json: for each country (and U.S. state), the names a news text may use for it — common and
// official names, short forms, its demonym and its capital ("Ankara's offer" is Turkey's offer, "British
// activists" are U.K. activists). Source: the world-countries package (ODbL 1.0, Mohammed Le Doze);
// the derived table stays under the same licence.
//   node scripts/build-places.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const countries = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8'));

// Names in everyday English use that the data set spells otherwise or leaves out.
const EXTRA = {
  TR: ['Turkey'],
  US: ['U.S.', 'U.S.A.', 'America'],
  GB: ['U.K.', 'Britain'],
  RU: ['Russian Federation'],
  KR: ['South Korea'],
  KP: ['North Korea'],
  CZ: ['Czech Republic'],
  CI: ['Ivory Coast'],
  VA: ['the Vatican'],
};

const fold = (name) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .trim();

// Sovereign states only (and a few places news treats as such), so that "American" is the United States,
// not American Samoa, and a territory's capital "The Valley" is not a name.
const NEWS_PLACES = new Set(['TW', 'XK', 'PS', 'VA', 'HK']);
const groups = countries
  .filter((country) => country.unMember || NEWS_PLACES.has(country.cca2))
  .map((country) => {
    const names = [
      country.name.common,
      country.name.official,
      ...country.altSpellings.filter((alt) => alt.length > 3 || /^[A-Z]{2,3}$/.test(alt) === false),
      ...(country.capital ?? []),
      ...Object.values(country.demonyms?.eng ?? {}),
      ...(EXTRA[country.cca2] ?? []),
    ];
    return [...new Set(names.map(fold).filter((name) => name.length > 1 && /^[\p{L} '-]+$/u.test(name)))].sort();
  });
// U.S. states under their AP abbreviations ("Englewood, Colo."), which American news writes for the name.
// Georgia and Washington are left out: their names are a country's and a capital's. "Miss." and "La." are
// left out too: they are also a title and the start of many names.
const US_STATES = [
  ['Alabama', 'Ala.'],
  ['Arizona', 'Ariz.'],
  ['Arkansas', 'Ark.'],
  ['California', 'Calif.'],
  ['Colorado', 'Colo.'],
  ['Connecticut', 'Conn.'],
  ['Delaware', 'Del.'],
  ['Florida', 'Fla.'],
  ['Illinois', 'Ill.'],
  ['Indiana', 'Ind.'],
  ['Kansas', 'Kan.'],
  ['Kentucky', 'Ky.'],
  ['Maryland', 'Md.'],
  ['Massachusetts', 'Mass.'],
  ['Michigan', 'Mich.'],
  ['Minnesota', 'Minn.'],
  ['Missouri', 'Mo.'],
  ['Montana', 'Mont.'],
  ['Nebraska', 'Neb.'],
  ['Nevada', 'Nev.'],
  ['New Hampshire', 'N.H.'],
  ['New Jersey', 'N.J.'],
  ['New Mexico', 'N.M.'],
  ['North Carolina', 'N.C.'],
  ['North Dakota', 'N.D.'],
  ['Oklahoma', 'Okla.'],
  ['Oregon', 'Ore.'],
  ['Pennsylvania', 'Pa.'],
  ['Rhode Island', 'R.I.'],
  ['South Carolina', 'S.C.'],
  ['South Dakota', 'S.D.'],
  ['Tennessee', 'Tenn.'],
  ['Vermont', 'Vt.'],
  ['Virginia', 'Va.'],
  ['West Virginia', 'W.Va.'],
  ['Wisconsin', 'Wis.'],
  ['Wyoming', 'Wyo.'],
];
groups.push(...US_STATES.map((names) => names.map(fold)));
// A name two states share says nothing about either.
const seen = new Map();
for (const name of groups.flat()) seen.set(name, (seen.get(name) ?? 0) + 1);
for (const group of groups) group.splice(0, group.length, ...group.filter((name) => seen.get(name) === 1));
writeFileSync(new URL('../src/core/extract/places.json', import.meta.url), JSON.stringify(groups) + '\n');
console.log(`${groups.length} countries and states, ${groups.flat().length} names`);
