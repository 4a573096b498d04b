/**
 * json(b)_populate_record(set), json(b)_to_record(set): JSON objects to rows. Each field takes
 * the member of the same name: JSON null or a missing key gives NULL (populate_*: the base
 * record's value), a string gives its contents to the type's input, numbers and booleans their
 * text; json/jsonb fields get the JSON value itself, array fields a JSON array (or an array
 * literal string), composite fields a nested object (or a record literal string).
 *
 * Postgres counterpart: populate_record / populate_recordset_worker / populate_record_field in
 * src/backend/utils/adt/jsonfuncs.c.
 * Known gaps: multidimensional arrays from nested JSON arrays; domain constraints of fields.
 */
import { domainCheckFunction } from '../../analyze/coerce.js';
import type { Catalog } from '../../catalog/catalog.js';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { OID } from '../../types/oids.js';
import { JSONB_NULL, JsonbObject, jsonbToText, parseJsonb, validateJson, type JsonbValue } from '../../types/jsonb.js';
import { baseTypeOf, typeInfo } from '../../types/registry.js';
import { PgArray, PgRecord, type Value } from '../../types/values.js';
import { fn, type FunctionImpl, type RecordColumn } from '../registry.js';

/** A JSON value seen the same way whether it came from json (raw text) or jsonb. */
interface JNode {
  readonly kind: 'null' | 'string' | 'scalar' | 'object' | 'array';
  /** string: the decoded contents; scalar: the literal; others: the JSON text. */
  readonly text: string;
  member(key: string): JNode | undefined;
  elements(): JNode[];
  asJson(): string;
  asJsonb(): JsonbValue;
}

// ---- json: slices of the original text -------------------------------------------------------

function skipWs(s: string, p: number): number {
  while (p < s.length && (s[p] === ' ' || s[p] === '\t' || s[p] === '\n' || s[p] === '\r')) p++;
  return p;
}

/** End of the JSON value starting at p (the text is already validated). */
function valueEnd(s: string, p: number): number {
  const c = s[p];
  if (c === '"') {
    p++;
    while (s[p] !== '"') p += s[p] === '\\' ? 2 : 1;
    return p + 1;
  }
  if (c === '{' || c === '[') {
    let depth = 0;
    for (;;) {
      const d = s[p];
      if (d === '"') {
        p = valueEnd(s, p);
        continue;
      }
      if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return p + 1;
      }
      p++;
    }
  }
  while (p < s.length && !/[\s,}\]]/.test(s[p])) p++;
  return p;
}

function rawNode(raw: string): JNode {
  const c = raw[0];
  const kind = c === '"' ? 'string' : c === '{' ? 'object' : c === '[' ? 'array' : raw === 'null' ? 'null' : 'scalar';
  let members: Map<string, JNode> | undefined;
  return {
    kind,
    text: kind === 'string' ? (JSON.parse(raw) as string) : raw,
    member(key) {
      if (!members) {
        members = new Map();
        let p = skipWs(raw, 1);
        while (raw[p] !== '}') {
          const ke = valueEnd(raw, p);
          const k = JSON.parse(raw.slice(p, ke)) as string;
          p = skipWs(raw, skipWs(raw, ke) + 1);
          const ve = valueEnd(raw, p);
          members.set(k, rawNode(raw.slice(p, ve))); // the last duplicate key wins, as in Postgres
          p = skipWs(raw, ve);
          if (raw[p] === ',') p = skipWs(raw, p + 1);
        }
      }
      return members.get(key);
    },
    elements() {
      const out: JNode[] = [];
      let p = skipWs(raw, 1);
      while (raw[p] !== ']') {
        const ve = valueEnd(raw, p);
        out.push(rawNode(raw.slice(p, ve)));
        p = skipWs(raw, ve);
        if (raw[p] === ',') p = skipWs(raw, p + 1);
      }
      return out;
    },
    asJson: () => raw,
    asJsonb: () => parseJsonb(raw),
  };
}

