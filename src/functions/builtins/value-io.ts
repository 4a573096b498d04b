/**
 * Text output of values of any type, for functions that print their arguments (concat, format,
 * `text || anynonarray`, array_to_string, quote_literal(anyelement)). Uses the session's I/O
 * settings (DateStyle, TimeZone, extra_float_digits, bytea_output).
 *
 * Postgres counterpart: OutputFunctionCall through getTypeOutputInfo.
 * Known gaps: none known.
 */
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { OID } from '../../types/oids.js';
import { typeInfo } from '../../types/registry.js';
import type { Value } from '../../types/values.js';
import { regOutput } from '../../analyze/regclass.js';

/** Postgres's text output of a non-null value of type `type`. */
export function outputValue(rt: ExprRuntime, type: number, v: Value): string {
  if (typeof v === 'string' && isStringType(type)) return v;
  // regclass, regtype, ...: names from the catalog.
  const reg = regOutput(type);
  if (reg) return reg(rt, v as number);
  return typeInfo(rt.session.catalog(), type).io.output(v, rt.session.io);
}

/** Parses text as a value of type `type` (typmod -1). */
export function inputValue(rt: ExprRuntime, type: number, text: string): Value {
  return typeInfo(rt.session.catalog(), type).io.input(text, -1, rt.session.io);
}

/** text, varchar, bpchar, name: values print as themselves. */
function isStringType(t: number): boolean {
  return t === OID.text || t === OID.varchar || t === OID.bpchar || t === OID.name || t === OID.unknown;
}

/** A value as `::text` casts it: like its output, except bool (`true` / `false`). */
export function castValueToText(rt: ExprRuntime, type: number, v: Value): string {
  if (type === OID.bool) return v ? 'true' : 'false';
  return outputValue(rt, type, v);
}
