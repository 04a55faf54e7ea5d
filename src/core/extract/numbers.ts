// Numbers in one sentence, with their value after scale ("$3.2 million" -> 3200000), so that a draft's
// "91 pickups" can be told apart from the source's "19 pickups" and "nearly 150" can stand for "150".
//
// Decisions:
// - A mention's span covers the number as written with its currency, scale and percent sign ("$3.2 million",
//   "12.5%", "two dozen"); an approximation word before it ("about", "some") is not part of the span but sets
//   `approximate`, so a quick fix can replace the number alone.
// - Identifiers are not quantities: digits glued to letters ("S-400", "F-35", "COVID-19", "G7", "A320", "4G"),
//   ISO dates ("2021-06-11") and clock times ("10:30") yield nothing.
// - The day of a date ("Jan. 3", "3 January") yields nothing: the date extractor owns it.
// - A digit range or score ("3-2", "2018-2021") yields one mention per side.
// - Vague plurals ("dozens", "hundreds", "tens of millions") are not numbers: they claim no value.
// - A year is a whole number 1900..2100 written as four digits with no currency, scale, percent or
//   counted noun after it ("in 2019", "by 2037"); "2019 members" is a cardinal.
import type { Span } from '../types.js';
import { STOPWORDS, stemWord } from '../text/normalize.js';
import { MONTHS } from '../text/vocabulary.js';

export interface NumberMention {
  span: Span;
  text: string;
  value: number;
  /** 'percent', 'money', 'multiplier', or the stem of the counted noun that follows ("member", "hour"). */
  unit?: string;
  /** ISO 4217 code, or '$' for a dollar of unnamed country (which agrees with any dollar). */
  currency?: string;
  approximate: boolean;
  /** A bound rather than a figure: "more than 3,000" (lower), "up to 50" or "not to exceed $160,000" (upper). */
  bound?: 'lower' | 'upper';
  kind: 'cardinal' | 'ordinal' | 'percent' | 'money' | 'multiplier' | 'year' | 'score';
}

const lookup = <T>(entries: Record<string, T>): ReadonlyMap<string, T> => new Map(Object.entries(entries));

const UNITS = lookup({
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
});
const SCALES = lookup({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, tn: 1e12, mn: 1e6 });
// Glued to digits: "5bn", "£5bn"; "m", "k" and "b" only after a currency ("$3.2m"), since "100m" may be metres.
const GLUED_SCALES = lookup({ bn: 1e9, tn: 1e12, mn: 1e6, m: 1e6, k: 1e3, b: 1e9 });
const ORDINALS = lookup({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  hundredth: 100,
});
// Fraction words: a value when they count a share ("a third of", "two thirds"), not a rank ("a third term").
const FRACTIONS = lookup({ half: 1 / 2, third: 1 / 3, thirds: 1 / 3, quarter: 1 / 4, quarters: 1 / 4, fifths: 1 / 5 });
const MULTIPLIERS = lookup({
  double: 2,
  doubled: 2,
  doubles: 2,
  doubling: 2,
  twofold: 2,
  triple: 3,
  tripled: 3,
  triples: 3,
  tripling: 3,
  threefold: 3,
  quadruple: 4,
  quadrupled: 4,
  quadruples: 4,
  quadrupling: 4,
  fourfold: 4,
  fivefold: 5,
  tenfold: 10,
  halve: 0.5,
  halved: 0.5,
  halves: 0.5,
  halving: 0.5,
});
const CURRENCY_SYMBOLS = lookup({
  $: '$',
  us$: 'USD',
  a$: 'AUD',
  au$: 'AUD',
  c$: 'CAD',
  ca$: 'CAD',
  nz$: 'NZD',
  hk$: 'HKD',
  s$: 'SGD',
  '£': 'GBP',
  '€': 'EUR',
  '¥': 'JPY',
  '₹': 'INR',
});
const CURRENCY_WORDS = lookup({
  dollar: '$',
  dollars: '$',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  yen: 'JPY',
  yuan: 'CNY',
  rupee: 'INR',
  rupees: 'INR',
  cent: '$',
  cents: '$',
});
// Words just before a number that make it an estimate or a bound; matched as one, two or three words. An
// estimate ("about 150") may be 10% off the exact figure; a bound ("more than 3,000", "not to exceed $160,000")
// holds the figures on its side of it.
const ESTIMATES = new Set([
  'nearly',
  'about',
  'some',
  'around',
  'almost',
  'roughly',
  'approximately',
  'estimated',
  'close to',
  'an estimated',
]);
const LOWER_BOUNDS = new Set([
  'over',
  'more than',
  'at least',
  'as many as',
  'upwards of',
  'just over',
  'no less than',
]);
const UPPER_BOUNDS = new Set([
  'under',
  'up to',
  'less than',
  'fewer than',
  'just under',
  'at most',
  'as many as',
  'no more than',
  'not to exceed',
  'not exceeding',
]);
// Nouns of measure, time and count: they name what a number counts even when singular ("a 24-hour ban").
const MEASURE_NOUNS = new Set(
  (
    'second minute hour day week month year decade century mile kilometre kilometer km metre meter foot feet inch ' +
    'pound kilogram kg gram tonne ton litre liter gallon barrel acre hectare degree point percent person people ' +
    'member time vote seat case death quarter half'
  ).split(' '),
);
const ARTICLE_PARTNERS = new Set(['dozen', 'hundred', 'thousand', 'million', 'billion', 'trillion']);
const PRONOUN_ONE_BEFORE = new Set(['no', 'the', 'any', 'every', 'each', 'this', 'that', 'which']);
const SHARE_FOLLOWERS = new Set(['of', 'a', 'an', 'the', 'its', 'their', 'his', 'her', 'that', 'as']);

