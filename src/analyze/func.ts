/**
 * Operator and function overload resolution, following Postgres's rules: exact match first, then
 * candidates reachable by implicit coercion, ranked by exact matches, preferred types and the
 * categories unknown-typed literals can take; polymorphic arguments (anyelement, anyarray,
 * anycompatible...) bind to the actual types. Errors: 42883 (none), 42725 (ambiguous).
 *
 * Postgres counterpart: src/backend/parser/parse_func.c, parse_oper.c (func_select_candidate).
 */
import { isBuiltinRangeOrMultirange } from '../types/user-range.js';
import { checkExecute } from './permissions.js';
import type { Catalog } from '../catalog/catalog.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { FunctionImpl, OperatorDef } from '../functions/registry.js';
import type { Expr } from '../nodes/primnodes.js';
import { OID } from '../types/oids.js';
import { PgArray } from '../types/values.js';
import { formatType, typeExists, typeInfo } from '../types/registry.js';
import { canCoerce, coerceTo, domainBase } from './coerce.js';
import { checkGenericTypeConsistency, enforceGenericTypeConsistency, multirangeRange, rangeSubtype } from './poly-consistency.js';
import type { ParseState } from './parse-state.js';

const POLY = new Set<number>([
  OID.anyelement, OID.anyarray, OID.anynonarray, OID.anyenum, OID.anycompatible,
  OID.anycompatiblearray, OID.anycompatiblenonarray, OID.any, OID.anyrange, OID.anymultirange,
  OID.anycompatiblerange, OID.anycompatiblemultirange,
]);

export function isPolymorphic(t: number): boolean {
  return POLY.has(t);
}

interface Candidate<T> {
  item: T;
  args: readonly number[];
}

/** Whether input type `from` can be passed where `to` is declared. */
function accepts(cat: Catalog, from: number, to: number): boolean {
  if (from === to) return true;
  if (from === OID.unknown) return to !== OID.anyarray || true;
  return canCoerce(cat, from, to, 'implicit');
}

/** Postgres's func_select_candidate on already-filtered candidates. */
function selectCandidate<T>(cat: Catalog, inputs: readonly number[], cands: Candidate<T>[]): Candidate<T>[] {
  const n = inputs.length;
  const base = inputs.map((t) => (t === OID.unknown ? t : domainBase(cat, t)));
  // Keep those with the most exact matches.
  let best = -1;
  let keep: Candidate<T>[] = [];
  for (const c of cands) {
    let m = 0;
    for (let i = 0; i < n; i++) if (base[i] !== OID.unknown && c.args[i] === base[i]) m++;
    if (m > best) {
      best = m;
      keep = [c];
    } else if (m === best) keep.push(c);
  }
  if (keep.length === 1) return keep;
  // Then the most preferred types at positions needing coercion.
  best = -1;
  let keep2: Candidate<T>[] = [];
  for (const c of keep) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (base[i] !== OID.unknown) {
        const ti = isPolymorphic(c.args[i]) ? undefined : typeInfo(cat, c.args[i]);
        if (c.args[i] === base[i] || (ti && ti.preferred && ti.category === typeInfo(cat, base[i]).category)) m++;
      }
    }
    if (m > best) {
      best = m;
      keep2 = [c];
    } else if (m === best) keep2.push(c);
  }
  if (keep2.length === 1) return keep2;
  keep = keep2;
  // Unknown inputs: choose a category per position.
  if (base.some((t) => t === OID.unknown)) {
    let resolved = false;
    let current = keep;
    for (let i = 0; i < n; i++) {
      if (base[i] !== OID.unknown) continue;
      resolved = true;
      let slotCategory: string | undefined;
      let slotPreferred = false;
      let conflict = false;
      const catOf = (t: number) => (isPolymorphic(t) ? { category: 'P', preferred: false } : typeInfo(cat, t));
      // A string-category candidate wins the slot; otherwise all candidates must agree.
      const infos = current.map((c) => catOf(c.args[i]));
      if (infos.some((x) => x.category === 'S')) {
        slotCategory = 'S';
        slotPreferred = infos.some((x) => x.category === 'S' && x.preferred);
      } else {
        for (const ti of infos) {
          if (slotCategory === undefined) {
            slotCategory = ti.category;
            slotPreferred = ti.preferred;
          } else if (slotCategory === ti.category) slotPreferred = slotPreferred || ti.preferred;
          else conflict = true;
        }
      }
      if (conflict || slotCategory === undefined) {
        continue;
      }
      const filtered = current.filter((c) => {
        const ti = catOf(c.args[i]);
        if (ti.category !== slotCategory) return false;
        return !slotPreferred || ti.preferred;
      });
      if (filtered.length) current = filtered;
    }
    if (resolved && current.length === 1) return current;
    keep = current;
    // If all known inputs share a type, assume the unknowns are of that type too.
    const known = base.filter((t) => t !== OID.unknown);
    if (known.length && known.every((t) => t === known[0])) {
      const assumed = base.map((t) => (t === OID.unknown ? known[0] : t));
      const exact = keep.filter((c) => c.args.every((a, i) => a === assumed[i] || isPolymorphic(a)) && polyConsistent(cat, assumed, c.args));
      if (exact.length === 1) return exact;
      const ok = keep.filter((c) => assumed.every((t, i) => polyAccepts(cat, t, c.args[i])) && polyConsistent(cat, assumed, c.args));
      if (ok.length === 1) return ok;
    }
  }
  return keep;
}

