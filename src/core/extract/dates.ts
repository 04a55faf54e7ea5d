// Dates in one sentence: full dates ("Jan. 3", "September 2020"), weekdays ("on Monday"), months
// ("in November"), relative dates ("last month") and standalone years ("in 2019"), so that a draft's
// "Wednesday" can be checked against the source's "Monday".
//
// Decisions:
// - Only what the text states is recorded: "Jan. 3" has no year even when the source's date would imply one,
//   and a weekday is not turned into a day of the month (a past-tense "on Monday" in news means the Monday
//   before the article, which chrono, looking forward, would get wrong).
// - Relative dates keep their words in `relative` ("last month") and, when a reference date is given, the
//   fields chrono resolves at the granularity named: "last month" -> year and month, "yesterday" -> the day,
//   "this week" -> nothing more.
// - Durations ("in 24 hours", "for 19 years", "now") are not dates. A clock time written with a.m. or p.m.
//   ("until 5 p.m.", "7:50 a.m. ET on Wednesday") is kept, in minutes after midnight, so that "8:50" can be
//   checked against "7:50"; one without ("at noon") is not.
// - A span starts at the date itself, not at a preposition before it ("on Monday" -> "Monday").
import * as chrono from 'chrono-node';
import type { Span } from '../types.js';
import { WEEKDAY_WORDS } from '../text/vocabulary.js';
import { findNumbers } from './numbers.js';

export interface DateMention {
  span: Span;
  text: string;
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday. */
  weekday?: number;
  /** Minutes after midnight of a clock time written with a.m. or p.m. */
  time?: number;
  /** The relative expression, lower-cased ("last month", "yesterday"), when the date is relative. */
  relative?: string;
}

// "5 p.m.", "7:50 a.m.": a clock time, a date field when written with a.m. or p.m.
const CLOCK_TIME = /\d\s*[ap]\.?m\b/i;
// Cheap test before calling chrono (~20x slower than this check): most sentences name no date at all.
const DATE_HINT = new RegExp(
  '\\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|' +
    'nov(?:ember)?|dec(?:ember)?|(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|tomorrow|ago|' +
    'weeks?|months?|years?|weekend|days (?:later|earlier))\\b|\\d/\\d|' +
    CLOCK_TIME.source,
  'i',
);
const RELATIVE = /\b(?:yesterday|today|tonight|tomorrow|ago|last|next|this|past|coming|earlier|later)\b/i;
const LEADING_PREPOSITION = /^(?:(?:on|in|at|by|since|from|until|of|the)\s+)+/i;
// Lower-case "may" and "march" are a verb more often than a month ("$31 may fall"); accept them with a year.
const AMBIGUOUS_MONTH = /\b(?:may|march)\b/;
const TIME_UNITS = /\b(?:hours?|minutes?|seconds?|hrs?|mins?)\b/i;
// "over the past 34 years" is a duration; "seven days later" is relative to an event, not to the reference date.
const DURATION = /\b(?:past|last|next|coming|over)\s+\S+\s+(?:days|weeks|months|years|decades)\b/i;
// "for 19 years", "two decades": a count of time units, not the year 2019.
const COUNT_OF_UNITS = /^(?:for\s+)?\S+\s+(?:days|weeks|months|years|decades)$/i;
const WEEKDAY = /(?:mon|tues|wednes|thurs|fri|satur|sun)day/i;
const RELATIVE_TO_EVENT = /\b(?:later|earlier|before|after)\s*$/i;
const TRAILING_FIGURE = /\s+(?:after|before)\s+\d[\d,.]*$/i;

function referenceInstant(referenceDate: string | undefined): Date {
  const [year, month, day] = (referenceDate ?? '2000-01-01').split('-').map(Number);
  return new Date(year, month - 1, day, 12);
}

type DateFields = Pick<DateMention, 'year' | 'month' | 'day' | 'weekday' | 'time'>;

/** The fields a relative date resolves to, at the granularity its words name. */
function relativeFields(words: string, known: DateFields): DateFields {
  if (/\bweeks?\b/.test(words)) return {};
  if (/\bmonths?\b/.test(words)) return { year: known.year, month: known.month };
  if (/\byears?\b/.test(words)) return { year: known.year };
  return known;
}

