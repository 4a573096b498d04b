/**
 * The hstore extension (1.8): its functions and operators, declared on the type's fixed OIDs and
 * callable once CREATE EXTENSION hstore has run. Lookups, deletions, concatenation and slices keep
 * hstore's canonical key order; the json conversions follow hstore_to_json(_loose) exactly.
 * Postgres counterpart: contrib/hstore/hstore_op.c, hstore_io.c, hstore--1.8.sql.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { ExprRuntime } from '../nodes/primnodes.js';
import { EMPTY_HSTORE, HSTORE_OID, Hstore, compareHstore, hstoreFromPairs } from '../types/hstore.js';
import { JSONB_NULL, JsonbObject, escapeJsonString, type JsonbValue } from '../types/jsonb.js';
import { parseNumeric } from '../types/numeric.js';
import { OID } from '../types/oids.js';
import { typeInfo } from '../types/registry.js';
import { compositeFields, type RecordField } from '../analyze/record-fields.js';
import { domainBase, registerCastContext } from '../analyze/coerce.js';
import { fieldText } from '../types/anon-record.js';
import { PgArray, PgRecord, type Value } from '../types/values.js';
import { fn, registerOperator, type CallInfo, type FunctionImpl } from './registry.js';
import { registerCast } from '../analyze/special-casts.js';
import { registerExtensionOpclasses } from '../commands/extension-opclasses.js';

const H = HSTORE_OID;
const T = OID.text;
const TA = OID._text;
const EXT = { extension: 'hstore' } as const;

/** The text elements of a key array (hstoreArrayToPairs: NULL keys are skipped). */
function keyList(a: PgArray): string[] {
  const out: string[] = [];
  for (const v of a.items) if (v !== null) out.push(v as string);
  return out;
}

function fetchval(h: Hstore, key: string): string | null {
  const i = h.find(key);
  return i < 0 ? null : h.vals[i];
}

function sliceArray(h: Hstore, keys: PgArray): PgArray {
  if (keys.items.length === 0) return PgArray.of([]);
  return new PgArray(keys.items.map((k) => (k === null ? null : fetchval(h, k as string))), keys.dims.slice(), keys.lbounds.slice());
}

function without(h: Hstore, drop: (i: number) => boolean): Hstore {
  const keys: string[] = [];
  const vals: (string | null)[] = [];
  for (let i = 0; i < h.size; i++) {
    if (drop(i)) continue;
    keys.push(h.keys[i]);
    vals.push(h.vals[i]);
  }
  return keys.length === h.size ? h : new Hstore(keys, vals);
}

function deleteKeys(h: Hstore, keys: PgArray): Hstore {
  const set = new Set(keyList(keys));
  return without(h, (i) => set.has(h.keys[i]));
}

/** `a - b`: drops the pairs of `a` that `b` holds with the same value (NULL matching NULL). */
function deletePairs(a: Hstore, b: Hstore): Hstore {
  return without(a, (i) => {
    const j = b.find(a.keys[i]);
    return j >= 0 && b.vals[j] === a.vals[i];
  });
}

/** `a || b`: the union, b's value for keys in both. */
function concat(a: Hstore, b: Hstore): Hstore {
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  return hstoreFromPairs([...b.keys.map((k, i) => [k, b.vals[i]] as const), ...a.keys.map((k, i) => [k, a.vals[i]] as const)]);
}

/** `a @> b`: every pair of b is in a (values equal, NULL only with NULL). */
function contains(a: Hstore, b: Hstore): boolean {
  for (let i = 0; i < b.size; i++) {
    const j = a.find(b.keys[i]);
    if (j < 0 || a.vals[j] !== b.vals[i]) return false;
  }
  return true;
}

function slice(h: Hstore, keys: PgArray): Hstore {
  const want = new Set(keyList(keys));
  return without(h, (i) => !want.has(h.keys[i]));
}

function toArray(h: Hstore, matrix: boolean): PgArray {
  if (h.size === 0) return PgArray.of([]);
  const items: Value[] = [];
  for (let i = 0; i < h.size; i++) items.push(h.keys[i], h.vals[i]);
  return matrix ? new PgArray(items, [h.size, 2], [1, 1]) : PgArray.of(items);
}

/** JSON's number grammar (IsValidJsonNumber). */
const JSON_NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/**
 * hstore_to_json(b)_loose's guess for a non-null value: 't' / 'f' are booleans, text in JSON's
 * number grammar a number; anything else (undefined here) stays a string.
 */