function filterByCoercion<T>(cat: Catalog, inputs: readonly number[], cands: Candidate<T>[]): Candidate<T>[] {
  return cands.filter((c) => c.args.length === inputs.length && inputs.every((t, i) => polyAccepts(cat, t, c.args[i])) && polyConsistent(cat, inputs, c.args) && exactArgsOk(c, inputs));
}

/**
 * A concrete overload standing for a polymorphic one (`int4multirange @> int4` for `anymultirange
 * @> anyelement`) takes the element argument only as exactly that type (or an unknown literal):
 * Postgres's generic type consistency allows no cast there.
 */
function exactArgsOk<T>(c: Candidate<T>, inputs: readonly number[]): boolean {
  const item = c.item as { fn?: FunctionImpl; exactArgs?: readonly number[] };
  const exact = item.exactArgs ?? item.fn?.exactArgs;
  if (!exact) return true;
  for (const i of exact) if (inputs[i] !== OID.unknown && inputs[i] !== c.args[i]) return false;
  return true;
}

/**
 * Whether a call has an argument of a built-in range or multirange type: the generic overloads
 * serving user range types (`userRangesOnly`) are then no candidates.
 */
function hasBuiltinRangeInput(cat: Catalog, inputs: readonly number[]): boolean {
  return inputs.some((t) => isBuiltinRangeOrMultirange(t === OID.unknown ? t : domainBase(cat, t)));
}

/** Postgres's check_generic_type_consistency: polymorphic arguments must bind to one type. */
function polyConsistent(cat: Catalog, inputs: readonly number[], args: readonly number[]): boolean {
  return checkGenericTypeConsistency(cat, inputs, args);
}

/** Whether a type OID exists in this catalog (extension types are declared before they exist). */
export function typeKnown(cat: Catalog, oid: number): boolean {
  return isPolymorphic(oid) || typeExists(cat, oid);
}

function polyAccepts(cat: Catalog, from: number, to: number): boolean {
  if (!isPolymorphic(to)) return accepts(cat, from, to);
  // An unknown literal may stand for any polymorphic argument; the others must fix its type.
  if (from === OID.unknown) return true;
  const fi = typeInfo(cat, domainBase(cat, from));
  switch (to) {
    case OID.anyarray:
    case OID.anycompatiblearray:
      return fi.category === 'A';
    case OID.anynonarray:
    case OID.anycompatiblenonarray:
      return fi.category !== 'A';
    case OID.anyenum:
      return fi.typtype === 'e';
    case OID.anyrange:
    case OID.anycompatiblerange:
      return rangeSubtype(cat, fi.oid) !== 0;
    case OID.anymultirange:
    case OID.anycompatiblemultirange:
      return multirangeRange(cat, fi.oid) !== 0;
    default:
      return true;
  }
}

function typeList(cat: Catalog, types: readonly number[]): string {
  return types.map((t) => formatType(cat, t)).join(', ');
}

export interface ResolvedCall<T> {
  item: T;
  /** Arguments coerced to the declared (or bound polymorphic) types. */
  args: Expr[];
  returnType: number;
}

/**
 * Binds polymorphic declared types to the actual ones (enforce_generic_type_consistency, whose
 * errors carry no position in Postgres either) and coerces the arguments (make_fn_arguments).
 */
