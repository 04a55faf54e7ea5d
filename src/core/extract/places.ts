// Countries (and U.S. states) under their other names: "Ankara's offer" is Turkey's, "British activists" are U.K. activists, "Colo." is Colorado.
// The table (scripts/build-places.mjs) holds each state's names, demonym and capital.
import groups from './places.json' with { type: 'json' };

const groupByName = new Map<string, number>();
(groups as string[][]).forEach((names, index) => names.forEach((name) => groupByName.set(name, index)));

/** Lower-case, diacritics and dots dropped, a leading "the" dropped: the table's spelling. */
export function foldPlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.\u2019']s$/, '')
    .replace(/\./g, '')
    .replace(/^the\s+/, '')
    .trim();
}

/** The country a name stands for, if it is a country's name, demonym or capital. */
export function countryOf(name: string): number | undefined {
  return groupByName.get(foldPlaceName(name));
}

export function samePlace(a: string, b: string): boolean {
  const country = countryOf(a);
  return country !== undefined && country === countryOf(b);
}

/** Every other name of the country a name stands for (empty when it is not a country's). */
export function placeNames(name: string): string[] {
  const country = countryOf(name);
  return country === undefined ? [] : (groups as string[][])[country];
}
