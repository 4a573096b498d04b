/**
 * Storing values into PL/pgSQL datums: scalar variables (cast to the declared type, NOT NULL
 * checked), record variables (a named row type converts by position; `record` takes the
 * value's structure), record fields (`NEW.x := ...`), array elements (`a[i] := ...`, `a[i][j]`,
 * `rec.f[i]`, domains over arrays checked after the change), and the
 * targets of INTO / FOR (a record, or a list of variables filled column by column).
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_assign_value, exec_move_row,
 * exec_move_row_from_fields).
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { Row } from '../../executor/context.js';
import { OID } from '../../types/oids.js';
import { formatType, typeInfo } from '../../types/registry.js';
import { PgArray, PgRecord, type Value } from '../../types/values.js';
import { caster } from '../cast.js';
import type { SpiColumn } from '../spi.js';
import { currentDesc, type ExprOwner } from './expr.js';
import { anonymousDesc, rowtypeDesc, type Frame, type RecDesc } from './frame.js';

/** Casts `v` of type `from` to (`to`, `typmod`) as PL/pgSQL assignment does. */
export function castValue(f: Frame, v: Value, from: number, to: number, typmod: number): Value {
  if (v === null || (from === to && typmod < 0)) return v;
  if (to === OID.record || to === OID.any) return v;
  const c = caster(f.session.catalog(), from === OID.unknown ? OID.text : from, to, typmod);
  return c ? c(v, f.ctx()) : v;
}

function nullViolation(name: string): PgError {
  return new PgError(SQLSTATE.null_value_not_allowed, `null value cannot be assigned to variable "${name}" declared NOT NULL`);
}

/** Assigns to any datum (variable, record, record field). */
export function assignDatum(f: Frame, owner: ExprOwner, dno: number, v: Value, from: number, fromTypmod = -1): void {
  const d = owner.datums[dno];
  switch (d.kind) {
    case 'var': {
      const x = castValue(f, v, from, d.type, d.typmod);
      if (x === null && d.notnull) throw nullViolation(d.name);
      f.values[dno] = x;
      return;
    }
    case 'rec':
      assignRecord(f, owner, dno, v, from);
      return;
    case 'recfield':
      assignField(f, owner, d.parent as number, d.field as string, v, from);
      return;
    case 'row': {
      const fields = d.fields ?? [];
      if (v !== null && !(v instanceof PgRecord)) throw new PgError(SQLSTATE.datatype_mismatch, 'cannot assign non-composite value to a row variable');
      const r = v as PgRecord | null;
      fields.forEach((fd, i) => assignDatum(f, owner, fd, r ? (r.fields[i] ?? null) : null, r?.types?.[i] ?? OID.unknown));
      return;
    }
  }
  void fromTypmod;
}

/** The structure a composite value of type `type` has. */
export function descOfValue(f: Frame, v: PgRecord, type: number): RecDesc {
  if (type !== OID.record && type !== OID.unknown) {
    const info = typeInfo(f.session.catalog(), type);
    if (info.relation !== undefined) return rowtypeDesc(f.session.catalog(), type);
  }
  const names = v.names ?? v.fields.map((_, i) => `f${i + 1}`);
  const types = v.types ?? v.fields.map(() => OID.text);
  return { names, types, typmods: types.map(() => -1), typeOid: OID.record };
}

/** Converts a record to a named row type field by field (by position). */
function toRowtype(f: Frame, v: PgRecord, src: RecDesc | undefined, desc: RecDesc): PgRecord {
  const fields = desc.types.map((t, i) => {
    const x = v.fields[i] ?? null;
    return src ? castValue(f, x, src.types[i] ?? OID.unknown, t, desc.typmods[i]) : x;
  });
  return new PgRecord(fields, desc.names, desc.types);
}