function bindAndCoerce(
  pstate: ParseState,
  declared: readonly number[],
  declaredReturn: number,
  args: Expr[],
): { args: Expr[]; returnType: number } {
  const cat = pstate.catalog;
  const binding = enforceGenericTypeConsistency(cat, args.map((a) => a.type), declared, declaredReturn, false);
  const out = args.map((a, i) => {
    const d = declared[i];
    if (d === OID.any) return a.type === OID.unknown ? coerceTo(pstate, cat, a, OID.text, -1, 'implicit') : a;
    return coerceTo(pstate, cat, a, isPolymorphic(d) ? binding.argTypes[i] : d, -1, 'implicit');
  });
  return { args: out, returnType: binding.returnType };
}

/**
 * Resolves `left op right` (left undefined for a prefix operator).
 * @throws 42883 `operator does not exist: integer + text` with Postgres's hint.
 */
export function resolveOperator(
  pstate: ParseState,
  name: string,
  ops: readonly OperatorDef[],
  left: Expr | undefined,
  right: Expr,
  location: number | undefined,
): ResolvedCall<OperatorDef> {
  const cat = pstate.catalog;
  const inputs = left ? [left.type, right.type] : [right.type];
  const cands: Candidate<OperatorDef>[] = ops
    .filter((o) => (left ? o.left !== 0 : o.left === 0) && typeKnown(cat, o.right) && (o.left === 0 || typeKnown(cat, o.left)))
    .filter((o) => !(o.fn.userRangesOnly && hasBuiltinRangeInput(cat, inputs)))
    .map((o) => ({ item: o, args: left ? [o.left, o.right] : [o.right] }));
  let chosen: Candidate<OperatorDef> | undefined;
  // binary_oper_exact: exact match, or one unknown side assumed to be the other's type.
  if (left) {
    let l = left.type;
    let r = right.type;
    if (l === OID.unknown && r !== OID.unknown) l = r;
    else if (r === OID.unknown && l !== OID.unknown) r = l;
    chosen = cands.find((c) => c.args[0] === l && c.args[1] === r);
    if (!chosen && (l !== left.type || r !== right.type)) {
      const lb = domainBase(cat, l);
      const rb = domainBase(cat, r);
      chosen = cands.find((c) => c.args[0] === lb && c.args[1] === rb);
    } else if (!chosen) {
      const lb = l === OID.unknown ? l : domainBase(cat, l);
      const rb = r === OID.unknown ? r : domainBase(cat, r);
      chosen = cands.find((c) => c.args[0] === lb && c.args[1] === rb && exactArgsOk(c, [l, r]));
    }
  } else {
    chosen = cands.find((c) => c.args[0] === right.type);
  }
  if (!chosen) {
    const viable = filterByCoercion(cat, inputs, cands);
    const picked = viable.length <= 1 ? viable : selectCandidate(cat, inputs, viable);
    if (picked.length === 1) chosen = picked[0];
    else {
      const sig = left ? `${formatType(cat, left.type)} ${name} ${formatType(cat, right.type)}` : `${name} ${formatType(cat, right.type)}`;
      if (picked.length > 1) {
        throw new PgError(SQLSTATE.ambiguous_function, `operator is not unique: ${sig}`, {
          hint: 'Could not choose a best candidate operator. You might need to add explicit type casts.',
          position: pstate.position(location),
        });
      }
      throw new PgError(SQLSTATE.undefined_function, `operator does not exist: ${sig}`, {
        hint: left
          ? 'No operator matches the given name and argument types. You might need to add explicit type casts.'
          : 'No operator matches the given name and argument type. You might need to add an explicit type cast.',
        position: pstate.position(location),
      });
    }
  }
  const op = chosen.item;
  if (op.shell) {
    const sig = left ? `${formatType(cat, op.left)} ${name} ${formatType(cat, op.right)}` : `${name} ${formatType(cat, op.right)}`;
    throw new PgError(SQLSTATE.undefined_function, `operator is only a shell: ${sig}`, { position: pstate.position(location) });
  }
  const args = left ? [left, right] : [right];
  const bound = bindAndCoerce(pstate, chosen.args, op.result, args);
  return { item: op, args: bound.args, returnType: bound.returnType };
}

/** Functions whose VARIADIC "any" NULL array means "no variadic arguments" rather than a NULL result. */
const NULL_VARIADIC_IS_EMPTY = new Set(['format']);

/**
 * `f(..., VARIADIC arr)` of a VARIADIC "any" function: the array's elements become the variadic
 * arguments (of the element type), as Postgres's extract_variadic_args; a NULL array gives NULL
 * (format() reads it as no arguments).
 */
