/**
 * Casts whose conversion is neither binary nor plain I/O: numeric ↔ integers/floats, datetime
 * conversions, json ↔ jsonb. Filled from the type families' conversion functions.
 */
import type { ExprRuntime } from '../nodes/primnodes.js';
import type { Value } from '../types/values.js';

type Conv = (v: Value, rt: ExprRuntime) => Value;

const table = new Map<string, Conv>();

/** Registers a dedicated conversion for (from, to). */
export function registerCast(from: number, to: number, conv: Conv): void {
  table.set(from + '>' + to, conv);
}

export function specialCast(from: number, to: number): Conv | undefined {
  return table.get(from + '>' + to);
}

const typmodTable = new Map<string, (typmod: number) => Conv>();

/**
 * Registers a conversion that depends on the target's typmod (Postgres's cast functions with a
 * typmod argument, like bitfromint4(int4, typmod)); it also applies the typmod itself.
 */
export function registerTypmodCast(from: number, to: number, make: (typmod: number) => Conv): void {
  typmodTable.set(from + '>' + to, make);
}

export function typmodCast(from: number, to: number): ((typmod: number) => Conv) | undefined {
  return typmodTable.get(from + '>' + to);
}