/** Assigns a composite value (or NULL) to a record datum. */
export function assignRecord(f: Frame, owner: ExprOwner, dno: number, v: Value, from: number): void {
  const d = owner.datums[dno];
  if (v !== null && !(v instanceof PgRecord)) {
    throw new PgError(SQLSTATE.datatype_mismatch, 'cannot assign non-composite value to a record variable');
  }
  if (d.namedType) {
    const desc = rowtypeDesc(f.session.catalog(), d.type);
    f.values[dno] = v === null ? null : from === d.type ? v : toRowtype(f, v, descOfValue(f, v, from), desc);
    f.descs[dno] = desc;
    return;
  }
  if (v === null) {
    f.values[dno] = null;
    return;
  }
  const desc = descOfValue(f, v, from);
  f.values[dno] = v.names ? v : new PgRecord(v.fields, desc.names, desc.types);
  f.descs[dno] = desc;
}

/** The record variable `recDno`, its current row description and the position of `field` in it (errors as Postgres's). */
function recordField(f: Frame, owner: ExprOwner, recDno: number, field: string) {
  const d = owner.datums[recDno];
  const desc = currentDesc(f, owner, recDno);
  if (!desc) {
    throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `record "${d.name}" is not assigned yet`, {
      detail: 'The tuple structure of a not-yet-assigned record is indeterminate.',
    });
  }
  const i = desc.names.indexOf(field);
  if (i < 0) throw new PgError(SQLSTATE.undefined_column, `record "${d.name}" has no field "${field}"`);
  return { d, desc, i };
}

/** `rec.field := v`. */
export function assignField(f: Frame, owner: ExprOwner, recDno: number, field: string, v: Value, from: number): void {
  const { d, desc, i } = recordField(f, owner, recDno, field);
  const cur = f.values[recDno] as PgRecord | null;
  const fields = cur ? cur.fields.slice() : desc.names.map(() => null as Value);
  fields[i] = castValue(f, v, from, desc.types[i], desc.typmods[i]);
  f.values[recDno] = new PgRecord(fields, desc.names, desc.types);
  if (!f.descs[recDno]) f.descs[recDno] = desc;
}

/** The array type under a (possibly domain) type, with its element type. */
export function arrayTypeOf(cat: import('../../catalog/catalog.js').Catalog, type: number): { array: number; elem: number } | undefined {
  let t = type;
  for (let i = 0; i < 32; i++) {
    const info = typeInfo(cat, t);
    if (info.typtype === 'd' && info.baseType !== undefined) {
      t = info.baseType;
      continue;
    }
    return info.elem !== undefined ? { array: t, elem: info.elem } : undefined;
  }
  return undefined;
}

/**
 * `a[i] := v`, `a[i][j] := v`, `rec.f[i] := v`: the array with one element set (Postgres's
 * array_set_element): a one-dimensional array grows (with NULLs) to take the subscript; a
 * multidimensional one must already have the position; an empty one becomes an array of
 * one element at those subscripts.
 */
export function setArrayElement(cur: PgArray | null, subs: readonly Value[], x: Value): PgArray {
  if (subs.some((s) => s === null)) throw new PgError(SQLSTATE.null_value_not_allowed, 'array subscript in assignment must not be null');
  const idx = subs.map((s) => Number(s));
  if (!cur || cur.items.length === 0) return new PgArray([x], idx.map(() => 1), idx);
  if (cur.dims.length !== idx.length) throw new PgError(SQLSTATE.array_subscript_error, 'wrong number of array subscripts');
  if (idx.length > 1) {
    let off = 0;
    for (let k = 0; k < idx.length; k++) {
      const lb = cur.lbounds[k];
      if (idx[k] < lb || idx[k] >= lb + cur.dims[k]) throw new PgError(SQLSTATE.array_subscript_error, 'array subscript out of range');
      off = off * cur.dims[k] + (idx[k] - lb);
    }
    const items = cur.items.slice();
    items[off] = x;
    return new PgArray(items, cur.dims, cur.lbounds);
  }
  const i = idx[0];
  const lb = cur.lbounds[0];
  const ub = lb + cur.dims[0] - 1;
  // array_set_element: the grown array must stay within MaxArraySize (1 GB of Datums).
  const newLen = Math.max(ub, i) - Math.min(lb, i) + 1;
  if (newLen > 134217727) throw new PgError(SQLSTATE.program_limit_exceeded, 'array size exceeds the maximum allowed (134217727)');
  const items = cur.items.slice();
  let newLb = lb;
  if (i < lb) {
    const pad = lb - i;
    items.unshift(...new Array<Value>(pad).fill(null));
    newLb = i;
  } else if (i > ub) {
    items.push(...new Array<Value>(i - ub).fill(null));
  }
  items[i - newLb] = x;
  return new PgArray(items, [items.length], [newLb]);
}