function variadicAnyArrayCandidate(pstate: ParseState, f: FunctionImpl, args: Expr[]): Candidate<FunctionImpl> {
  const cat = pstate.catalog;
  const n = f.argTypes.length;
  const last = args[n - 1];
  const info = typeInfo(cat, domainBase(cat, last.type));
  const elem = info.category === 'A' ? info.elem : undefined;
  if (elem === undefined) {
    throw new PgError(SQLSTATE.datatype_mismatch, 'VARIADIC argument must be an array', { position: pstate.position(last.location) });
  }
  const impl = f.fn;
  const nullIsEmpty = NULL_VARIADIC_IS_EMPTY.has(f.name);
  const fixedTypes = args.slice(0, n - 1).map((a) => a.type);
  const fn: FunctionImpl['fn'] = (vals, rt, call) => {
    const arr = vals[n - 1];
    if (arr === null && !nullIsEmpty) return null;
    const items = arr === null ? [] : (arr as PgArray).items;
    const packed = [...vals.slice(0, n - 1), PgArray.of(items)];
    const types = [...fixedTypes];
    for (let i = 0; i < items.length; i++) types.push(elem);
    return impl(packed, rt, { ...call, argTypes: types });
  };
  const argTypes = [...f.argTypes.slice(0, n - 1), last.type];
  return { item: { ...f, fn, argTypes, variadic: undefined }, args: argTypes };
}

/**
 * Resolves a function call by name and argument types.
 * @throws 42883 `function foo(integer) does not exist` with Postgres's hint.
 */
export function resolveFunction(
  pstate: ParseState,
  displayName: string,
  fns: readonly FunctionImpl[],
  args: Expr[],
  location: number | undefined,
  explicitVariadic = false,
): ResolvedCall<FunctionImpl> {
  const cat = pstate.catalog;
  const inputs = args.map((a) => a.type);
  // Expand variadic and defaulted signatures to the call's arity.
  const cands: Candidate<FunctionImpl>[] = [];
  for (const f of fns) {
    if (!f.argTypes.every((t) => typeKnown(cat, t))) continue;
    if (f.userRangesOnly && hasBuiltinRangeInput(cat, inputs)) continue;
    const n = f.argTypes.length;
    // Postgres considers a variadic function only in its expanded form, unless the call says
    // VARIADIC (then only as declared).
    if (f.variadic !== undefined && f.variadic !== OID.any) {
      if (explicitVariadic) {
        if (n === inputs.length) cands.push({ item: f, args: f.argTypes });
        continue;
      }
      if (inputs.length >= n) {
        const elem = f.variadic === OID.anyarray ? OID.anyelement : f.variadic === OID.anycompatiblearray ? OID.anycompatible : (typeInfo(cat, f.variadic).elem as number);
        const expanded = [...f.argTypes.slice(0, n - 1)];
        while (expanded.length < inputs.length) expanded.push(elem);
        cands.push({ item: { ...f, argTypes: expanded, variadicExpanded: n - 1 }, args: expanded });
      }
      continue;
    }
    if (n === inputs.length) cands.push({ item: f, args: f.argTypes });
    else if (f.defaults && inputs.length < n && inputs.length >= n - f.defaults) {
      cands.push({ item: f, args: f.argTypes.slice(0, inputs.length) });
    }
    // VARIADIC "any": the call's arguments are passed one by one; needs at least one of them.
    if (f.variadic === OID.any && inputs.length >= n) {
      if (explicitVariadic) {
        if (inputs.length === n) cands.push(variadicAnyArrayCandidate(pstate, f, args));
        continue;
      }
      const expanded = [...f.argTypes.slice(0, n - 1)];
      while (expanded.length < inputs.length) expanded.push(OID.any);
      if (inputs.length !== n || f.variadic !== f.argTypes[n - 1]) {
        cands.push({ item: { ...f, argTypes: expanded, variadicExpanded: n - 1 }, args: expanded });
      }
    }
  }
  // Postgres's FuncnameGetCandidates: a variadic expansion that duplicates the signature of a
  // plain function loses to it (jsonb_delete(jsonb, text) vs jsonb_delete(jsonb, VARIADIC text[])).
  if (cands.some((c) => c.item.variadicExpanded !== undefined) && cands.some((c) => c.item.variadicExpanded === undefined)) {
    const plain = cands.filter((c) => c.item.variadicExpanded === undefined);
    for (let i = cands.length - 1; i >= 0; i--) {
      const c = cands[i];
      if (c.item.variadicExpanded !== undefined && plain.some((p) => p.args.length === c.args.length && p.args.every((t, j) => t === c.args[j]))) cands.splice(i, 1);
    }
  }
  let chosen = cands.find((c) => c.args.every((a, i) => a === inputs[i]));
  if (!chosen) {
    const viable = filterByCoercion(cat, inputs, cands);
    const picked = viable.length <= 1 ? viable : selectCandidate(cat, inputs, viable);
    if (picked.length === 1) chosen = picked[0];
    else {
      const sig = `${displayName}(${typeList(cat, inputs)})`;
      if (picked.length > 1) {
        throw new PgError(SQLSTATE.ambiguous_function, `function ${sig} is not unique`, {
          hint: 'Could not choose a best candidate function. You might need to add explicit type casts.',
          position: pstate.position(location),
        });
      }
      throw new PgError(SQLSTATE.undefined_function, `function ${sig} does not exist`, {
        hint: 'No function matches the given name and argument types. You might need to add explicit type casts.',
        position: pstate.position(location),
      });
    }
  }
  const bound = bindAndCoerce(pstate, chosen.args, chosen.item.returnType, args);
  return { item: withBoundOutColumns(cat, chosen.item, chosen.args, args), args: bound.args, returnType: bound.returnType };
}