/** What the scanner sees: digits (with currency prefix and glued suffix) or a word in lower case. */
interface Piece {
  start: number;
  end: number;
  lower: string;
  digits?: { value: number; currency?: string; suffix: string };
}

// The lookbehinds keep identifiers out: digits glued to a letter, or to "-" after a letter ("S-400"), and
// digits continuing a number ("v1.2.3") are not numbers. A "-" after a digit is a range ("3-2"): allowed.
const PIECE =
  /(?<currency>(?:US|AU|NZ|HK|CA|A|C|S)?\$|[£€¥₹])?(?<!\p{L}-?)(?<![\p{N}][.,]?)(?<number>\d+(?:,\d{3})*(?:\.\d+)?)(?<suffix>st|nd|rd|th|bn|tn|mn|m|k|b|%)?(?![\p{L}\p{N}])|(?<word>\p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)?)|%/giu;
const ISO_DATE_OR_TIME = /\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/g;
// "FY2006" is the (fiscal) year 2006, though its digits are glued to letters: the prefix is blanked, keeping offsets.
const FISCAL_YEAR_PREFIX = /\bFY(?=\s?\d{4}(?!\p{N}))/gu;

function scan(text: string): Piece[] {
  const masked = text.replace(ISO_DATE_OR_TIME, (match) => '#'.repeat(match.length)).replace(FISCAL_YEAR_PREFIX, '  ');
  const pieces: Piece[] = [];
  for (const match of masked.matchAll(PIECE)) {
    const { currency, number, suffix, word } = match.groups!;
    const start = match.index!;
    const end = start + match[0].length;
    if (number !== undefined) {
      const digits = { value: Number(number.replace(/,/g, '')), currency, suffix: (suffix ?? '').toLowerCase() };
      pieces.push({ start, end, lower: number, digits });
    } else {
      pieces.push({ start, end, lower: (word ?? '%').toLowerCase() });
    }
  }
  return pieces;
}

/** True when only spaces or a hyphen separate two pieces ("twenty-five", "one hundred"). */
function adjacent(text: string, left: Piece, right: Piece | undefined): right is Piece {
  return right !== undefined && /^[\s-]{0,3}$/.test(text.slice(left.end, right.start));
}

export function findNumbers(text: string, offset = 0): NumberMention[] {
  const pieces = scan(text);
  const mentions: NumberMention[] = [];
  let i = 0;
  while (i < pieces.length) {
    const reading = readMention(text, pieces, i);
    if (reading === undefined) {
      i++;
      continue;
    }
    const { start, end, next, ...quantity } = reading;
    mentions.push({
      span: { start: offset + start, end: offset + end },
      text: text.slice(start, end),
      ...quantity,
      ...approximationBefore(pieces, i),
    });
    i = next;
  }
  return mentions;
}

