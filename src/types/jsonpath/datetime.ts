/**
 * Datetime values in jsonpath: `.datetime()` (ISO formats only), `.date()`, `.time([p])`,
 * `.time_tz([p])`, `.timestamp([p])`, `.timestamp_tz([p])`, and comparisons between datetime
 * items. Conversions that depend on the session time zone raise Postgres's 0A000 unless the
 * `_tz` function variants are used.
 *
 * Postgres counterpart: executeDateTimeMethod, compareDatetime and checkTimezoneIsUsedForCast in
 * src/backend/utils/adt/jsonpath_exec.c.
 * `.datetime(template)` reads with to_timestamp's template reader in strict mode.
 */
import { PgError, featureNotSupported } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { JpItem } from '../../grammar/jsonpath/ast.js';
import { OID } from '../oids.js';
import type { TimeTz } from '../values.js';
import { date2j, daysInMonth, isValidJulianDate } from '../datetime/calendar.js';
import { sessionTimeZone } from '../datetime/timezone.js';
import {
  dateToTimestamp,
  dateToTimestamptz,
  timestampToDate,
  timestamptzToDate,
  timestampToTimestamptz,
  timestamptzToTimestamp,
  timestampToTime,
  timestamptzToTime,
  timestamptzToTimetz,
  timeToTimetz,
} from '../datetime/casts.js';
import { JpDatetime, type JpValue } from './item.js';
import { parseTemplate } from '../datetime/to-char-template.js';
import { toLocal } from '../../functions/builtins/to-timestamp.js';
import { executeNext, fail, jpError, Res, type JpContext } from './exec.js';

const POSTGRES_EPOCH_JDATE = 2451545;

/** Now, in microseconds since 2000-01-01 (for time → timetz, which takes today's zone offset). */
function nowMicros(): bigint {
  return BigInt(Date.now() - 946_684_800_000) * 1000n;
}
const USECS_PER_DAY = 86_400_000_000n;

/** The ISO forms `.datetime()` tries, as one pattern: date, time, timestamp, each with optional zone. */
const ISO = /^(?:(\d{4})-(\d{1,2})-(\d{1,2}))?(?:(^|[ T])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,6}))?)?(?:\s*(Z|[+-]\d{1,2}(?::\d{2})?))?$/;

/** Parses one of Postgres's ISO datetime formats; null when none fits. */
export function parseIsoDatetime(s: string): JpDatetime | null {
  const m = ISO.exec(s);
  if (!m) return null;
  const hasDate = m[1] !== undefined;
  const hasTime = m[5] !== undefined;
  const hasTz = m[9] !== undefined;
  if (!hasDate && !hasTime) return null;
  if (hasDate && hasTime && m[4] === '') return null;
  if (!hasTime && hasTz) return null;
  let days = 0;
  if (hasDate) {
    const y = +m[1];
    const mo = +m[2];
    const d = +m[3];
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
    const jd = date2j(y, mo, d);
    if (!isValidJulianDate(jd)) return null;
    days = jd - POSTGRES_EPOCH_JDATE;
  }
  let micros = 0;
  if (hasTime) {
    const h = +m[5];
    const mi = +m[6];
    const sec = +m[7];
    if (h > 23 || mi > 59 || sec > 59) return null;
    micros = ((h * 60 + mi) * 60 + sec) * 1_000_000 + (m[8] ? +m[8].padEnd(6, '0') : 0);
  }
  let tz = 0;
  if (hasTz && m[9] !== 'Z') {
    const [hh, mm] = m[9].slice(1).split(':');
    tz = (+hh * 3600 + (mm ? +mm * 60 : 0)) * (m[9][0] === '-' ? -1 : 1);
  }
  if (!hasDate) {
    if (hasTz) return new JpDatetime(OID.timetz, { time: micros, offset: tz } satisfies TimeTz, tz);
    return new JpDatetime(OID.time, micros, null);
  }
  if (!hasTime) return new JpDatetime(OID.date, days, null);
  const local = BigInt(days) * USECS_PER_DAY + BigInt(micros);
  if (hasTz) return new JpDatetime(OID.timestamptz, local - BigInt(tz) * 1_000_000n, tz);
  return new JpDatetime(OID.timestamp, local, null);
}

const TYPE_NAMES: Record<number, string> = {
  [OID.date]: 'date',
  [OID.time]: 'time',
  [OID.timetz]: 'timetz',
  [OID.timestamp]: 'timestamp',
  [OID.timestamptz]: 'timestamptz',
};

/** checkTimezoneIsUsedForCast: 0A000 when a zone-dependent cast runs without `_tz`. */
function checkTz(useTz: boolean, from: number, to: number): void {
  if (!useTz) {
    throw new PgError(SQLSTATE.feature_not_supported, `cannot convert value from ${TYPE_NAMES[from]} to ${TYPE_NAMES[to]} without time zone usage`, {
      hint: 'Use *_tz() function for time zone support.',
    });
  }
}

