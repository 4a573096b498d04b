/**
 * pg_timezone_names: every tz database zone Postgres knows, with the abbreviation, UTC offset and
 * DST flag in effect now; pg_timezone_abbrevs: the timezone_abbreviations table (Default set).
 * pg_timezone_names() is also callable as the function behind its view.
 * Postgres counterpart: pg_timezone_names() in src/backend/utils/adt/datetime.c,
 * pg_timezone_abbrevs_zone / pg_timezone_abbrevs_abbrevs.
 * Known gaps: is_dst compares the offset with the zone's smaller offset of January and July (zones
 * with "negative DST", Europe/Dublin, are flagged as tzdata does); the abbreviations come from
 * the zone abbreviations recorded for 2024.
 */
import { FixedOffsetZone } from '../../types/datetime/tz-zone.js';
import { lookupNamedZone } from '../../types/datetime/timezone.js';
import { TZ_NAMES } from '../../types/datetime/tz-names.js';
import { ZONE_ABBREVS } from '../../types/datetime/tz-zone-abbrevs.js';
import { numericAbbrev } from '../../types/datetime/tz-zone.js';
import { makeIntervalValue } from '../../types/datetime/interval-value.js';
import { featureNotSupported } from '../../errors/pg-error.js';
import { defineRows, type RowObject } from './registry.js';
import { fn } from '../../functions/registry.js';
import { OID } from '../../types/oids.js';
import { PgRecord } from '../../types/values.js';
import type { SessionContext } from '../../session/session-context.js';

const ABBREVS = new Map<string, [string, number][]>(
  ZONE_ABBREVS.map((line) => {
    const [zone, ...pairs] = line.split(' ');
    return [zone, pairs.map((p) => {
      const eq = p.lastIndexOf('=');
      return [p.slice(0, eq), Number(p.slice(eq + 1))] as [string, number];
    })];
  }),
);
/** Zones whose tzdata rules mark winter time as the DST period (negative save). */
const NEGATIVE_DST = new Set(['Europe/Dublin', 'Eire']);

const EPOCH_2000_MS = Date.UTC(2000, 0, 1);
const toPgMicros = (ms: number): bigint => BigInt(ms - EPOCH_2000_MS) * 1000n;

defineRows('pg_catalog', 'pg_timezone_names', {
  scope: 'session',
  rows: ({ session }) => timezoneNames(session),
});

// The function behind the view (SELECT (pg_timezone_names()).name ...).
const TZ_COLUMNS = [
  { name: 'name', type: OID.text },
  { name: 'abbrev', type: OID.text },
  { name: 'utc_offset', type: OID.interval },
  { name: 'is_dst', type: OID.bool },
];
fn('pg_timezone_names', [], OID.record, (_a, rt) => Array.from(timezoneNames(rt.session), (r) => new PgRecord(TZ_COLUMNS.map((c) => r[c.name] ?? null), TZ_COLUMNS.map((c) => c.name), TZ_COLUMNS.map((c) => c.type))), {
  retset: true,
  volatility: 's',
  outColumns: TZ_COLUMNS,
});

/** The zones with their abbreviation, offset and DST flag at the transaction's start. */
function* timezoneNames(session: SessionContext): Iterable<RowObject> {
  {
    const nowMs = Number(session.transactionTimestamp() / 1000n) + EPOCH_2000_MS;
    const year = new Date(nowMs).getUTCFullYear();
    const now = toPgMicros(nowMs);
    const jan = toPgMicros(Date.UTC(year, 0, 1));
    const jul = toPgMicros(Date.UTC(year, 6, 1));
    for (const name of TZ_NAMES) {
      const zone = lookupNamedZone(name);
      if (!zone) continue;
      const off = zone.utcOffset(now);
      const std = Math.min(zone.utcOffset(jan), zone.utcOffset(jul));
      const isDst = zone instanceof FixedOffsetZone ? false : NEGATIVE_DST.has(name) ? off === std : off > std;
      const abbrev = zone instanceof FixedOffsetZone ? zone.abbrev() : ABBREVS.get(name)?.find(([, o]) => o === off)?.[0] ?? numericAbbrev(off);
      yield { name, abbrev, utc_offset: makeIntervalValue(0, 0, BigInt(off) * 1_000_000n), is_dst: isDst };
    }
  }
}

// pg_timezone_abbrevs mixes the timezone_abbreviations table with the session zone's own
// abbreviations (Postgres 18) and the latest meaning of dynamic ones: not reproduced yet, so it
// refuses rather than listing a wrong set.
defineRows('pg_catalog', 'pg_timezone_abbrevs', {
  scope: 'session',
  rows() {
    throw featureNotSupported('pg_timezone_abbrevs');
  },
});