/** `a[i] := v` (and `a[i][j] := v`) for an array variable, or a variable of a domain over an array (its constraints checked). */
export function assignElement(f: Frame, owner: ExprOwner, dno: number, subs: Value[], v: Value, from: number): void {
  const d = owner.datums[dno];
  const cat = f.session.catalog();
  const at = arrayTypeOf(cat, d.type);
  const x = castValue(f, v, from, at?.elem ?? OID.text, -1);
  const next = setArrayElement(f.values[dno] as PgArray | null, subs, x);
  // A domain over an array: the new array must satisfy it.
  f.values[dno] = at && at.array !== d.type ? castValue(f, next, at.array, d.type, d.typmod) : next;
}

/** `rec.field[i] := v`: the field's array with one element set. */
export function assignFieldElement(f: Frame, owner: ExprOwner, recDno: number, field: string, subs: Value[], v: Value, from: number): void {
  const { d, desc, i } = recordField(f, owner, recDno, field);
  const cat = f.session.catalog();
  const at = arrayTypeOf(cat, desc.types[i]);
  if (!at) throw new PgError(SQLSTATE.datatype_mismatch, `cannot subscript type ${formatType(cat, desc.types[i])} because it does not support subscripting`);
  const cur = f.values[recDno] as PgRecord | null;
  const x = castValue(f, v, from, at.elem, -1);
  const next = setArrayElement((cur?.fields[i] ?? null) as PgArray | null, subs, x);
  assignField(f, owner, recDno, field, next, at.array);
}

/** Where INTO / FOR put a row: a record datum, or variables one per column. */
export type Target = { readonly kind: 'rec'; readonly dno: number } | { readonly kind: 'vars'; readonly dnos: readonly number[] };

const descByColumns = new WeakMap<readonly SpiColumn[], RecDesc>();

/** One structure object per plan's column list (so plans depending on it stay valid). */
export function columnsDesc(cols: readonly SpiColumn[]): RecDesc {
  let d = descByColumns.get(cols);
  if (!d) {
    d = anonymousDesc(cols);
    descByColumns.set(cols, d);
  }
  return d;
}

/** Moves a result row (or no row: NULLs) into a target. */
export function assignRow(f: Frame, owner: ExprOwner, target: Target, row: Row | undefined, cols: readonly SpiColumn[]): void {
  if (target.kind === 'vars' && target.dnos.length === 1 && owner.datums[target.dnos[0]].isRecord) {
    // `SELECT * INTO rowvar`: one record variable takes the whole row.
    assignRow(f, owner, { kind: 'rec', dno: target.dnos[0] }, row, cols);
    return;
  }
  if (target.kind === 'vars') {
    target.dnos.forEach((dno, i) => assignDatum(f, owner, dno, row ? (row[i] ?? null) : null, cols[i]?.type ?? OID.unknown, cols[i]?.typmod ?? -1));
    return;
  }
  const dno = target.dno;
  const d = owner.datums[dno];
  if (d.kind !== 'rec' && !d.isRecord) {
    assignDatum(f, owner, dno, row ? (row[0] ?? null) : null, cols[0]?.type ?? OID.unknown);
    return;
  }
  // A single composite column fills the record with its value.
  if (cols.length === 1 && (row?.[0] instanceof PgRecord || (cols[0].type !== OID.unknown && typeInfo(f.session.catalog(), cols[0].type).typtype === 'c'))) {
    assignRecord(f, owner, dno, row ? (row[0] ?? null) : null, cols[0].type);
    return;
  }
  const src = columnsDesc(cols);
  if (d.namedType) {
    const desc = rowtypeDesc(f.session.catalog(), d.type);
    const vals = row ?? cols.map(() => null);
    f.values[dno] = row ? toRowtype(f, new PgRecord(vals), src, desc) : null;
    f.descs[dno] = desc;
    return;
  }
  f.values[dno] = row ? new PgRecord(row.slice(0, cols.length), src.names, src.types) : new PgRecord(cols.map(() => null), src.names, src.types);
  f.descs[dno] = src;
}