function roundMicros(v: bigint, precision: number): bigint {
  const unit = 10n ** BigInt(6 - precision);
  const r = v >= 0n ? (v + unit / 2n) / unit : -((-v + unit / 2n) / unit);
  return r * unit;
}

/** executeDateTimeMethod for .datetime() .date() .time() .time_tz() .timestamp() .timestamp_tz(). */
export function executeDatetimeMethod(cx: JpContext, jsp: JpItem, jb: JpValue, found: JpValue[] | null): Res {
  const method = jsp.kind === 'datetimeMethod' ? jsp.method : 'date';
  if (typeof jb !== 'string') {
    return fail(cx, jpError(SQLSTATE.invalid_argument_for_sql_json_datetime_function, `jsonpath item method .${method}() can only be applied to a string`));
  }
  if (jsp.kind === 'datetimeMethod' && method === 'datetime' && jsp.arg?.kind === 'string') {
    let value: JpDatetime;
    try {
      value = parseWithTemplate(jb, jsp.arg.value);
    } catch (e) {
      if (!(e instanceof PgError)) throw e;
      return fail(cx, () => e);
    }
    return executeNext(cx, jsp.next, value, found);
  }
  const notRecognized = () =>
    fail(cx, () => new PgError(SQLSTATE.invalid_argument_for_sql_json_datetime_function, `${method} format is not recognized: "${jb}"`));
  const parsed = parseIsoDatetime(jb);
  if (!parsed) {
    if (method === 'datetime') {
      return fail(cx, () => new PgError(SQLSTATE.invalid_argument_for_sql_json_datetime_function, `datetime format is not recognized: "${jb}"`, {
        hint: 'Use a datetime template argument to specify the input data format.',
      }));
    }
    return notRecognized();
  }
  const zone = () => sessionTimeZone(cx.io);
  const { typid, value, tz } = parsed;
  let out: JpDatetime = parsed;
  const precision = jsp.kind === 'datetimeMethod' && jsp.arg?.kind === 'numeric' ? Math.min(6, Number(jsp.arg.value.toString())) : -1;
  switch (method) {
    case 'datetime':
      break;
    case 'date':
      if (typid === OID.timestamp) out = new JpDatetime(OID.date, timestampToDate(value as bigint), null);
      else if (typid === OID.timestamptz) {
        checkTz(cx.useTz, typid, OID.date);
        out = new JpDatetime(OID.date, timestamptzToDate(value as bigint, zone()), null);
      } else if (typid !== OID.date) return notRecognized();
      break;
    case 'time': {
      let t: number;
      if (typid === OID.time) t = value as number;
      else if (typid === OID.timetz) {
        checkTz(cx.useTz, typid, OID.time);
        t = (value as TimeTz).time;
      } else if (typid === OID.timestamp) t = timestampToTime(value as bigint) as number;
      else if (typid === OID.timestamptz) {
        checkTz(cx.useTz, typid, OID.time);
        t = timestamptzToTime(value as bigint, zone()) as number;
      } else return notRecognized();
      if (precision >= 0) t = Number(roundMicros(BigInt(t), precision));
      out = new JpDatetime(OID.time, t, null);
      break;
    }
    case 'time_tz': {
      let t: TimeTz;
      if (typid === OID.time) {
        checkTz(cx.useTz, typid, OID.timetz);
        t = timeToTimetz(value as number, zone(), nowMicros());
      } else if (typid === OID.timetz) t = value as TimeTz;
      else if (typid === OID.timestamptz) t = timestamptzToTimetz(value as bigint, zone()) as TimeTz;
      else return notRecognized();
      if (precision >= 0) t = { time: Number(roundMicros(BigInt(t.time), precision)), offset: t.offset };
      out = new JpDatetime(OID.timetz, t, t.offset);
      break;
    }
    case 'timestamp': {
      let ts: bigint;
      if (typid === OID.date) ts = dateToTimestamp(value as number);
      else if (typid === OID.timestamp) ts = value as bigint;
      else if (typid === OID.timestamptz) {
        checkTz(cx.useTz, typid, OID.timestamp);
        ts = timestamptzToTimestamp(value as bigint, zone());
      } else return notRecognized();
      if (precision >= 0) ts = roundMicros(ts, precision);
      out = new JpDatetime(OID.timestamp, ts, null);
      break;
    }
    case 'timestamp_tz': {
      let ts: bigint;
      if (typid === OID.date) {
        checkTz(cx.useTz, typid, OID.timestamptz);
        ts = dateToTimestamptz(value as number, zone());
      } else if (typid === OID.timestamp) {
        checkTz(cx.useTz, typid, OID.timestamptz);
        ts = timestampToTimestamptz(value as bigint, zone());
      } else if (typid === OID.timestamptz) ts = value as bigint;
      else return notRecognized();
      if (precision >= 0) ts = roundMicros(ts, precision);
      // A converted value prints with the session zone's offset at that instant.
      out = new JpDatetime(OID.timestamptz, ts, typid === OID.timestamptz ? (tz ?? 0) : zone().utcOffset(ts));
      break;
    }
  }
  return executeNext(cx, jsp.next, out, found);
}