function looseKind(v: string): 'true' | 'false' | 'number' | undefined {
  if (v === 't') return 'true';
  if (v === 'f') return 'false';
  return JSON_NUMBER.test(v) ? 'number' : undefined;
}

function toJsonText(h: Hstore, loose: boolean): string {
  if (h.size === 0) return '{}';
  const parts: string[] = [];
  for (let i = 0; i < h.size; i++) {
    const v = h.vals[i];
    const kind = v !== null && loose ? looseKind(v) : undefined;
    const val = v === null ? 'null' : kind === 'number' ? v : (kind ?? escapeJsonString(v));
    parts.push(`${escapeJsonString(h.keys[i])}: ${val}`);
  }
  return `{${parts.join(', ')}}`;
}

function toJsonb(h: Hstore, loose: boolean): JsonbValue {
  const vals: JsonbValue[] = h.vals.map((v) => {
    if (v === null) return JSONB_NULL;
    const kind = loose ? looseKind(v) : undefined;
    return kind === 'number' ? parseNumeric(v) : kind === undefined ? v : kind === 'true';
  });
  return JsonbObject.fromParallel(h.keys, vals);
}

/** The fields of the row type `type` (a composite or a domain over one); 42804 otherwise. */
function rowColumns(rt: ExprRuntime, type: number): RecordField[] {
  const cat = rt.session.catalog();
  const fields = compositeFields(cat, domainBase(cat, type));
  if (!fields) throw new PgError(SQLSTATE.datatype_mismatch, 'first argument must be a rowtype');
  return fields;
}

/** hstore(record): each field as its text output, NULL fields as NULL values. */
function fromRecord(a: Value[], rt: ExprRuntime, call: CallInfo): Value {
  const rec = a[0] as PgRecord | null;
  const cat = rt.session.catalog();
  let names: readonly string[];
  let types: readonly number[];
  if (call.argTypes[0] === OID.record) {
    if (!rec) throw new PgError(SQLSTATE.wrong_object_type, 'record type has not been registered');
    names = rec.names ?? rec.fields.map((_, i) => `f${i + 1}`);
    types = rec.types ?? [];
  } else {
    const cols = rowColumns(rt, call.argTypes[0]);
    names = cols.map((c) => c.name);
    types = cols.map((c) => c.type);
  }
  const pairs: [string, string | null][] = names.map((name, i) => {
    const v = rec ? (rec.fields[i] ?? null) : null;
    return [name, v === null ? null : fieldText(cat, types[i], v, rt.session.io)];
  });
  return hstoreFromPairs(pairs);
}

/** populate_record(base, hstore) and `base #= hstore`: fields named by the keys take their values. */
function populateRecord(a: Value[], rt: ExprRuntime, call: CallInfo): Value {
  const cols = rowColumns(rt, call.argTypes[0]);
  const base = a[0] as PgRecord | null;
  const h = a[1] as Hstore | null;
  if (h === null) return base;
  if (base && h.size === 0) return base;
  const cat = rt.session.catalog();
  const fields = cols.map((c, i) => {
    const k = h.find(c.name);
    if (k < 0) return base ? (base.fields[i] ?? null) : null;
    const v = h.vals[k];
    return v === null ? null : typeInfo(cat, c.type).io.input(v, c.typmod, rt.session.io);
  });
  return new PgRecord(fields, cols.map((c) => c.name), cols.map((c) => c.type));
}

function nullKey(): PgError {
  return new PgError(SQLSTATE.null_value_not_allowed, 'null value not allowed for hstore key');
}

function subscriptError(message: string): PgError {
  return new PgError(SQLSTATE.array_subscript_error, message);
}

/** hstore(text[]): a flat array of alternating keys and values, or a two-column matrix. */
function hstoreFromArray(arr: PgArray): Hstore {
  const nd = arr.dims.length;
  if (nd === 0) return EMPTY_HSTORE;
  if (nd === 1 && arr.dims[0] % 2) throw subscriptError('array must have even number of elements');
  if (nd === 2 && arr.dims[1] !== 2) throw subscriptError('array must have two columns');
  if (nd > 2) throw subscriptError('wrong number of array subscripts');
  const pairs: [string, string | null][] = [];
  for (let i = 0; i + 1 < arr.items.length; i += 2) {
    if (arr.items[i] === null) throw nullKey();
    pairs.push([arr.items[i] as string, arr.items[i + 1] as string | null]);
  }
  return hstoreFromPairs(pairs);
}

