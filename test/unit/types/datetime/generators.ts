/**
 * fast-check generators of date/time text for differential tests: timestamps across years 1..9999
 * and BC, times with up to 8 fraction digits, zone suffixes and intervals of every shape.
 */
import fc from 'fast-check';

const p2 = (n: number): string => String(n).padStart(2, '0');

/** Session zones exercised: DST, half- and quarter-hour, southern hemisphere, POSIX and numeric. */
export const SESSION_ZONES = [
  'UTC', 'America/New_York', 'Europe/Paris', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns',
  'Asia/Kathmandu', 'Pacific/Chatham', 'America/Sao_Paulo', 'Africa/Casablanca', 'Europe/Moscow', 'Asia/Tehran',
  'Pacific/Apia', 'America/Los_Angeles', 'Antarctica/Troll', '+05:30', 'UTC+3', 'EST5EDT', '-3.5',
  'Asia/Shanghai', 'Europe/London',
] as const;

/** Zone suffixes appended to timestamps (numeric, abbreviations, IANA names). */
export const ZONE_SUFFIXES = [
  '', '', '', 'Z', '+05', '-08:00', '+05:30', '-0330', ' UTC', ' EST', ' EDT', ' PST', ' CET', ' America/Chicago',
  ' Asia/Tokyo', ' Europe/London', ' +14', ' -12:45', ' BST', ' CST', ' GMT',
] as const;

/** A year 1..9999 with extra weight on the era of most zone transitions. */
export const arbYear = fc.oneof(
  fc.integer({ min: 1, max: 9999 }),
  fc.integer({ min: 1850, max: 2100 }),
  fc.integer({ min: 1, max: 4713 }),
);

/** Timestamp text `YYYY-MM-DD[ T]HH:MM:SS[.f] [zone] [BC]` (sometimes an invalid day like Feb 30). */
export const arbTimestampText = fc
  .record({
    y: arbYear,
    bc: fc.boolean(),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 31 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    frac: fc.stringMatching(/^[0-9]{0,8}$/),
    sep: fc.constantFrom(' ', 'T'),
    suffix: fc.constantFrom(...ZONE_SUFFIXES),
  })
  .map(
    (r) =>
      `${String(r.y).padStart(4, '0')}-${p2(r.m)}-${p2(r.d)}${r.sep}${p2(r.h)}:${p2(r.mi)}:${p2(r.s)}` +
      `${r.frac ? '.' + r.frac : ''}${r.suffix}${r.bc && r.y < 4714 ? ' BC' : ''}`,
  );

/** A valid timestamp text without zone, in years 1..9999 AD or BC. */
export const arbPlainTimestampText = fc
  .record({
    y: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1900, max: 2100 })),
    bc: fc.integer({ min: 0, max: 9 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    us: fc.integer({ min: 0, max: 999_999 }),
  })
  .map(
    (r) =>
      `${String(r.y).padStart(4, '0')}-${p2(r.m)}-${p2(r.d)} ${p2(r.h)}:${p2(r.mi)}:${p2(r.s)}.${String(r.us).padStart(6, '0')}` +
      `${r.bc === 0 && r.y <= 4713 ? ' BC' : ''}`,
  );

/** Interval text built from random signed parts, in Postgres or ISO 8601 syntax. */
export const arbIntervalText = fc.oneof(
  fc
    .record({
      y: fc.integer({ min: -300, max: 300 }),
      mo: fc.integer({ min: -40, max: 40 }),
      d: fc.integer({ min: -400, max: 400 }),
      h: fc.integer({ min: -100, max: 100 }),
      mi: fc.integer({ min: 0, max: 59 }),
      s: fc.integer({ min: 0, max: 59 }),
      us: fc.integer({ min: 0, max: 999_999 }),
      neg: fc.boolean(),
      mask: fc.integer({ min: 1, max: 15 }),
      ago: fc.integer({ min: 0, max: 9 }),
    })
    .map((r) => {
      const parts: string[] = [];
      if (r.mask & 1) parts.push(`${r.y} years`);
      if (r.mask & 2) parts.push(`${r.mo} mons`);
      if (r.mask & 4) parts.push(`${r.d} days`);
      if (r.mask & 8) parts.push(`${r.neg ? '-' : ''}${Math.abs(r.h)}:${p2(r.mi)}:${p2(r.s)}.${String(r.us).padStart(6, '0')}`);
      return parts.join(' ') + (r.ago === 0 ? ' ago' : '');
    }),
  fc
    .record({
      n: fc.double({ min: -1000, max: 1000, noNaN: true }).map((x) => Math.round(x * 1000) / 1000),
      unit: fc.constantFrom('years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'ms', 'us', 'decades'),
      n2: fc.integer({ min: -1000, max: 1000 }),
      unit2: fc.constantFrom('days', 'hours', 'mins', 'secs'),
    })
    .map((r) => `${r.n} ${r.unit} ${r.n2} ${r.unit2}`),
  fc
    .record({
      y: fc.integer({ min: -50, max: 50 }),
      m: fc.integer({ min: -20, max: 20 }),
      d: fc.integer({ min: -60, max: 60 }),
      h: fc.integer({ min: -30, max: 30 }),
      mi: fc.integer({ min: -90, max: 90 }),
      s: fc.double({ min: -100, max: 100, noNaN: true }).map((x) => Math.round(x * 1e6) / 1e6),
    })
    .map((r) => `P${r.y}Y${r.m}M${r.d}DT${r.h}H${r.mi}M${r.s}S`),
);

/** Time-of-day text with optional fraction, and optional zone suffix for timetz. */
export const arbTimeText = fc
  .record({
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    frac: fc.stringMatching(/^[0-9]{0,8}$/),
    suffix: fc.constantFrom('', '+05', '-08:00', '+05:30', '-0330', ' UTC', ' EST', ' PST', ' +14', ' -12:45', 'Z'),
  })
  .map((r) => `${p2(r.h)}:${p2(r.mi)}:${p2(r.s)}${r.frac ? '.' + r.frac : ''}${r.suffix}`);

/** Near-garbage: date/time-ish tokens glued in random order, to probe every error path. */
export const arbJunkText = fc
  .array(
    fc.constantFrom(
      '1', '2', '12', '31', '2024', '0', '99', '123456', '20240131', '-', '+', ':', '.', '/', ' ', ' ', 'T', 't', 'jan',
      'Mon', 'pm', 'am', 'bc', 'ad', 'EST', 'UTC', 'z', 'America/New_York', 'epoch', 'infinity', 'now', 'today',
      'allballs', 'j', 'day', 'days', 'hour', 'mons', 'year', 'ago', '@', 'P', 'Y', 'M', 'D', 'H', 'S', 'W', ',', '05',
      '5', '.5', '1.5', 'on', 'at', 'week', 'ms', 'us', 'x', 'é', '"', "'", '24', '60', '+05:30', '-08',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((a) => a.join(''));
