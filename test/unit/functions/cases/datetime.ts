/** Cases for date/time operators and functions (session TimeZone UTC unless a case sets it). */
import { OID } from '../../../../src/types/oids.js';
import { fnCase, opCase, type Case } from '../harness.js';

const { date: D, time: TM, timetz: TTZ, timestamp: TS, timestamptz: TSTZ, interval: IV, int4: I4, float8: F8, text: T } = OID;

const TSS = ['2024-03-05 14:07:09.123456', '2000-01-01 00:00:00', '1999-12-31 23:59:59.999999', '2024-02-29 12:00:00', '0044-03-15 12:00:00 BC', '294276-12-31 23:59:59', 'infinity', '-infinity', '2021-01-03 00:00', '2020-12-31 05:06:07'];
const TSTZS = ['2024-03-05 14:07:09.123456+00', '2024-03-10 06:30:00+00', '2024-11-03 05:30:00+00', '2000-01-01 00:00:00+05:30', 'infinity', '1970-01-01 00:00:00+00'];
const DATES = ['2024-03-05', '2000-01-01', '2024-02-29', '1999-12-31', '0001-01-01 BC', '5874897-12-31', 'infinity', '-infinity', '2021-01-03'];
const IVS = ['1 day', '1 mon', '1 year 2 mons 3 days 04:05:06.789', '-1 day +25:00', '00:00:00.000001', '1 mon -1 day', '25 hours', '-2 years', '0', '36 days 13:00', 'infinity', '-infinity'];
const TIMES = ['00:00', '12:34:56.789', '23:59:59.999999', '24:00'];
const FIELDS = ['microseconds', 'milliseconds', 'second', 'minute', 'hour', 'day', 'week', 'month', 'quarter', 'year', 'decade', 'century', 'millennium', 'epoch', 'dow', 'isodow', 'doy', 'isoyear', 'julian', 'timezone', 'timezone_hour', 'timezone_minute', 'foo'];