function definedOnly(fields: DateFields): DateFields {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function fromChrono(result: chrono.ParsedResult, offset: number, resolveRelative: boolean): DateMention | undefined {
  const written = result.text;
  if (TIME_UNITS.test(written) || DURATION.test(written) || /^now$/i.test(written)) return undefined;
  if (AMBIGUOUS_MONTH.test(written) && !result.start.isCertain('year')) return undefined;
  const known: DateFields = {};
  for (const field of ['year', 'month', 'day', 'weekday'] as const) {
    if (result.start.isCertain(field)) known[field] = result.start.get(field) ?? undefined;
  }
  // chrono reads "8,500 weekday riders" as a Friday: a weekday counts only when the text names one.
  if (
    !written
      .toLowerCase()
      .split(/[^a-z]+/)
      .some((word) => WEEKDAY_WORDS.has(word))
  )
    delete known.weekday;
  const lead = LEADING_PREPOSITION.exec(written)?.[0].length ?? 0;
  // chrono reads "Jan. 22 after 14 percent of its students" as a date "Jan. 22 after 14": the figure is no part of it.
  const text = written
    .slice(lead)
    .replace(TRAILING_FIGURE, '')
    .replace(/[,;:]+$/, '');
  if (COUNT_OF_UNITS.test(text)) return undefined;
  const time = clockTime(result, text);
  const start = offset + result.index + lead;
  const base = { span: { start, end: start + text.length }, text };
  // "the week before" is relative to an event: chrono reads it as a week before the reference date.
  const relative = RELATIVE.test(text) || RELATIVE_TO_EVENT.test(text) ? text.toLowerCase() : undefined;
  if (relative === undefined) {
    const fields = definedOnly({ ...known, time });
    return Object.keys(fields).length === 0 ? undefined : { ...base, ...fields };
  }
  const resolvable = resolveRelative && !RELATIVE_TO_EVENT.test(relative);
  const namedWeekday = WEEKDAY.test(relative) ? { weekday: known.weekday } : {};
  const fields = resolvable ? relativeFields(relative, known) : namedWeekday;
  // A clock time is the same whatever day "today" is.
  return { ...base, ...definedOnly({ ...fields, time }), relative };
}

/** Minutes after midnight, when the text writes a clock time with a.m. or p.m. */
function clockTime(result: chrono.ParsedResult, text: string): number | undefined {
  if (!CLOCK_TIME.test(text) || !result.start.isCertain('hour')) return undefined;
  return (result.start.get('hour') ?? 0) * 60 + (result.start.get('minute') ?? 0);
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

export function findDates(text: string, offset = 0, referenceDate?: string): DateMention[] {
  const dates: DateMention[] = [];
  if (DATE_HINT.test(text)) {
    for (const result of chrono.casual.parse(text, referenceInstant(referenceDate))) {
      const mention = fromChrono(result, offset, referenceDate !== undefined);
      if (mention) dates.push(mention);
    }
  }
  for (const number of findNumbers(text, offset)) {
    if (number.kind === 'year' && !dates.some((date) => overlaps(date.span, number.span))) {
      dates.push({ span: number.span, text: number.text, year: number.value });
    }
  }
  return dates.sort((a, b) => a.span.start - b.span.start);
}

/** The weekday of a fully known date, so that "on Monday" can be compared with "June 7, 2021". */
function withWeekday(date: DateMention): DateMention {
  if (date.weekday !== undefined || date.year === undefined || date.month === undefined || date.day === undefined)
    return date;
  return { ...date, weekday: new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() };
}

/**
 * False when a field both dates state differs (2025 vs 2027, Monday vs Wednesday, Jan. 3 vs Jan. 13; a full
 * date's weekday counts as stated); true when they share at least one field and all shared fields agree;
 * undefined when they cannot be compared ("in 2019" vs "on Monday"). Unresolved relative dates compare by
 * their words: "last month" vs "last week" is false.
 */
export function datesAgree(a: DateMention, b: DateMention): boolean | undefined {
  const left = withWeekday(a);
  const right = withWeekday(b);
  let shared = 0;
  for (const field of ['year', 'month', 'day', 'weekday', 'time'] as const) {
    if (left[field] === undefined || right[field] === undefined) continue;
    if (left[field] !== right[field]) return false;
    shared++;
  }
  if (shared > 0) return true;
  if (left.relative !== undefined && right.relative !== undefined) return left.relative === right.relative;
  return undefined;
}
