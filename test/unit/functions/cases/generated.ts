/** Generated inputs for case mapping, to_char templates and numeric rounding (fast-check, fixed seeds). */
import fc from 'fast-check';
import { OID } from '../../../../src/types/oids.js';
import { fnCase, type Case } from '../harness.js';

const { text: T, timestamp: TS, timestamptz: TSTZ, interval: IV, numeric: N, int4: I4 } = OID;

export function cases(): Case[] {
  const out: Case[] = [];
  const words = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'Ǆ', 'ß', ' ', '-', "'", '_', '1', '.', 'ﬁ', 'İ', 'x'), maxLength: 10 });
  for (const s of fc.sample(words, { seed: 3, numRuns: 150 })) out.push(fnCase('initcap', [T], [s]), fnCase('upper', [T], [s]), fnCase('lower', [T], [s]));
  const keyword = fc.constantFrom(
    'YYYY', 'YY', 'Y,YYY', 'MM', 'Mon', 'MONTH', 'month', 'DD', 'DDD', 'D', 'Day', 'DY', 'HH', 'HH12', 'HH24', 'MI', 'SS', 'MS', 'US', 'FF2', 'AM', 'p.m.',
    'IYYY', 'IW', 'ID', 'WW', 'W', 'J', 'Q', 'CC', 'RM', 'SSSS', 'TZ', 'OF', 'BC', 'th', 'FM', 'fm', ' ', '-', ':', '"lit"', 'x', 'TH',
  );
  const template = fc.array(keyword, { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
  const ts = fc.integer({ min: -2_000_000, max: 2_000_000 }).map((d) => {
    const ms = d * 86_400_000 / 37 + 946_684_800_000;
    return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
  });
  for (const [t, f] of fc.sample(fc.tuple(ts, template), { seed: 5, numRuns: 200 })) {
    out.push(fnCase('to_char', [TS, T], [t, f]), fnCase('to_char', [TSTZ, T], [t + '+00', f]));
  }
  const iv = fc.tuple(fc.integer({ min: -30, max: 30 }), fc.integer({ min: -40, max: 40 }), fc.integer({ min: -100000, max: 100000 })).map(([m, d, s]) => `${m} mons ${d} days ${s} seconds`);
  // Known gap: ISO-week and Julian-day fields of intervals (computed by Postgres from a
  // pseudo-date with negative months) are left out.
  for (const [v, f] of fc.sample(fc.tuple(iv, template), { seed: 6, numRuns: 100 })) {
    if (!/I|J/.test(f)) out.push(fnCase('to_char', [IV, T], [v, f]));
  }
  const dec = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 8 })).map(([c, s]) => {
    const neg = c < 0n;
    const digits = (neg ? -c : c).toString().padStart(s + 1, '0');
    return (neg ? '-' : '') + (s ? digits.slice(0, -s) + '.' + digits.slice(-s) : digits);
  });
  for (const [v, s] of fc.sample(fc.tuple(dec, fc.integer({ min: -6, max: 6 })), { seed: 8, numRuns: 200 })) {
    out.push(fnCase('round', [N, I4], [v, String(s)]), fnCase('trunc', [N, I4], [v, String(s)]));
    out.push(fnCase('to_char', [N, T], [v, 'FM999,999,990.000']), fnCase('to_char', [N, T], [v, 'S0000000.0']), fnCase('to_char', [N, T], [v, '9.999EEEE']));
  }
  return out;
}