function jsonNode(text: string): JNode {
  validateJson(text);
  const p = skipWs(text, 0);
  return rawNode(text.slice(p, valueEnd(text, p)));
}

// ---- jsonb -----------------------------------------------------------------------------------

function jsonbNode(v: JsonbValue): JNode {
  const kind = v === JSONB_NULL ? 'null' : typeof v === 'string' ? 'string' : v instanceof JsonbObject ? 'object' : Array.isArray(v) ? 'array' : 'scalar';
  return {
    kind,
    text: typeof v === 'string' ? v : jsonbToText(v),
    member: (key) => {
      const m = (v as JsonbObject).get(key);
      return m === undefined ? undefined : jsonbNode(m);
    },
    elements: () => (v as readonly JsonbValue[]).map(jsonbNode),
    asJson: () => jsonbToText(v),
    asJsonb: () => v,
  };
}

// ---- conversion ------------------------------------------------------------------------------

function fieldValue(rt: ExprRuntime, cat: Catalog, type: number, typmod: number, n: JNode | undefined, key: string, defaultValue?: Value): Value {
  const defaultRecord = defaultValue instanceof PgRecord ? defaultValue : undefined;
  const v = n === undefined || n.kind === 'null' ? null : baseFieldValue(rt, cat, type, typmod, n, key, defaultRecord);
  // A domain field checks its NOT NULL and CHECK constraints (populate_domain).
  return typeInfo(cat, type).typtype === 'd' ? domainCheckFunction(cat, type)(v, rt) : v;
}

function baseFieldValue(rt: ExprRuntime, cat: Catalog, type: number, typmod: number, n: JNode, key: string, defaultRecord?: PgRecord): Value {
  const base = baseTypeOf(cat, type);
  if (base === OID.json) return n.asJson();
  if (base === OID.jsonb) return n.asJsonb();
  const info = typeInfo(cat, base);
  if (info.category === 'A' && info.elem !== undefined) {
    if (n.kind === 'array') return jsonToArray(rt, cat, info.elem, typmod, n, key);
    if (n.kind === 'string') return info.io.input(n.text, typmod, rt.session.io);
    throw new PgError(SQLSTATE.invalid_text_representation, 'expected JSON array', { hint: `See the value of key "${key}".` });
  }
  if (info.typtype === 'c' && info.relation !== undefined) {
    if (n.kind === 'object') return checkDomain(rt, type, objectToRecord(rt, cat, columnsOf(cat, base), n, defaultRecord));
    if (n.kind === 'string') return info.io.input(n.text, typmod, rt.session.io);
    throw new PgError(SQLSTATE.invalid_parameter_value, `cannot call populate_composite on ${n.kind === 'array' ? 'an array' : 'a scalar'}`);
  }
  return typeInfo(cat, type).io.input(n.text, typmod, rt.session.io);
}

/**
 * A JSON array as an array of `elem`, nested JSON arrays giving dimensions (populate_array_json):
 * the depth of the first scalar (or of the first empty array's end) fixes the number of
 * dimensions; a scalar shallower is 'expected JSON array', an array deeper is an element value;
 * sub-arrays of one level must have the same length.
 */
function jsonToArray(rt: ExprRuntime, cat: Catalog, elem: number, typmod: number, top: JNode, key: string): PgArray {
  let ndims = 0;
  const dims: number[] = [];
  const items: Value[] = [];
  const walk = (node: JNode, level: number, path: string): void => {
    const elements = node.elements();
    for (let i = 0; i < elements.length; i++) {
      const e = elements[i];
      const p = `${path}[${i}]`;
      if (e.kind === 'array' && (ndims === 0 || level < ndims)) {
        walk(e, level + 1, p);
        continue;
      }
      if (ndims === 0) ndims = level;
      else if (level < ndims) {
        throw new PgError(SQLSTATE.invalid_text_representation, 'expected JSON array', { hint: key ? `See the array element ${p} of key "${key}".` : `See the array element ${p}.` });
      }
      items.push(fieldValue(rt, cat, elem, typmod, e, key));
    }
    if (ndims === 0) ndims = level;
    if (dims[level - 1] === undefined) dims[level - 1] = elements.length;
    else if (dims[level - 1] !== elements.length) {
      throw new PgError(SQLSTATE.invalid_text_representation, 'malformed JSON array', {
        detail: 'Multidimensional arrays must have sub-arrays with matching dimensions.',
      });
    }
  };
  walk(top, 1, '');
  if (items.length === 0) return PgArray.of([]);
  return new PgArray(items, dims.slice(0, ndims));
}

