/**
 * Accumulating interval fields during input, with Postgres's overflow checks (each field must fit
 * its int32/int64 slot; fractions cascade down: years to months, months to 30-day days, days and
 * weeks to microseconds).
 *
 * Postgres counterpart: AdjustMicroseconds, AdjustFractMicroseconds, AdjustFractDays, AdjustDays,
 * AdjustMonths, AdjustYears, AdjustFractYears in src/backend/utils/adt/datetime.c.
 */
import { rint } from './decode-fields.js';
import { dterr } from './errors.js';

export const INT32_MIN = -2_147_483_648;
export const INT32_MAX = 2_147_483_647;
export const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Accumulated interval fields (Postgres's pg_itm_in). */
export interface ItmIn {
  usec: bigint;
  mday: number;
  mon: number;
  year: number;
}

/** A fresh, all-zero accumulator. */
export function newItmIn(): ItmIn {
  return { usec: 0n, mday: 0, mon: 0, year: 0 };
}

/** The value, or a field-overflow decode error outside int64. */
export const checkI64 = (v: bigint): bigint => (v < INT64_MIN || v > INT64_MAX ? dterr('field-overflow') : v);
/** The value, or a field-overflow decode error outside int32. */
export const checkI32 = (v: number): number => (v < INT32_MIN || v > INT32_MAX ? dterr('field-overflow') : v);

/** Adds `frac` units of `scale` microseconds; a remainder of exactly half rounds toward zero. */
export function addFractMicros(itm: ItmIn, frac: number, scale: number): void {
  if (frac === 0) return;
  const f = frac * scale;
  let us = Math.trunc(f);
  const rem = f - us;
  if (rem > 0.5) us++;
  else if (rem < -0.5) us--;
  if (!Number.isFinite(us) || Math.abs(us) > 9.2e18) dterr('field-overflow');
  itm.usec = checkI64(itm.usec + BigInt(us));
}
/** Adds `val` + `frac` units of `scale` microseconds. */
export function addMicros(itm: ItmIn, val: bigint, frac: number, scale: number): void {
  itm.usec = checkI64(itm.usec + val * BigInt(scale));
  addFractMicros(itm, frac, scale);
}
/** Adds `val` * `scale` days. */
export function addDays(itm: ItmIn, val: bigint, scale: number): void {
  const d = val * BigInt(scale);
  if (d < BigInt(INT32_MIN) || d > BigInt(INT32_MAX)) dterr('field-overflow');
  itm.mday = checkI32(itm.mday + Number(d));
}
/** Adds a fraction of `scale` days: whole days, the rest as microseconds. */
export function addFractDays(itm: ItmIn, frac: number, scale: number): void {
  if (frac === 0) return;
  const f = frac * scale;
  const extra = Math.trunc(f);
  itm.mday = checkI32(itm.mday + extra);
  addFractMicros(itm, f - extra, 86_400_000_000);
}
/** Adds `val` months. */
export function addMonths(itm: ItmIn, val: bigint): void {
  if (val < BigInt(INT32_MIN) || val > BigInt(INT32_MAX)) dterr('field-overflow');
  itm.mon = checkI32(itm.mon + Number(val));
}
/** Adds `val` * `scale` years. */
export function addYears(itm: ItmIn, val: bigint, scale: number): void {
  const y = val * BigInt(scale);
  if (y < BigInt(INT32_MIN) || y > BigInt(INT32_MAX)) dterr('field-overflow');
  itm.year = checkI32(itm.year + Number(y));
}
/** Adds a fraction of `scale` years, as whole months (rint). */
export function addFractYears(itm: ItmIn, frac: number, scale: number): void {
  if (frac === 0) return;
  const months = rint(frac * scale * 12);
  itm.mon = checkI32(itm.mon + months);
}