type Reading = Omit<NumberMention, 'span' | 'text' | 'approximate' | 'bound'> & {
  start: number;
  end: number;
  next: number;
};

function readMention(text: string, pieces: Piece[], at: number): Reading | undefined {
  const piece = pieces[at];
  if (piece.digits) {
    if (isDayOfMonth(text, pieces, at)) return undefined;
    return readScore(text, pieces, at) ?? withQuantity(text, pieces, readDigits(pieces, at), at);
  }
  const word = piece.lower;
  const multiplier = MULTIPLIERS.get(word);
  if (multiplier !== undefined)
    return { ...extent(pieces, at, at), value: multiplier, kind: 'multiplier', unit: 'multiplier' };
  const fraction = readFraction(text, pieces, at);
  if (fraction) return fraction;
  const ordinal = ORDINALS.get(word);
  if (ordinal !== undefined)
    return withQuantity(text, pieces, { ...extent(pieces, at, at), value: ordinal, kind: 'ordinal' }, at);
  if (word === 'one' && isPronounOne(pieces, at)) return undefined;
  const words = readWords(text, pieces, at);
  return words && withQuantity(text, pieces, words, at);
}

function extent(pieces: Piece[], first: number, last: number): { start: number; end: number; next: number } {
  return { start: pieces[first].start, end: pieces[last].end, next: last + 1 };
}

function approximationBefore(pieces: Piece[], at: number): Pick<NumberMention, 'approximate' | 'bound'> {
  const one = pieces[at - 1]?.lower ?? '';
  const two = at >= 2 ? `${pieces[at - 2].lower} ${one}` : '';
  const three = at >= 3 ? `${pieces[at - 3].lower} ${two}` : '';
  // The longest phrase first: "no more than" is an upper bound, though "more than" is a lower one.
  for (const phrase of [three, two, one]) {
    if (LOWER_BOUNDS.has(phrase)) return { approximate: true, bound: 'lower' };
    if (UPPER_BOUNDS.has(phrase)) return { approximate: true, bound: 'upper' };
    if (ESTIMATES.has(phrase)) return { approximate: true };
  }
  return { approximate: false };
}

// "Jan. 3", "March 6", "3 January": a day, which the date extractor reads.
function isDayOfMonth(text: string, pieces: Piece[], at: number): boolean {
  const { value, currency, suffix } = pieces[at].digits!;
  if (currency || !['', 'st', 'nd', 'rd', 'th'].includes(suffix) || value > 31 || !Number.isInteger(value))
    return false;
  const isMonth = (piece: Piece | undefined) =>
    piece !== undefined && MONTHS.has(piece.lower) && /^\p{Lu}/u.test(text.slice(piece.start, piece.end));
  const before = pieces[at - 1];
  const after = pieces[at + 1];
  return (
    (isMonth(before) && /^\.?\s+$/.test(text.slice(before.end, pieces[at].start))) ||
    (isMonth(after) && /^\s+(?:of\s+)?$/.test(text.slice(pieces[at].end, after.start)))
  );
}

// "no one", "the one", "one another" use "one" as a pronoun, not a count.
function isPronounOne(pieces: Piece[], at: number): boolean {
  return PRONOUN_ONE_BEFORE.has(pieces[at - 1]?.lower ?? '') || pieces[at + 1]?.lower === 'another';
}

const SHARE_ENDERS = new Set([
  'by',
  'to',
  'than',
  'about',
  'nearly',
  'almost',
  'roughly',
  'over',
  'under',
  'only',
  'just',
]);
const PERIOD_ORDINALS = new Set(['first', 'second', 'third', 'fourth', 'last', 'final']);

/** "the second quarter", "the first half": an ordinal naming a period of the year, a time rather than a figure. */
export function isPeriodOfYear(number: NumberMention): boolean {
  return number.kind === 'ordinal' && (number.unit === 'quarter' || number.unit === 'half');
}