export function cases(): Case[] {
  const out: Case[] = [];
  for (const d of DATES) {
    for (const n of ['1', '-1', '365', '0']) out.push(opCase('+', D, I4, [d, n]), opCase('-', D, I4, [d, n]));
    for (const e of DATES) out.push(opCase('-', D, D, [d, e]), opCase('<', D, D, [d, e]));
    for (const iv of IVS) out.push(opCase('+', D, IV, [d, iv]), opCase('-', D, IV, [d, iv]));
    for (const t of TIMES) out.push(opCase('+', D, TM, [d, t]));
    for (const ts of TSS) out.push(opCase('=', D, TS, [d, ts]), opCase('<', D, TS, [d, ts]), opCase('>', TS, D, [ts, d]));
    for (const ts of TSTZS) out.push(opCase('<', D, TSTZ, [d, ts]), opCase('=', TSTZ, D, [ts, d]));
    for (const f of FIELDS) out.push(fnCase('date_part', [T, D], [f, d]), fnCase('extract', [T, D], [f, d], { sql: 'pg_catalog.extract($1::text, $2::date)' }));
    out.push(fnCase('isfinite', [D], [d]));
  }
  for (const ts of TSS) {
    for (const iv of IVS) out.push(opCase('+', TS, IV, [ts, iv]), opCase('-', TS, IV, [ts, iv]), opCase('+', IV, TS, [iv, ts]));
    for (const t2 of TSS) out.push(opCase('-', TS, TS, [ts, t2]), opCase('<', TS, TS, [ts, t2]), fnCase('age', [TS, TS], [ts, t2]));
    for (const f of FIELDS) {
      out.push(fnCase('date_part', [T, TS], [f, ts]));
      out.push(fnCase('extract', [T, TS], [f, ts], { sql: 'pg_catalog.extract($1::text, $2::timestamp)' }));
      out.push(fnCase('date_trunc', [T, TS], [f, ts]));
    }
    for (const z of ['UTC', 'America/New_York', 'Asia/Kolkata', '+05', 'EST', 'nowhere']) {
      out.push(fnCase('timezone', [T, TS], [z, ts]));
    }
    out.push(fnCase('isfinite', [TS], [ts]));
    for (const fmt of ['YYYY-MM-DD HH24:MI:SS.MS US', 'FMMonth FMDDth, YYYY HH12:MI AM', 'Day Dy DAY dy IYYY-IW-ID IDDD DDD WW W J Q CC RM rm', 'Y,YYY YYY YY Y BC b.c. SSSS "quoted" FF3']) {
      out.push(fnCase('to_char', [TS, T], [ts, fmt]));
    }
  }
  for (const ts of TSTZS) {
    for (const iv of IVS) out.push(opCase('+', TSTZ, IV, [ts, iv]), opCase('-', TSTZ, IV, [ts, iv]));
    for (const t2 of TSTZS) out.push(opCase('-', TSTZ, TSTZ, [ts, t2]), fnCase('age', [TSTZ, TSTZ], [ts, t2]));
    for (const f of FIELDS) {
      out.push(fnCase('date_part', [T, TSTZ], [f, ts]), fnCase('date_trunc', [T, TSTZ], [f, ts]));
      out.push(fnCase('date_trunc', [T, TSTZ, T], [f, ts, 'Asia/Kolkata']));
    }
    for (const z of ['UTC', 'America/New_York', 'Asia/Kolkata', '+05', 'EST']) out.push(fnCase('timezone', [T, TSTZ], [z, ts]));
    out.push(fnCase('to_char', [TSTZ, T], [ts, 'YYYY-MM-DD HH24:MI:SS TZ tz TZH:TZM OF']));
    out.push(fnCase('date_add', [TSTZ, IV, T], [ts, '1 day', 'America/New_York']), fnCase('date_subtract', [TSTZ, IV], [ts, '1 mon']));
    for (const t2 of TSS) out.push(opCase('<', TSTZ, TS, [ts, t2]), opCase('=', TS, TSTZ, [t2, ts]));
  }
  for (const iv of IVS) {
    for (const i2 of IVS) out.push(opCase('+', IV, IV, [iv, i2]), opCase('-', IV, IV, [iv, i2]), opCase('<', IV, IV, [iv, i2]), opCase('=', IV, IV, [iv, i2]));
    for (const x of ['2', '0.5', '-1', '0', '1e10', '0.333']) out.push(opCase('*', IV, F8, [iv, x]), opCase('/', IV, F8, [iv, x]), opCase('*', F8, IV, [x, iv]));
    out.push(opCase('-', 0, IV, [iv]), fnCase('justify_days', [IV], [iv]), fnCase('justify_hours', [IV], [iv]), fnCase('justify_interval', [IV], [iv]));
    out.push(fnCase('isfinite', [IV], [iv]), fnCase('to_char', [IV, T], [iv, 'YYYY MM DD HH24 HH12 MI SS MS']));
    for (const f of FIELDS) out.push(fnCase('date_part', [T, IV], [f, iv]), fnCase('date_trunc', [T, IV], [f, iv]));
    for (const t of TIMES) out.push(opCase('+', TM, IV, [t, iv]), opCase('-', TM, IV, [t, iv]));
  }
  for (const t of TIMES) {
    for (const t2 of TIMES) out.push(opCase('-', TM, TM, [t, t2]), opCase('<', TM, TM, [t, t2]));
    for (const f of FIELDS) out.push(fnCase('date_part', [T, TM], [f, t]));
  }
  for (const tz of ['12:00+05:30', '23:59:59-08', '00:00+00']) {
    out.push(opCase('+', TTZ, IV, [tz, '1 hour']), fnCase('date_part', [T, TTZ], ['timezone', tz]), opCase('<', TTZ, TTZ, [tz, '12:00+00']));
    out.push(opCase('+', D, TTZ, ['2024-01-01', tz]));
  }
  const mk: [string, number[], string[]][] = [
    ['make_date', [I4, I4, I4], ['2024', '2', '29']],
    ['make_date', [I4, I4, I4], ['2023', '2', '29']],
    ['make_date', [I4, I4, I4], ['-44', '3', '15']],
    ['make_date', [I4, I4, I4], ['0', '1', '1']],
    ['make_time', [I4, I4, F8], ['12', '34', '56.789']],
    ['make_time', [I4, I4, F8], ['24', '0', '0']],
    ['make_time', [I4, I4, F8], ['25', '0', '0']],
    ['make_timestamp', [I4, I4, I4, I4, I4, F8], ['2024', '3', '5', '14', '7', '9.5']],
    ['make_timestamptz', [I4, I4, I4, I4, I4, F8], ['2024', '3', '5', '14', '7', '9.5']],
    ['make_timestamptz', [I4, I4, I4, I4, I4, F8, T], ['2024', '3', '5', '14', '7', '9.5', 'America/New_York']],
    ['make_interval', [I4, I4, I4, I4, I4, I4, F8], ['1', '2', '3', '4', '5', '6', '7.5']],
    ['date_bin', [IV, TS, TS], ['15 minutes', '2024-03-05 14:07:09', '2000-01-01']],
    ['date_bin', [IV, TS, TS], ['1 mon', '2024-03-05 14:07:09', '2000-01-01']],
    ['date_bin', [IV, TSTZ, TSTZ], ['1 day', '2024-03-05 14:07:09+00', '2000-01-01 03:00+00']],
    ['to_timestamp', [F8], ['1.5']],
    ['to_timestamp', [F8], ['NaN']],
    ['to_timestamp', [F8], ['1e20']],
    ['to_timestamp', [F8], ['-1e10']],
    ['to_timestamp', [F8], ['infinity']],
    ['generate_series', [TS, TS, IV], ['2024-01-31', '2024-06-01', '1 mon']],
    ['generate_series', [TS, TS, IV], ['2024-01-01', '2024-01-02', '0']],
    ['generate_series', [TS, TS, IV], ['2024-01-01', '2024-01-02', 'infinity']],
    ['generate_series', [TS, TS, IV], ['2024-01-02', '2024-01-01', '-6 hours']],
    ['generate_series', [TSTZ, TSTZ, IV], ['2024-03-09 12:00+00', '2024-03-12 12:00+00', '1 day']],
    ['generate_series', [TSTZ, TSTZ, IV, T], ['2024-03-09 12:00+00', '2024-03-12 12:00+00', '1 day', 'America/New_York']],
  ];
  for (const [f, types, args] of mk) out.push(fnCase(f, types, args));
  const ends = ['2024-01-01', '2024-01-10', '2024-01-20', null];
  for (const a of ends) for (const b of ends) for (const c of ['2024-01-05', '2024-01-10', null]) for (const d of ['2024-01-15', '2024-01-01', null]) {
    out.push(fnCase('overlaps', [TS, TS, TS, TS], [a, b, c, d], { sql: '($1::timestamp, $2::timestamp) overlaps ($3::timestamp, $4::timestamp)' }));
  }
  for (const [a, b, c, d] of [['2024-01-01', '5 days', '2024-01-05', '1 day'], ['2024-01-01', '4 days', '2024-01-05', '1 day'], [null, '1 day', '2024-01-01', '1 day']]) {
    out.push(fnCase('overlaps', [TS, IV, TS, IV], [a, b, c, d], { sql: '($1::timestamp, $2::interval) overlaps ($3::timestamp, $4::interval)' }));
    out.push(fnCase('overlaps', [TSTZ, IV, TSTZ, TSTZ], [a && a + '+00', b, c && c + '+00', '2024-01-09+00'], { sql: '($1::timestamptz, $2::interval) overlaps ($3::timestamptz, $4::timestamptz)' }));
  }
  out.push(fnCase('overlaps', [TM, TM, TM, TM], ['10:00', '12:00', '11:00', '13:00'], { sql: '($1::time, $2::time) overlaps ($3::time, $4::time)' }));
  out.push(fnCase('overlaps', [TTZ, TTZ, TTZ, TTZ], ['10:00+00', '12:00+00', '12:00+00', '13:00+00'], { sql: '($1::timetz, $2::timetz) overlaps ($3::timetz, $4::timetz)' }));
  return out;
}

