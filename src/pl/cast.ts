/**
 * Run-time conversion of a value to a variable's or result's type, as PL/pgSQL assigns: the
 * assignment cast when one exists, otherwise conversion through the types' text forms (so a
 * text value can be assigned to an integer variable when it reads as one). Typmods apply
 * (varchar(3) truncation errors, numeric(5,2) rounding) and domains check their constraints.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_exec.c (exec_cast_value, get_cast_hashentry).
 */
import type { Catalog } from '../catalog/catalog.js';
import { canCoerce, coerceTo } from '../analyze/coerce.js';
import type { Expr } from '../nodes/primnodes.js';
import { compileExpr } from '../executor/expr/compile.js';
import type { ExecContext } from '../executor/context.js';
import { OID } from '../types/oids.js';
import type { PgRecord, Value } from '../types/values.js';
import { PgError } from '../errors/pg-error.js';
import { typeInfo } from '../types/registry.js';
import { anonymousRecordText } from './record-text.js';

/** Converts a non-null value; identity when no conversion applies. */
export type Caster = (v: Value, ctx: ExecContext) => Value;

const cache = new WeakMap<Catalog, Map<string, Caster | null>>();

/** Builds the Expr that converts an expression to (to, typmod) with assignment-or-I/O rules. */
export function castExpr(cat: Catalog, e: Expr, to: number, typmod: number): Expr {
  if (to === OID.record || to === OID.any || to === OID.anyelement) return e;
  if (e.kind === 'Const' && e.type === OID.unknown) {
    // A literal is read by the target type's input function now, as Postgres does (errors point at it).
    try {
      return coerceTo(undefined, cat, e, to, typmod, 'assignment');
    } catch (err) {
      if (err instanceof PgError && err.position === undefined && e.location !== undefined && e.location >= 0) err.position = String(e.location + 1);
      throw err;
    }
  }
  const from = e.type === OID.unknown ? OID.text : e.type;
  const src = e.type === OID.unknown ? coerceTo(undefined, cat, e, OID.text, -1, 'implicit') : e;
  if (from === to && typmod < 0) return src;
  if (canCoerce(cat, from, to, 'assignment')) return coerceTo(undefined, cat, src, to, typmod, 'assignment');
  const asText = from === OID.text ? src : toText(cat, src);
  return coerceTo(undefined, cat, asText, to, typmod, 'explicit');
}

/** Text output of any value (records through their fields' outputs). */
function toText(cat: Catalog, e: Expr): Expr {
  const info = typeInfo(cat, e.type);
  if (e.type === OID.record || info.typtype === 'c') {
    return { kind: 'CoerceExpr', arg: e, type: OID.text, typmod: -1, form: 'explicit', fn: (v, rt) => anonymousRecordText(cat, v as PgRecord, rt.session.io) };
  }
  return coerceTo(undefined, cat, e, OID.text, -1, 'explicit');
}

/**
 * A converter from `from` to (`to`, `typmod`), cached per catalog version; undefined when values
 * pass unchanged.
 */
export function caster(cat: Catalog, from: number, to: number, typmod: number): Caster | undefined {
  if (from === to && typmod < 0) return undefined;
  let m = cache.get(cat);
  if (!m) {
    m = new Map();
    cache.set(cat, m);
  }
  const key = `${from}>${to}:${typmod}`;
  let c = m.get(key);
  if (c === undefined) {
    const input: Expr = { kind: 'InputRef', index: 0, type: from, typmod: -1 };
    const e = castExpr(cat, input, to, typmod);
    if (e === input) c = null;
    else {
      const f = compileExpr(e, { depth: 0, offsets: [] });
      c = (v, ctx) => (v === null ? null : f([v], ctx));
    }
    m.set(key, c);
  }
  return c ?? undefined;
}
