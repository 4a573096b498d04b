/**
 * The parameter list and result type of CREATE FUNCTION / PROCEDURE: modes, names, types
 * (including `table.column%TYPE`), DEFAULT expressions, VARIADIC, OUT / INOUT / TABLE columns,
 * with Postgres's checks and messages (42P13), and the result type they imply.
 *
 * Postgres counterpart: src/backend/commands/functioncmds.c (interpret_function_parameter_list,
 * compute_return_type), parser/parse_type.c (%TYPE).
 */
import { lookupSystemRelation } from '../catalog/system/scan.js';
import type { Catalog } from '../catalog/catalog.js';
import type { FunctionParamDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { ParseState, charOffset } from '../analyze/parse-state.js';
import { transformExpr } from '../analyze/expr.js';
import { canCoerce, coerceTo } from '../analyze/coerce.js';
import { isPolymorphic } from '../analyze/func.js';
import { lookupRelation } from '../analyze/relation.js';
import { resolveTypeName, typeNameText } from '../analyze/type-name.js';
import { emptyQuery } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import { formatType, typeInfo } from '../types/registry.js';
import { checkValidPolymorphicSignature } from '../analyze/poly-consistency.js';
import type { Session } from '../session/session.js';

type AnyNode = Record<string, any>;

const MODES: Record<string, FunctionParamDef['mode']> = {
  FUNC_PARAM_DEFAULT: 'i', FUNC_PARAM_IN: 'i', FUNC_PARAM_OUT: 'o', FUNC_PARAM_INOUT: 'b', FUNC_PARAM_VARIADIC: 'v', FUNC_PARAM_TABLE: 't',
};

function pos(sql: string, loc: number | undefined): string | undefined {
  // (no text: DROP / ALTER's lookups, which report no position)
  return loc === undefined || loc < 0 || sql === '' ? undefined : String(charOffset(sql, loc) + 1);
}

/**
 * A TypeName of a routine parameter or result: ordinary names, arrays, and `rel.col%TYPE`
 * (with Postgres's NOTICE). Typmods are dropped, as Postgres drops them for parameters.
 */
export function routineTypeName(session: Session, cat: Catalog, tn: AnyNode, sql: string): number {
  if (tn.pct_type) {
    const names = (tn.names as AnyNode[]).map((x) => x.String.sval as string);
    if (names.length < 2) throw new PgError(SQLSTATE.syntax_error, `improper %TYPE reference (too few dotted names): ${names.join('.')}`, { position: pos(sql, tn.location) });
    const col = names[names.length - 1];
    const rel = lookupRelation(cat, session.searchPath(), names.length === 3 ? { schema: names[0], name: names[1] } : { name: names[0] });
    // Else a system catalog's column (pg_class.oid%TYPE).
    const sys = rel ? undefined : lookupSystemRelation(names.length === 3 ? names[0] : undefined, names[names.length - 2], session.searchPath());
    if (!rel && !sys) throw new PgError(SQLSTATE.undefined_table, `relation "${names.slice(0, -1).join('.')}" does not exist`);
    const c = rel ? rel.columns.find((x) => x.name === col && !x.dropped) : sys!.columns.find((x) => x.name === col);
    if (!c) throw new PgError(SQLSTATE.undefined_column, `column "${col}" of relation "${(rel ?? sys)!.name}" does not exist`, { position: pos(sql, tn.location) });
    let t = c.type;
    if (tn.arrayBounds?.length) t = typeInfo(cat, t).array ?? t;
    session.notice(new PgError(SQLSTATE.successful_completion, `type reference ${names.join('.')}%TYPE converted to ${formatType(cat, t)}`, { severity: 'NOTICE' }));
    return t;
  }
  const { oid } = resolveTypeName(cat, session.searchPath(), { ...tn, setof: false }, (l) => pos(sql, l));
  return oid;
}

export interface RoutineSignature {
  readonly params: FunctionParamDef[];
  /** Input types (the signature). */
  readonly argTypes: number[];
  readonly returnType: number;
  readonly retset: boolean;
}

/** Analyzes the parameters and result of CREATE FUNCTION / PROCEDURE. */
export function interpretSignature(session: Session, cat: Catalog, n: AnyNode, sql: string, isProcedure: boolean): RoutineSignature {
  const params: FunctionParamDef[] = [];
  const argTypes: number[] = [];
  let haveDefault = false;
  let variadicSeen = false;
  const seen = new Set<string>();
  // Defaults are stored unfolded (an implicit cast stays a cast), as Postgres stores proargdefaults.
  const stmt = { catalog: cat, session, sql, paramTypes: [] as number[], inferParams: false, volatileSeen: false, noFold: true };
  const ps = new ParseState(stmt, emptyQuery('select'));
  ps.exprKind = 'default';
  for (const p of (n.parameters ?? []) as AnyNode[]) {
    const fp = p.FunctionParameter;
    const mode = MODES[fp.mode] ?? 'i';
    const name: string = fp.name ?? '';
    const type = routineTypeName(session, cat, fp.argType, sql);
    const isInput = mode === 'i' || mode === 'b' || mode === 'v';
    if (typeInfo(cat, type).typtype === 'p' && type === OID.void && isInput) {
      throw new PgError(SQLSTATE.invalid_function_definition, 'SQL function cannot accept shell type void');
    }
    if (variadicSeen && (isInput || (isProcedure && mode === 'o'))) {
      throw new PgError(SQLSTATE.invalid_function_definition, `VARIADIC parameter must be the last ${isInput ? 'input ' : ''}parameter`, { position: pos(sql, fp.location) });
    }
    if (mode === 'v') {
      variadicSeen = true;
      const info = typeInfo(cat, type);
      if (type !== OID.anyarray && type !== OID.anycompatiblearray && type !== OID.any && !(info.category === 'A' && info.elem !== undefined)) {
        throw new PgError(SQLSTATE.invalid_function_definition, 'VARIADIC parameter must be an array', { position: pos(sql, fp.location) });
      }
    }
    if (name) {
      // OUT and IN parameters may share a name only in the IN/OUT-pair sense; duplicates among either set are errors.
      const key = (isInput ? 'in:' : 'out:') + name;
      if (seen.has(key) || (mode === 'b' && (seen.has('in:' + name) || seen.has('out:' + name)))) {
        throw new PgError(SQLSTATE.invalid_function_definition, `parameter name "${name}" used more than once`, { position: pos(sql, fp.location) });
      }
      seen.add(key);
      if (mode === 'b') seen.add('out:' + name);
    }
    let def: FunctionParamDef['default'];
    if (fp.defexpr) {
      if (!isInput) {
        throw new PgError(SQLSTATE.invalid_function_definition, 'only input parameters can have default values', { position: pos(sql, fp.location) });
      }
      const raw = fp.defexpr;
      let e = transformExpr(ps, raw);
      if (e.type !== OID.unknown && e.type !== type && !isPolymorphic(type) && !canCoerce(cat, e.type, type, 'assignment')) {
        throw new PgError(SQLSTATE.datatype_mismatch, `argument of parameter default must be type ${formatType(cat, type)}, not type ${formatType(cat, e.type)}`, { position: pos(sql, fp.location) });
      }
      if (!isPolymorphic(type)) e = coerceTo(ps, cat, e, type, -1, 'assignment');
      def = { expr: e, text: '', volatile: stmt.volatileSeen };
      haveDefault = true;
    } else if (isInput && haveDefault) {
      throw new PgError(SQLSTATE.invalid_function_definition, 'input parameters after one with a default value must also have defaults', { position: pos(sql, fp.location) });
    } else if (isProcedure && mode === 'o' && haveDefault) {
      throw new PgError(SQLSTATE.invalid_function_definition, 'procedure OUT parameters cannot appear after one with a default value', { position: pos(sql, fp.location) });
    }
    params.push({ name, type, mode, default: def });
    if (isInput || (isProcedure && mode === 'o')) argTypes.push(type);
  }
  const outs = params.filter((p) => p.mode === 'o' || p.mode === 'b' || p.mode === 't');
  let returnType: number;
  let retset = false;
  if (isProcedure) {
    if (n.returnType) throw featureNotSupported('RETURNS in CREATE PROCEDURE');
    returnType = outs.length === 0 ? OID.void : outs.length === 1 ? outs[0].type : OID.record;
  } else {
    const tableCols = params.filter((p) => p.mode === 't');
    const outType = outs.length === 0 ? undefined : outs.length === 1 ? outs[0].type : OID.record;
    if (n.returnType) {
      retset = !!n.returnType.setof;
      const declared = routineTypeName(session, cat, n.returnType, sql);
      if (tableCols.length) {
        returnType = outType as number;
      } else if (outType !== undefined && declared !== outType) {
        throw new PgError(SQLSTATE.invalid_function_definition, `function result type must be ${formatType(cat, outType)} because of OUT parameters`);
      } else returnType = declared;
    } else if (outType !== undefined) {
      returnType = outType;
    } else {
      throw new PgError(SQLSTATE.invalid_function_definition, 'function result type must be specified');
    }
    // The result and each OUT parameter (Postgres's ProcedureCreate checks both).
    const detail = [returnType, ...outs.map((p) => p.type)].map((t) => checkValidPolymorphicSignature(cat, t, argTypes)).find((d) => d);
    if (detail) throw new PgError(SQLSTATE.invalid_function_definition, 'cannot determine result data type', { detail });
    void typeNameText;
  }
  return { params, argTypes, returnType, retset };
}