/**
 * A function whose OUT parameters are polymorphic (`OUT f2 anyelement`): a copy whose result
 * columns have the types this call binds them to (Postgres resolves them per call too, in
 * build_function_result_tupdesc_t / resolve_polymorphic_tupdesc).
 */
function withBoundOutColumns(cat: Catalog, f: FunctionImpl, declared: readonly number[], args: readonly Expr[]): FunctionImpl {
  const outs = f.outColumns;
  if (!outs?.some((c) => isPolymorphic(c.type))) return f;
  const actual = args.map((a) => a.type);
  const bound = outs.map((c) => (isPolymorphic(c.type) ? { name: c.name, type: enforceGenericTypeConsistency(cat, actual, declared, c.type, false).returnType } : c));
  return { ...f, outColumns: bound };
}

/**
 * A call of a user function that omits trailing parameters gets their DEFAULT expressions
 * appended (Postgres's expand_function_arguments), so the function always receives every argument.
 */
export function completeUserCall(pstate: ParseState, r: ResolvedCall<FunctionImpl>, location: number | undefined, inputTypes: readonly number[] = r.item.argTypes): ResolvedCall<FunctionImpl> {
  const f = r.item;
  const callTarget = location !== undefined && pstate.stmt.procedureCallAt === location;
  if (callTarget && f.prokind !== 'p') {
    throw new PgError(SQLSTATE.wrong_object_type, `${f.name}(${typeList(pstate.catalog, inputTypes)}) is not a procedure`, {
      hint: 'To call a function, use SELECT.',
      position: pstate.position(location),
    });
  }
  if (!callTarget && f.prokind === 'p') {
    throw new PgError(SQLSTATE.wrong_object_type, `${f.name}(${typeList(pstate.catalog, inputTypes)}) is a procedure`, {
      hint: 'To call a procedure, use CALL.',
      position: pstate.position(location),
    });
  }
  if (f.prokind && f.oid !== undefined) checkExecute(pstate.stmt, f.oid);
  const defs = f.argDefaultExprs;
  const n = f.argTypes.length;
  let out = r;
  if (defs && f.variadicExpanded === undefined && r.args.length < n) {
    const firstDefault = n - defs.length;
    out = { ...r, args: [...r.args, ...defs.slice(r.args.length - firstDefault)] };
  }
  if (f.inlineVariant && f.variadicExpanded === undefined) out = { ...out, item: f.inlineVariant(out.args.every((a) => a.kind === 'Const')) };
  if (f.outColumns?.some((c) => isPolymorphic(c.type))) {
    // OUT parameters declared polymorphic take the types the arguments bind.
    const bind = enforceGenericTypeConsistency(pstate.catalog, out.args.map((a) => a.type), f.argTypes, f.returnType, false);
    out = { ...out, item: { ...out.item, outColumns: f.outColumns.map((c) => (isPolymorphic(c.type) ? { ...c, type: bind.resolve(c.type) } : c)) } };
  }
  return out;
}
