/**
 * Public API of the date/time type family: the TypeIO objects, session helpers and the
 * operators/functions the executor binds to SQL names. See README.md for the file map.
 *
 * Postgres counterpart: src/backend/utils/adt/{date,timestamp,datetime,formatting}.c.
 */
export { dateIO, dateIn, dateOut, isValidDate } from './date.js';
export { timeIO, timeIn, timeOut } from './time.js';
export { timetzIO, timetzIn, timetzOut, timetzCompare } from './timetz.js';
export {
  timestampIO, timestamptzIO, timestampIn, timestamptzIn, timestampOut, timestamptzOut, EPOCH_TIMESTAMP,
} from './timestamp.js';
export { intervalIO, intervalIn, intervalOut, adjustIntervalForTypmod, intervalTypmodParts, makeIntervalTypmod } from './interval.js';
export { IRANGE } from './interval-parse.js';
export {
  INTERVAL_INFINITY, INTERVAL_NEG_INFINITY, intervalCompare, intervalSpan, isIntervalInfinite, makeIntervalValue,
} from './interval-value.js';
export { formatInterval } from './interval-format.js';
export {
  intervalAdd, intervalSub, intervalNegate, intervalMul, intervalDiv, justifyDays, justifyHours, justifyInterval,
} from './interval-arith.js';
export {
  timestampPlusInterval, timestampMinusInterval, timestamptzPlusInterval, timestamptzMinusInterval, timestampDiff,
  dateAddDays, dateSubDays, dateDiff, datePlusInterval, dateMinusInterval, ageTimestamp, ageTimestamptz,
  ageTimestampFromToday, ageTimestamptzFromToday, currentDateMidnight, dateBin,
} from './timestamp-arith.js';
export * from './casts.js';
export { dateTruncTimestamp, dateTruncTimestamptz, dateTruncInterval } from './trunc.js';
export * from './extract.js';
export { makeDate, makeTime, makeTimestamp, makeTimestamptz, makeInterval } from './make.js';
export * from './at-time-zone.js';
export { resolveZoneArgument, zoneFromArgument, type ZoneArg } from './zone-arg.js';
export {
  sessionTimeZone, resolveTimeZoneSetting, lookupNamedZone, lookupTzAbbrev, offsetForLocalTime, fixedOffsetZone,
  UTC_ZONE, type PgTimeZone,
} from './timezone.js';
export { parseDateStyle, type DateStyle } from './datestyle.js';
export {
  contextNow, wallClockTimestamp, UNIX_TO_PG_EPOCH_USECS, type DateTimeIoContext,
} from './io-context.js';
export { roundTimestampToTypmod, roundTimeToTypmod } from './precision.js';
export { toCharTimestamp, toCharTimestamptz, toCharInterval } from './to-char.js';