/**
 * A score or a tally: "a 3-0 lead", "won 2-1", "a 4-0 vote". One fact, the same whichever side is named first
 * ("won 2-1" is "a 1-2 defeat"), so its value is the larger count times 1,000 plus the smaller. A span with a
 * counted noun after it is a range ("5-10 minutes").
 */
function readScore(text: string, pieces: Piece[], at: number): Reading | undefined {
  const [left, right] = [pieces[at], pieces[at + 1]];
  if (!right?.digits || !/^ ?[-\u2013] ?$/.test(text.slice(left.end, right.start))) return undefined;
  const plain = (p: Piece) => !p.digits!.currency && !p.digits!.suffix && Number.isInteger(p.digits!.value);
  const [a, b] = [left.digits!.value, right.digits!.value];
  if (!plain(left) || !plain(right) || a > MAX_SCORE || b > MAX_SCORE) return undefined;
  // "5-10 minutes" is a range of two counts; "a 15-2 vote" is a tally, one fact.
  const counted = countedNoun(text, pieces[at + 2]);
  if (counted !== undefined && counted !== TALLIED) return undefined;
  return {
    start: left.start,
    end: right.end,
    next: at + 2,
    value: Math.max(a, b) * 1000 + Math.min(a, b),
    kind: 'score',
  };
}

const MAX_SCORE = 200;
const TALLIED = stemWord('vote');

/** "half of", "a third of", "two thirds": a share, read as a percentage. Starts at the fraction word or at the count before it. */
function readFraction(text: string, pieces: Piece[], at: number): Reading | undefined {
  const counted = pieces[at].lower === 'a' || UNITS.has(pieces[at].lower);
  const fractionAt = counted && adjacent(text, pieces[at], pieces[at + 1]) ? at + 1 : at;
  const word = pieces[fractionAt].lower;
  const share = FRACTIONS.get(word);
  if (share === undefined || (fractionAt === at && word !== 'half')) return undefined;
  // "the first half of 2008", "the fourth quarter": a period of the year, not a share of something.
  if (fractionAt === at && PERIOD_ORDINALS.has(pieces[at - 1]?.lower ?? '')) return undefined;
  const after = pieces[fractionAt + 1]?.lower;
  // At the end of a sentence, "fell by a third" is a share but "scored a third" a rank.
  const endsShare = after === undefined && (word === 'half' || SHARE_ENDERS.has(pieces[at - 1]?.lower ?? ''));
  const sharesSomething = endsShare || (after !== undefined && SHARE_FOLLOWERS.has(after)) || word.endsWith('s');
  if (word === 'half') {
    if (!sharesSomething && !['by', 'in', 'than', 'a'].includes(pieces[at - 1]?.lower ?? '')) return undefined;
  } else if (!sharesSomething) {
    return undefined;
  }
  const times = fractionAt > at ? (UNITS.get(pieces[at].lower) ?? 1) : 1;
  // A share is a percentage in words: "half of the budget" is the source's "50 percent of the budget".
  return { ...extent(pieces, at, fractionAt), value: times * share * 100, kind: 'percent', unit: 'percent' };
}

function readDigits(pieces: Piece[], at: number): Reading {
  const { value, currency, suffix } = pieces[at].digits!;
  const base = {
    ...extent(pieces, at, at),
    value,
    ...(currency ? { currency: CURRENCY_SYMBOLS.get(currency.toLowerCase()) } : {}),
  };
  if (suffix === '%') return { ...base, kind: 'percent', unit: 'percent' };
  if (['st', 'nd', 'rd', 'th'].includes(suffix)) return { ...base, kind: 'ordinal' };
  const scale = GLUED_SCALES.get(suffix);
  if (scale !== undefined && (currency || suffix.length > 1))
    return { ...base, value: value * scale, kind: currency ? 'money' : 'cardinal' };
  return { ...base, kind: currency ? 'money' : 'cardinal' };
}