// ---- constructors ---------------------------------------------------------------------------------
fn('hstore', [T, T], H, (a) => (a[0] === null ? null : hstoreFromPairs([[a[0] as string, a[1] as string | null]])), { strict: false, ...EXT });
fn('tconvert', [T, T], H, (a) => (a[0] === null ? null : hstoreFromPairs([[a[0] as string, a[1] as string | null]])), { strict: false, ...EXT });
fn('hstore', [TA, TA], H, (a) => {
  const keys = a[0] as PgArray | null;
  if (keys === null) return null;
  const vals = a[1] as PgArray | null;
  if (keys.dims.length > 1) throw subscriptError('wrong number of array subscripts');
  if (vals) {
    if (vals.dims.length > 1) throw subscriptError('wrong number of array subscripts');
    if ((keys.dims.length > 0 || vals.dims.length > 0) && (keys.dims.length !== vals.dims.length || keys.dims[0] !== vals.dims[0] || keys.lbounds[0] !== vals.lbounds[0])) {
      throw subscriptError('arrays must have same bounds');
    }
  }
  return hstoreFromPairs(keys.items.map((k, i) => {
    if (k === null) throw nullKey();
    return [k as string, vals ? (vals.items[i] as string | null) : null];
  }));
}, { strict: false, ...EXT });
fn('hstore', [TA], H, (a) => hstoreFromArray(a[0] as PgArray), EXT);
fn('hstore', [OID.record], H, fromRecord, { strict: false, ...EXT });

// ---- lookups ---------------------------------------------------------------------------------------
const fetch = fn('fetchval', [H, T], T, (a) => fetchval(a[0] as Hstore, a[1] as string), EXT);
const sliceArr = fn('slice_array', [H, TA], TA, (a) => sliceArray(a[0] as Hstore, a[1] as PgArray), EXT);
const exist = fn('exist', [H, T], OID.bool, (a) => (a[0] as Hstore).find(a[1] as string) >= 0, EXT);
fn('isexists', [H, T], OID.bool, (a) => (a[0] as Hstore).find(a[1] as string) >= 0, EXT);
const existsAny = fn('exists_any', [H, TA], OID.bool, (a) => keyList(a[1] as PgArray).some((k) => (a[0] as Hstore).find(k) >= 0), EXT);
const existsAll = fn('exists_all', [H, TA], OID.bool, (a) => keyList(a[1] as PgArray).every((k) => (a[0] as Hstore).find(k) >= 0), EXT);
const defined = (a: Value[]) => fetchval(a[0] as Hstore, a[1] as string) !== null;
fn('defined', [H, T], OID.bool, defined, EXT);
fn('isdefined', [H, T], OID.bool, defined, EXT);
fn('akeys', [H], TA, (a) => PgArray.of([...(a[0] as Hstore).keys]), EXT);
fn('avals', [H], TA, (a) => PgArray.of([...(a[0] as Hstore).vals]), EXT);
fn('skeys', [H], T, (a) => [...(a[0] as Hstore).keys], { retset: true, ...EXT });
fn('svals', [H], T, (a) => [...(a[0] as Hstore).vals], { retset: true, ...EXT });
fn('each', [H], OID.record, (a) => {
  const h = a[0] as Hstore;
  return h.keys.map((k, i) => new PgRecord([k, h.vals[i]], ['key', 'value'], [T, T]));
}, { retset: true, outColumns: [{ name: 'key', type: T }, { name: 'value', type: T }], ...EXT });
const toArr = fn('hstore_to_array', [H], TA, (a) => toArray(a[0] as Hstore, false), EXT);
const toMatrix = fn('hstore_to_matrix', [H], TA, (a) => toArray(a[0] as Hstore, true), EXT);
fn('slice', [H, TA], H, (a) => slice(a[0] as Hstore, a[1] as PgArray), EXT);