const DATED = /^(Y,YYY|YYYY|YYY|YY|Y|IYYY|IYY|IY|I|MM|MONTH|MON|DDD|DD|IDDD|J|CC|RM|WW|W|IW|Q|BC|AD|B\.C\.|A\.D\.)$/i;
const TIMED = /^(HH24|HH12|HH|MI|SSSSS|SSSS|SS|MS|US|FF[1-6]|AM|PM|A\.M\.|P\.M\.)$/i;
const ZONED = /^(TZH|TZM|TZ|OF)$/i;

/** .datetime(template): parse_datetime in strict mode; the type follows the template's fields. */
function parseWithTemplate(input: string, template: string): JpDatetime {
  let dated = false;
  let timed = false;
  let zoned = false;
  for (const node of parseTemplate(template)) {
    if (!('key' in node)) {
      // Outside double quotes, only separators and spaces may stand between fields in strict mode.
      if (!template.includes('"')) {
        for (const c of node.lit) {
          if (!/[\s\-\/,.';:]/.test(c)) throw new PgError(SQLSTATE.invalid_datetime_format, `invalid datetime format separator: "${c}"`);
        }
      }
      continue;
    }
    if (DATED.test(node.key)) dated = true;
    else if (TIMED.test(node.key)) timed = true;
    else if (ZONED.test(node.key)) zoned = true;
  }
  if (!dated && !timed) {
    throw new PgError(SQLSTATE.invalid_datetime_format, 'datetime format is not dated and not timed');
  }
  const { local, tz } = toLocal(input, template, !timed, true);
  const off = zoned ? (tz ?? 0) : null;
  if (dated && !timed && !zoned) {
    return new JpDatetime(OID.date, Number(local / USECS_PER_DAY) - (local < 0n && local % USECS_PER_DAY !== 0n ? 1 : 0), null);
  }
  if (!dated) {
    const t = Number(((local % USECS_PER_DAY) + USECS_PER_DAY) % USECS_PER_DAY);
    return off === null ? new JpDatetime(OID.time, t, null) : new JpDatetime(OID.timetz, { time: t, offset: off } satisfies TimeTz, off);
  }
  if (off === null) return new JpDatetime(OID.timestamp, local, null);
  return new JpDatetime(OID.timestamptz, local - BigInt(off) * 1_000_000n, off);
}

/** compareDatetime: order of two datetime items, null when they are not comparable. */
export function compareDatetimes(a: JpDatetime, b: JpDatetime, useTz: boolean, cx?: JpContext): number | null {
  const cmp = (x: bigint | number, y: bigint | number) => (x < y ? -1 : x > y ? 1 : 0);
  const zone = () => sessionTimeZone(cx?.io ?? { timeZone: 'UTC' });
  const asTimestamp = (d: JpDatetime): bigint => (d.typid === OID.date ? dateToTimestamp(d.value as number) : (d.value as bigint));
  const t1 = a.typid;
  const t2 = b.typid;
  const dateLike = (t: number) => t === OID.date || t === OID.timestamp || t === OID.timestamptz;
  const timeLike = (t: number) => t === OID.time || t === OID.timetz;
  if (dateLike(t1) && dateLike(t2)) {
    if (t1 === t2) return cmp(a.value as bigint | number, b.value as bigint | number);
    if (t1 !== OID.timestamptz && t2 !== OID.timestamptz) return cmp(asTimestamp(a), asTimestamp(b));
    checkTz(useTz, t1 === OID.timestamptz ? t2 : t1, OID.timestamptz);
    const toTz = (d: JpDatetime): bigint =>
      d.typid === OID.timestamptz ? (d.value as bigint) : d.typid === OID.date ? dateToTimestamptz(d.value as number, zone()) : timestampToTimestamptz(d.value as bigint, zone());
    return cmp(toTz(a), toTz(b));
  }
  if (timeLike(t1) && timeLike(t2)) {
    if (t1 === OID.time && t2 === OID.time) return cmp(a.value as number, b.value as number);
    if (t1 === OID.timetz && t2 === OID.timetz) {
      const x = a.value as TimeTz;
      const y = b.value as TimeTz;
      return cmp(x.time - x.offset * 1_000_000, y.time - y.offset * 1_000_000) || cmp(-x.offset, -y.offset);
    }
    checkTz(useTz, OID.time, OID.timetz);
    const asTz = (d: JpDatetime): TimeTz => (d.typid === OID.timetz ? (d.value as TimeTz) : timeToTimetz(d.value as number, zone(), nowMicros()));
    const x = asTz(a);
    const y = asTz(b);
    return cmp(x.time - x.offset * 1_000_000, y.time - y.offset * 1_000_000) || cmp(-x.offset, -y.offset);
  }
  return null;
}