/** A run of number words: "six", "one hundred and fifty", "two dozen", "a million". */
function readWords(text: string, pieces: Piece[], at: number): Reading | undefined {
  const article =
    pieces[at].lower === 'a' &&
    adjacent(text, pieces[at], pieces[at + 1]) &&
    ARTICLE_PARTNERS.has(pieces[at + 1].lower);
  let total = 0;
  let current = article ? 1 : 0;
  let last = -1;
  for (let i = article ? at + 1 : at; i < pieces.length; i++) {
    if (i > at && !adjacent(text, pieces[i - 1], pieces[i])) break;
    const word = pieces[i].lower;
    const unit = UNITS.get(word);
    const scale = word.length > 2 ? SCALES.get(word) : undefined;
    if (unit !== undefined) current += unit;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word === 'dozen') current = (current || 1) * 12;
    else if (scale !== undefined) [total, current] = [total + (current || 1) * scale, 0];
    else if (word === 'and' && last >= 0 && UNITS.has(pieces[i + 1]?.lower ?? '')) continue;
    else break;
    last = i;
  }
  return last < 0 ? undefined : { ...extent(pieces, at, last), value: total + current, kind: 'cardinal' };
}

// "built in 1863", "since 1850": a year before 1900 is read as one only after these.
const YEAR_PREPOSITIONS = new Set(['in', 'since', 'until']);

/** Extends a bare number (read at piece `at`) with what follows it: a scale word, percent, a currency word, a counted noun. */
function withQuantity(text: string, pieces: Piece[], reading: Reading, at: number): Reading {
  let { next, end, value } = reading;
  const follows = (k = 0) => (adjacent(text, pieces[next - 1 + k], pieces[next + k]) ? pieces[next + k] : undefined);
  const counted = () => countedNoun(text, follows());
  if (reading.kind === 'ordinal' || reading.kind === 'percent') return withUnit(reading, counted());
  const scale = follows()?.lower ?? '';
  if (pieces[next - 1].digits && scale.length > 2 && SCALES.has(scale)) {
    value *= SCALES.get(scale)!;
    ({ end, next } = extent(pieces, next, next));
  }
  const after = follows()?.lower;
  const percentWords =
    after === 'percent' || after === '%' ? 1 : after === 'per' && follows(1)?.lower === 'cent' ? 2 : 0;
  if (percentWords > 0)
    return {
      ...reading,
      ...extent(pieces, reading.next - 1, next - 1 + percentWords),
      start: reading.start,
      value,
      kind: 'percent',
      unit: 'percent',
    };
  let currency = reading.currency;
  const currencyWord = after === undefined || currency ? undefined : CURRENCY_WORDS.get(after);
  if (currencyWord !== undefined) {
    currency = currencyWord;
    if (after!.startsWith('cent')) value /= 100;
    ({ end, next } = extent(pieces, next, next));
  }
  if (currency) return { ...reading, end, next, value, currency, kind: 'money', unit: 'money' };
  const unit = counted();
  const yearLike = value >= 1900 || (value >= 1000 && YEAR_PREPOSITIONS.has(pieces[at - 1]?.lower ?? ''));
  if (unit === undefined && /^\d{4}$/.test(text.slice(reading.start, end)) && yearLike && value <= 2100) {
    return { ...reading, end, next, value, kind: 'year' };
  }
  return withUnit({ ...reading, end, next, value }, unit);
}

function withUnit(reading: Reading, unit: string | undefined): Reading {
  return unit === undefined || reading.unit !== undefined ? reading : { ...reading, unit };
}

