/**
 * Bind parameters: JS values as node-postgres would send them (its prepareValue: Date → local
 * timestamp text, arrays → array literal, objects → JSON, Buffer → bytea), read by the
 * parameter's type input function, exactly as the server reads a text-format Bind.
 */
import type { Catalog } from '../catalog/catalog.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { typeInfo } from '../types/registry.js';
import type { IoContext } from '../types/type-io.js';
import type { Value } from '../types/values.js';
import { domainBase } from '../analyze/coerce.js';

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function dateToText(d: Date): string {
  // node-postgres sends local time with the local offset.
  const off = -d.getTimezoneOffset();
  const sign = off >= 0 ? '+' : '-';
  const ao = Math.abs(off);
  let y = d.getFullYear();
  const bc = y <= 0;
  if (bc) y = 1 - y;
  return `${pad(y, 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}${sign}${pad(Math.floor(ao / 60))}:${pad(ao % 60)}${bc ? ' BC' : ''}`;
}

function arrayLiteral(a: unknown[]): string {
  return '{' + a.map((x) => {
    if (x === null || x === undefined) return 'NULL';
    if (Array.isArray(x)) return arrayLiteral(x);
    if (x instanceof Uint8Array) return '"\\\\x' + Buffer.from(x).toString('hex') + '"';
    const s = prepareText(x);
    return '"' + (s as string).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
  }).join(',') + '}';
}

/** node-postgres's prepareValue: the text it would send for a JS value. */
export function prepareText(v: unknown): string | null | Uint8Array {
  if (v === null || v === undefined) return null;
  if (v instanceof Uint8Array) return v;
  if (v instanceof Date) return dateToText(v);
  if (Array.isArray(v)) return arrayLiteral(v);
  if (typeof v === 'object') {
    const o = v as { toPostgres?: (p: unknown) => unknown };
    if (typeof o.toPostgres === 'function') return prepareText(o.toPostgres(prepareText));
    return JSON.stringify(v);
  }
  return String(v);
}

/** A parameter already decoded to its engine value (a binary-format Bind parameter). */
export class EngineValue {
  constructor(readonly value: Value) {}
}

/** Converts user-supplied parameters to engine values for the inferred parameter types. */
export function bindParams(cat: Catalog, io: IoContext, params: readonly unknown[], types: readonly number[]): Value[] {
  if (params.length !== types.length) {
    throw new PgError(SQLSTATE.protocol_violation, `bind message supplies ${params.length} parameters, but prepared statement "" requires ${types.length}`);
  }
  const out: Value[] = new Array(types.length);
  for (let i = 0; i < types.length; i++) {
    const raw = params[i];
    const t = types[i] || OID.text;
    if (raw === null || raw === undefined) {
      out[i] = null;
      continue;
    }
    if (raw instanceof EngineValue) {
      out[i] = raw.value;
      continue;
    }
    // Fast paths for the common cases.
    if (t === OID.int4 && typeof raw === 'number' && Number.isInteger(raw) && raw >= -2147483648 && raw <= 2147483647) {
      out[i] = raw;
      continue;
    }
    if ((t === OID.text || t === OID.varchar) && typeof raw === 'string') {
      out[i] = raw;
      continue;
    }
    const text = prepareText(raw);
    const base = domainBase(cat, t);
    if (text instanceof Uint8Array) {
      if (base === OID.bytea) {
        out[i] = text;
        continue;
      }
      throw new PgError(SQLSTATE.invalid_binary_representation, 'incorrect binary data format in bind parameter ' + (i + 1));
    }
    out[i] = typeInfo(cat, base).io.input(text as string, -1, io);
  }
  return out;
}
