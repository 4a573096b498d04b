/**
 * SQL registrations of to_char for timestamp, timestamptz and interval. The formatting lives in
 * src/types/datetime/to-char.ts, the template grammar in src/types/datetime/to-char-template.ts
 * (shared with to_timestamp / to_date and numeric to_char).
 *
 * Postgres counterpart: timestamp_to_char / interval_to_char in src/backend/utils/adt/formatting.c.
 */
import { sessionTimeZone } from '../../types/datetime/timezone.js';
import { toCharInterval, toCharTimestamp, toCharTimestamptz } from '../../types/datetime/to-char.js';
import { OID } from '../../types/oids.js';
import type { Interval } from '../../types/values.js';
import { fn } from '../registry.js';

const T = OID.text;
// The date/time formatting itself lives in src/types/datetime/to-char.ts.
fn('to_char', [OID.timestamp, T], T, (a) => toCharTimestamp(a[0] as bigint, a[1] as string), { volatility: 's' });
fn('to_char', [OID.timestamptz, T], T, (a, rt) => toCharTimestamptz(a[0] as bigint, a[1] as string, sessionTimeZone(rt.session.io)), { volatility: 's' });
fn('to_char', [OID.interval, T], T, (a) => toCharInterval(a[0] as Interval, a[1] as string), { volatility: 's' });