/** The counted noun right after a number, as a stem, when it names a unit or is a plain plural noun. */
function countedNoun(text: string, piece: Piece | undefined): string | undefined {
  if (piece === undefined || piece.digits || STOPWORDS.has(piece.lower) || UNITS.has(piece.lower)) return undefined;
  if (/^\p{Lu}/u.test(text.slice(piece.start, piece.end))) return undefined;
  const stem = stemWord(piece.lower);
  if (MEASURE_NOUNS.has(piece.lower) || MEASURE_NOUNS.has(stem)) return stem;
  return /[^su'’]s$/.test(piece.lower) ? stem : undefined;
}

const WRITTEN_DIGITS = /\d+(?:,\d{3})*(?:\.(\d+))?/;

/**
 * The step a number is rounded to as written, when it reads as rounded: "3.2 million" -> 100000, "9.5" -> 0.1,
 * "9%" -> 1. Plain whole counts and amounts ("150", "$1") are taken as exact: 0.
 */
function roundingStep(mention: NumberMention): number {
  const written = WRITTEN_DIGITS.exec(mention.text);
  if (!written) return 0;
  const mantissa = Number(written[0].replace(/,/g, ''));
  const scale = mantissa === 0 ? 1 : mention.value / mantissa;
  const decimals = written[1]?.length ?? 0;
  if (decimals === 0 && scale === 1 && mention.kind !== 'percent') return 0;
  return 10 ** -decimals * scale;
}

const KIND_CLASS: Record<NumberMention['kind'], string> = {
  cardinal: 'count',
  year: 'count',
  ordinal: 'ordinal',
  percent: 'percent',
  money: 'money',
  multiplier: 'multiplier',
  score: 'score',
};
const DOLLARS = new Set(['$', 'USD', 'AUD', 'CAD', 'NZD', 'HKD', 'SGD']);
// How far an estimate may be from the exact figure: "about 9%" backs 9.5% but not 19%.
const APPROXIMATE_TOLERANCE = 0.1;

function currenciesAgree(a: string | undefined, b: string | undefined): boolean {
  if (a === undefined || b === undefined || a === b) return true;
  return (a === '$' && DOLLARS.has(b)) || (b === '$' && DOLLARS.has(a));
}

/**
 * True when the two mentions can state the same quantity: the same kind of number (money, percent, count ...),
 * compatible currencies and counted nouns, and the same value, where "the same" allows rounding to the
 * precision either is written with ("3.2 million" = 3,214,000; "9%" = 9.4%) and 10% either way when either is
 * approximate ("nearly 150" = 145).
 */
/** A sum of money against the same large figure written without its currency or any counted noun. */
function isBareMoney(money: NumberMention, bare: NumberMention): boolean {
  return money.kind === 'money' && bare.kind === 'cardinal' && bare.unit === undefined && bare.value >= 1_000;
}

/** Spans of time in days, by the stem of their unit word ("days" -> "dai"). */
const DAYS_IN: Readonly<Record<string, number>> = {
  second: 1 / 86_400,
  minut: 1 / 1_440,
  hour: 1 / 24,
  dai: 1,
  week: 7,
  fortnight: 14,
  month: 365.25 / 12,
  year: 365.25,
  decad: 3_652.5,
  centuri: 36_525,
};

export function numbersAgree(a: NumberMention, b: NumberMention): boolean {
  // "$844 million" is the source's "844 million" when the source named its currency once, earlier.
  if (isBareMoney(a, b) || isBareMoney(b, a)) return a.value === b.value;
  if (KIND_CLASS[a.kind] !== KIND_CLASS[b.kind] || !currenciesAgree(a.currency, b.currency)) return false;
  if (a.unit !== undefined && b.unit !== undefined && a.unit !== b.unit) {
    // "18 months" is "1.5 years": spans of time agree in days, within a rounding step of the coarser unit.
    const [aDays, bDays] = [DAYS_IN[a.unit], DAYS_IN[b.unit]];
    if (aDays === undefined || bDays === undefined) return false;
    return numbersAgree(
      { ...a, unit: undefined, value: a.value * aDays },
      { ...b, unit: undefined, value: b.value * bDays },
    );
  }
  if (a.value === b.value) return true;
  if (a.kind === 'score') return false;
  const roundsTo = (exact: NumberMention, rounded: NumberMention) =>
    Math.abs(exact.value - rounded.value) <= roundingStep(rounded) / 2 + 1e-9 * Math.abs(rounded.value);
  if (roundsTo(a, b) || roundsTo(b, a)) return true;
  if (!a.approximate && !b.approximate) return false;
  // Two bounds agree only on the same figure ("no more than $165,000" is not "not to exceed $160,000"); a bound
  // backs, or is backed by, a figure on its side of it.
  if (a.bound && b.bound) return false;
  const bounded = a.bound ? a : b.bound ? b : undefined;
  const other = bounded === a ? b : a;
  if (bounded && (bounded.bound === 'lower' ? other.value < bounded.value : other.value > bounded.value)) return false;
  return Math.abs(a.value - b.value) <= APPROXIMATE_TOLERANCE * Math.max(Math.abs(a.value), Math.abs(b.value));
}