// ---- modifications -----------------------------------------------------------------------------
const delKey = fn('delete', [H, T], H, (a) => without(a[0] as Hstore, (i) => (a[0] as Hstore).keys[i] === a[1]), EXT);
const delKeys = fn('delete', [H, TA], H, (a) => deleteKeys(a[0] as Hstore, a[1] as PgArray), EXT);
const delPairs = fn('delete', [H, H], H, (a) => deletePairs(a[0] as Hstore, a[1] as Hstore), EXT);
const cat = fn('hs_concat', [H, H], H, (a) => concat(a[0] as Hstore, a[1] as Hstore), EXT);
const hsContains = fn('hs_contains', [H, H], OID.bool, (a) => contains(a[0] as Hstore, a[1] as Hstore), EXT);
const hsContained = fn('hs_contained', [H, H], OID.bool, (a) => contains(a[1] as Hstore, a[0] as Hstore), EXT);
const populate = fn('populate_record', [OID.anyelement, H], OID.anyelement, populateRecord, { strict: false, ...EXT });

// ---- conversions -------------------------------------------------------------------------------
fn('hstore_to_json', [H], OID.json, (a) => toJsonText(a[0] as Hstore, false), EXT);
fn('hstore_to_json_loose', [H], OID.json, (a) => toJsonText(a[0] as Hstore, true), EXT);
fn('hstore_to_jsonb', [H], OID.jsonb, (a) => toJsonb(a[0] as Hstore, false), EXT);
fn('hstore_to_jsonb_loose', [H], OID.jsonb, (a) => toJsonb(a[0] as Hstore, true), EXT);

// ---- comparison --------------------------------------------------------------------------------
const cmp = (a: Value[]) => compareHstore(a[0] as Hstore, a[1] as Hstore);
fn('hstore_cmp', [H, H], OID.int4, cmp, EXT);
const eq = fn('hstore_eq', [H, H], OID.bool, (a) => cmp(a) === 0, EXT);
const ne = fn('hstore_ne', [H, H], OID.bool, (a) => cmp(a) !== 0, EXT);
const lt = fn('hstore_lt', [H, H], OID.bool, (a) => cmp(a) < 0, EXT);
const le = fn('hstore_le', [H, H], OID.bool, (a) => cmp(a) <= 0, EXT);
const gt = fn('hstore_gt', [H, H], OID.bool, (a) => cmp(a) > 0, EXT);
const ge = fn('hstore_ge', [H, H], OID.bool, (a) => cmp(a) >= 0, EXT);

/** An operator backed by one of the functions above (hstore--1.8.sql's CREATE OPERATOR). */
function operator(name: string, left: number, right: number, f: FunctionImpl, commutator?: string, negator?: string): void {
  registerOperator({ name, left, right, result: f.returnType, fn: f, commutator, negator });
}
operator('->', H, T, fetch);
operator('->', H, TA, sliceArr);
operator('?', H, T, exist);
operator('?|', H, TA, existsAny);
operator('?&', H, TA, existsAll);
operator('-', H, T, delKey);
operator('-', H, TA, delKeys);
operator('-', H, H, delPairs);
operator('||', H, H, cat);
operator('@>', H, H, hsContains, '<@');
operator('<@', H, H, hsContained, '@>');
operator('%%', 0, H, toArr);
operator('%#', 0, H, toMatrix);
operator('#=', OID.anyelement, H, populate);
operator('=', H, H, eq, '=', '<>');
operator('<>', H, H, ne, '<>', '=');
operator('#<#', H, H, lt, '#>#', '#>=#');
operator('#<=#', H, H, le, '#>=#', '#>#');
operator('#>#', H, H, gt, '#<#', '#<=#');
operator('#>=#', H, H, ge, '#<=#', '#<#');

// ---- casts (explicit, through the functions) and operator classes -------------------------------
registerCast(H, OID.json, (v) => toJsonText(v as Hstore, false));
registerCast(H, OID.jsonb, (v) => toJsonb(v as Hstore, false));
registerCast(TA, H, (v) => hstoreFromArray(v as PgArray));
registerCastContext(H, OID.json, 'e');
registerCastContext(H, OID.jsonb, 'e');
registerCastContext(TA, H, 'e');
const HS = new Set([H]);
registerExtensionOpclasses([
  { name: 'btree_hstore_ops', method: 'btree', extension: 'hstore', types: HS, isDefault: true },
  { name: 'hash_hstore_ops', method: 'hash', extension: 'hstore', types: HS, isDefault: true },
  { name: 'gist_hstore_ops', method: 'gist', extension: 'hstore', types: HS, isDefault: true, siglen: [1, 2024] },
  { name: 'gin_hstore_ops', method: 'gin', extension: 'hstore', types: HS, isDefault: true },
]);