/**
 * json_populate_type for JSON_QUERY's RETURNING an array or row type: a JSON array (object) at
 * the top, never a string's text (that is OMIT QUOTES).
 */
export function jsonbToType(rt: ExprRuntime, cat: Catalog, type: number, typmod: number, v: JsonbValue): Value {
  if (v === JSONB_NULL) return null;
  const info = typeInfo(cat, type);
  const n = jsonbNode(v);
  if (info.category === 'A' && info.elem !== undefined) {
    if (n.kind !== 'array') throw new PgError(SQLSTATE.invalid_text_representation, 'expected JSON array');
    return jsonToArray(rt, cat, info.elem, typmod, n, '');
  }
  if (n.kind !== 'object') throw new PgError(SQLSTATE.invalid_parameter_value, `cannot call populate_composite on ${n.kind === 'array' ? 'an array' : 'a scalar'}`);
  return objectToRecord(rt, cat, columnsOf(cat, type), n, undefined);
}

function columnsOf(cat: Catalog, type: number): RecordColumn[] {
  const info = typeInfo(cat, baseTypeOf(cat, type));
  if (info.typtype !== 'c' || info.relation === undefined) {
    throw new PgError(SQLSTATE.invalid_parameter_value, 'first argument of json_populate_record must be a row type');
  }
  return cat
    .relation(info.relation)
    .columns.filter((c) => !c.dropped)
    .map((c) => ({ name: c.name, type: c.type, typmod: c.typmod }));
}

/** A domain over a composite type checks its constraints on the populated row. */
function checkDomain(rt: ExprRuntime, type: number, rec: PgRecord): PgRecord {
  const cat = rt.session.catalog();
  if (typeInfo(cat, type).typtype !== 'd') return rec;
  return domainCheckFunction(cat, type)(rec, rt) as PgRecord;
}

function objectToRecord(rt: ExprRuntime, cat: Catalog, cols: readonly RecordColumn[], n: JNode, base: PgRecord | undefined): PgRecord {
  const fields = cols.map((c, i) => {
    const m = n.member(c.name);
    if (m === undefined && base) return base.fields[i] ?? null;
    // A nested row starts from the base record's value of that field (populate_composite's defaultval).
    return fieldValue(rt, cat, c.type, c.typmod, m, c.name, base?.fields[i]);
  });
  return new PgRecord(fields, cols.map((c) => c.name), cols.map((c) => c.type));
}

function topObject(n: JNode): JNode {
  if (n.kind !== 'object') {
    throw new PgError(SQLSTATE.invalid_parameter_value, `cannot call populate_composite on ${n.kind === 'array' ? 'an array' : 'a scalar'}`);
  }
  return n;
}

function topArray(n: JNode, fname: string): JNode[] {
  if (n.kind !== 'array') throw new PgError(SQLSTATE.invalid_parameter_value, `cannot call ${fname} on ${n.kind === 'object' ? 'an object' : 'a scalar'}`);
  return n.elements().map((e) => {
    if (e.kind !== 'object') throw new PgError(SQLSTATE.invalid_parameter_value, 'argument of ' + fname + ' must be an array of objects');
    return e;
  });
}

