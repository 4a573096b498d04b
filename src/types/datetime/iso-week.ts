/**
 * ISO 8601 week numbering: the week of a date, the ISO year it belongs to, and the first day of a
 * given ISO week (weeks start on Monday; week 1 holds the year's first Thursday).
 *
 * Postgres counterpart: date2isoweek, date2isoyear, isoweek2j, isoweek2date in
 * src/backend/utils/adt/timestamp.c.
 */
import { date2j, j2date, j2day } from './calendar.js';

/** Julian day of the Monday starting week 1 of ISO year `year`. */
function week1Start(year: number): number {
  const day4 = date2j(year, 1, 4);
  return day4 - j2day(day4 - 1);
}

/** ISO week number (1..53) of a date. */
export function date2isoweek(year: number, month: number, day: number): number {
  const dayn = date2j(year, month, day);
  let start = week1Start(year);
  if (dayn < start) start = week1Start(year - 1);
  let week = Math.floor((dayn - start) / 7) + 1;
  if (week >= 52) {
    const next = week1Start(year + 1);
    if (dayn >= next) week = Math.floor((dayn - next) / 7) + 1;
  }
  return week;
}

/** ISO year (astronomical numbering) a date belongs to. */
export function date2isoyear(year: number, month: number, day: number): number {
  const dayn = date2j(year, month, day);
  let y = year;
  let start = week1Start(y);
  if (dayn < start) {
    y--;
    start = week1Start(y);
  }
  const week = Math.floor((dayn - start) / 7) + 1;
  if (week >= 52 && dayn >= week1Start(y + 1)) y++;
  return y;
}

/** Julian day of the Monday of ISO week `week` of ISO year `year`. */
export function isoweek2j(year: number, week: number): number {
  return (week - 1) * 7 + week1Start(year);
}

/** The date of the Monday of ISO week `week` of ISO year `year`. */
export function isoweek2date(year: number, week: number): { year: number; month: number; day: number } {
  return j2date(isoweek2j(year, week));
}