/** Cases whose results depend on the session zone (run with TimeZone America/New_York). */
export function zonedCases(): Case[] {
  const out: Case[] = [];
  const tz = ['2024-03-10 06:30:00+00', '2024-03-10 07:30:00+00', '2024-11-03 05:30:00+00', '2024-11-03 06:30:00+00', '2024-01-15 12:00:00+00', 'infinity'];
  for (const ts of tz) {
    for (const iv of ['1 day', '1 mon', '24 hours', '-1 day', '1 day 1 hour']) out.push(opCase('+', TSTZ, IV, [ts, iv]), opCase('-', TSTZ, IV, [ts, iv]));
    for (const f of ['day', 'hour', 'month', 'week', 'epoch', 'timezone', 'timezone_hour', 'dow']) {
      out.push(fnCase('date_part', [T, TSTZ], [f, ts]), fnCase('date_trunc', [T, TSTZ], [f, ts]));
    }
    out.push(fnCase('to_char', [TSTZ, T], [ts, 'YYYY-MM-DD HH24:MI:SS TZ tz TZH:TZM OF']));
    out.push(fnCase('timezone', [TSTZ], [ts], { sql: '($1::timestamptz at local)' }), fnCase('timezone', [T, TSTZ], ['UTC', ts]));
    for (const t2 of tz) out.push(fnCase('age', [TSTZ, TSTZ], [ts, t2]));
  }
  for (const d of ['2024-03-10', '2024-11-03', '2024-01-01', 'infinity']) {
    for (const ts of tz) out.push(opCase('<', D, TSTZ, [d, ts]), opCase('=', TSTZ, D, [ts, d]));
  }
  for (const ts of ['2024-03-10 02:30:00', '2024-11-03 01:30:00', '2024-06-01 00:00']) {
    out.push(fnCase('timezone', [TS], [ts], { sql: '($1::timestamp at local)' }));
    out.push(opCase('=', TS, TSTZ, [ts, '2024-03-10 07:30:00+00']), opCase('<', TSTZ, TS, ['2024-11-03 06:30:00+00', ts]));
  }
  out.push(fnCase('generate_series', [TSTZ, TSTZ, IV], ['2024-03-09 12:00+00', '2024-03-12 12:00+00', '1 day']));
  out.push(fnCase('make_timestamptz', [I4, I4, I4, I4, I4, F8], ['2024', '3', '10', '2', '30', '0']));
  return out;
}
