/**
 * Functions that need the catalog: enum_range/first/last, pg_get_serial_sequence, encoding
 * conversion, jsonb_each; loads the catalog introspection functions (catalog/) and uuid-ossp.
 * Postgres counterpart: utils/adt/enum.c, utils/adt/ruleutils.c (pg_get_serial_sequence).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { PgArray, PgRecord, type Value } from '../types/values.js';
import { JsonbObject, jsonToText, type JsonbValue } from '../types/jsonb.js';
import { fn } from './registry.js';
import './catalog/index.js';
import './uuid-ossp.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import { lookupRelationOid, splitQualifiedName } from '../analyze/regclass.js';
import { ownedSequence } from '../catalog/system/common.js';
import { quoteIdent } from './builtins/quote.js';

const E = OID.anyenum;

function enumLabels(rt: ExprRuntime, type: number): string[] {
  const t = rt.session.catalog().types.get(type);
  return [...(t?.enumInfo?.labels ?? [])].sort((a, b) => a.sortOrder - b.sortOrder).map((l) => l.label);
}

fn('enum_range', [E], OID.anyarray, (_a, rt, call) => PgArray.of(enumLabels(rt, call.argTypes[0])), { strict: false, volatility: 's' });
fn('enum_range', [E, E], OID.anyarray, (a, rt, call) => {
  const labels = enumLabels(rt, call.argTypes[0]);
  const lo = a[0] === null ? 0 : labels.indexOf(a[0] as string);
  const hi = a[1] === null ? labels.length - 1 : labels.indexOf(a[1] as string);
  return PgArray.of(labels.slice(lo, hi + 1));
}, { strict: false, volatility: 's' });
fn('enum_first', [E], E, (_a, rt, call) => enumLabels(rt, call.argTypes[0])[0] ?? null, { strict: false, volatility: 's' });
fn('enum_last', [E], E, (_a, rt, call) => enumLabels(rt, call.argTypes[0]).slice(-1)[0] ?? null, { strict: false, volatility: 's' });

fn('pg_get_serial_sequence', [OID.text, OID.text], OID.text, (a, rt) => {
  const cat = rt.session.catalog();
  const parts = splitQualifiedName(a[0] as string);
  const relOid = lookupRelationOid(cat, rt.session.searchPath(), parts);
  if (relOid === undefined) throw new PgError(SQLSTATE.undefined_table, `relation "${a[0]}" does not exist`);
  const rel = cat.relations.get(relOid);
  if (!rel) return null; // a system catalog: no serial columns
  const col = rel.columns.find((c) => c.name === (a[1] as string) && !c.dropped);
  if (!col) throw new PgError(SQLSTATE.undefined_column, `column "${a[1]}" of relation "${rel.name}" does not exist`);
  const seq = ownedSequence(cat, rel.oid, col.attnum);
  return seq ? `${quoteIdent(cat.namespaceName(seq.namespace))}.${quoteIdent(seq.name)}` : null;
}, { volatility: 's' });

const ENCODINGS: Record<string, BufferEncoding> = { utf8: 'utf8', 'utf-8': 'utf8', unicode: 'utf8', latin1: 'latin1', sql_ascii: 'latin1', iso88591: 'latin1' };
function encodingOf(name: string, which: 'source' | 'destination'): BufferEncoding {
  const e = ENCODINGS[name.toLowerCase().replace(/[_-]/g, (c) => (c === '-' ? '-' : '_'))] ?? ENCODINGS[name.toLowerCase()];
  if (!e) throw new PgError(SQLSTATE.invalid_parameter_value, `invalid ${which} encoding name "${name}"`);
  return e;
}
fn('convert_from', [OID.bytea, OID.name], OID.text, (a) => {
  const enc = encodingOf(a[1] as string, 'source');
  const bytes = Buffer.from(a[0] as Uint8Array);
  if (enc === 'utf8') {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\uFFFD') && !bytes.includes(0xef)) {
      throw new PgError(SQLSTATE.character_not_in_repertoire, 'invalid byte sequence for encoding "UTF8"');
    }
    return text;
  }
  return bytes.toString(enc);
});
fn('convert_to', [OID.text, OID.name], OID.bytea, (a) => new Uint8Array(Buffer.from(a[0] as string, encodingOf(a[1] as string, 'destination'))));

// jsonb_each / jsonb_each_text: SETOF record(key text, value jsonb|text).
function eachObject(v: JsonbValue, fname: string): JsonbObject {
  if (!(v instanceof JsonbObject)) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `cannot call ${fname} on ${Array.isArray(v) ? 'an array' : 'a non-object'}`);
  }
  return v;
}
fn('jsonb_each', [OID.jsonb], OID.record, (a) => {
  const o = eachObject(a[0] as JsonbValue, 'jsonb_each');
  return [...o.entries()].map(([k, v]) => new PgRecord([k, v], ['key', 'value'], [OID.text, OID.jsonb]));
}, { retset: true, outColumns: [{ name: 'key', type: OID.text }, { name: 'value', type: OID.jsonb }] });
fn('jsonb_each_text', [OID.jsonb], OID.record, (a) => {
  const o = eachObject(a[0] as JsonbValue, 'jsonb_each_text');
  return [...o.entries()].map(([k, v]) => new PgRecord([k, jsonToText(v)], ['key', 'value'], [OID.text, OID.text]));
}, { retset: true, outColumns: [{ name: 'key', type: OID.text }, { name: 'value', type: OID.text }] });