const noColumns = (fname: string): never => {
  throw new PgError(SQLSTATE.feature_not_supported, `could not determine row type for result of ${fname}`, {
    hint: 'Provide a non-null record argument, or call the function in the FROM clause using a column definition list.',
  });
};

for (const [prefix, argType, toNode] of [
  ['json', OID.json, (v: Value) => jsonNode(v as string)],
  ['jsonb', OID.jsonb, (v: Value) => jsonbNode(v as JsonbValue)],
] as const) {
  // *_to_record(set): the columns come from the call's column definition list.
  const toRecord = (cols: readonly RecordColumn[] | undefined): FunctionImpl['fn'] => (a, rt) => {
    if (!cols) return noColumns(`${prefix}_to_record`);
    return objectToRecord(rt, rt.session.catalog(), cols, topObject(toNode(a[0])), undefined);
  };
  const toRecordset = (cols: readonly RecordColumn[] | undefined): FunctionImpl['fn'] => (a, rt) => {
    if (!cols) return noColumns(`${prefix}_to_recordset`);
    const cat = rt.session.catalog();
    return topArray(toNode(a[0]), `${prefix}_to_recordset`).map((o) => objectToRecord(rt, cat, cols, o, undefined));
  };
  const single: FunctionImpl = fn(`${prefix}_to_record`, [argType], OID.record, toRecord(undefined), {
    volatility: 's',
    withColumns: (cols) => ({ ...single, fn: toRecord(cols) }),
  });
  const set: FunctionImpl = fn(`${prefix}_to_recordset`, [argType], OID.record, toRecordset(undefined), {
    volatility: 's',
    retset: true,
    withColumns: (cols) => ({ ...set, fn: toRecordset(cols) }),
  });
  // *_populate_record(set)(base anyelement, from_json): the columns of base's row type; for an
  // anonymous record, those of the base value or of the call's column definition list.
  const populateCols = (fname: string, a: readonly Value[], cat: Catalog, type: number, cols: readonly RecordColumn[] | undefined): readonly RecordColumn[] => {
    if (type !== OID.record) return columnsOf(cat, type);
    if (cols) return cols;
    const rec = a[0] as PgRecord | null;
    if (rec === null || !rec.types) return noColumns(fname);
    return rec.fields.map((_, i) => ({ name: rec.names?.[i] ?? `f${i + 1}`, type: rec.types![i], typmod: -1 }));
  };
  const populate = (cols: readonly RecordColumn[] | undefined): FunctionImpl['fn'] => (a, rt, call) => {
    const cat = rt.session.catalog();
    const fcols = populateCols(`${prefix}_populate_record`, a, cat, call.argTypes[0], cols);
    if (a[1] === null) return a[0];
    return checkDomain(rt, call.argTypes[0], objectToRecord(rt, cat, fcols, topObject(toNode(a[1])), (a[0] as PgRecord | null) ?? undefined));
  };
  const populateSet = (cols: readonly RecordColumn[] | undefined): FunctionImpl['fn'] => (a, rt, call) => {
    const cat = rt.session.catalog();
    const fcols = populateCols(`${prefix}_populate_recordset`, a, cat, call.argTypes[0], cols);
    if (a[1] === null) return [];
    const base = (a[0] as PgRecord | null) ?? undefined;
    return topArray(toNode(a[1]), `${prefix}_populate_recordset`).map((o) => checkDomain(rt, call.argTypes[0], objectToRecord(rt, cat, fcols, o, base)));
  };
  const pop: FunctionImpl = fn(`${prefix}_populate_record`, [OID.anyelement, argType], OID.anyelement, populate(undefined), {
    volatility: 's',
    strict: false,
    withColumns: (cols) => ({ ...pop, fn: populate(cols) }),
  });
  const popSet: FunctionImpl = fn(`${prefix}_populate_recordset`, [OID.anyelement, argType], OID.anyelement, populateSet(undefined), {
    volatility: 's',
    strict: false,
    retset: true,
    withColumns: (cols) => ({ ...popSet, fn: populateSet(cols) }),
  });
}
