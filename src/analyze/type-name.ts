/**
 * TypeName → (type OID, typmod): built-in names and their SQL spellings, user types by search
 * path, array bounds, and the typmod encodings of varchar/char/numeric/time(stamp)/interval.
 *
 * Postgres counterpart: src/backend/parser/parse_type.c (typenameTypeIdAndMod) and the
 * typmodin functions in utils/adt.
 */
import { explicitSchemaName } from './relation.js';
import { boundTypeName, recordType } from '../rewrite/view-binding.js';
import type { Catalog } from '../catalog/catalog.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { TYPE_ALIASES } from '../types/builtin-types.js';
import { builtinTypeOid, typeInfo } from '../types/registry.js';
import type { ParseState } from './parse-state.js';

type AnyNode = Record<string, any>;

/** Postgres built-in types fauxgres does not emulate yet: naming one is 0A000, not "does not exist". */
const UNSUPPORTED_BUILTIN_TYPES = new Set([
  'xml',
  'pg_snapshot', 'txid_snapshot',
  'jsonpath', 'regproc', 'regprocedure', 'regoper', 'regoperator', 'regnamespace', 'regrole',
  'regcollation', 'tid', 'xid', 'xid8', 'cid', 'int2vector', 'oidvector',
]);

export interface ResolvedType {
  oid: number;
  typmod: number;
}

function names(tn: AnyNode): string[] {
  return (tn.names as AnyNode[]).map((n) => n.String.sval as string);
}

/** Type name as written, for error messages (`foo`, `myschema.foo`). */
export function typeNameText(tn: AnyNode): string {
  const ns = names(tn);
  if (ns.length === 2 && ns[0] === 'pg_catalog') return ns[1];
  return ns.join('.');
}

/** Resolves a base (non-array) type name in the catalog by search path; undefined if missing. */
export function lookupTypeName(cat: Catalog, searchPath: readonly string[], nameParts: string[]): number | undefined {
  if (nameParts.length === 1 || nameParts[0] === 'pg_catalog') {
    const raw = nameParts[nameParts.length - 1];
    const alias = TYPE_ALIASES[raw] ?? raw;
    const b = builtinTypeOid(alias);
    if (b !== undefined && (nameParts.length === 2 || !isShadowed(cat, searchPath, raw))) return b;
    if (nameParts[0] === 'pg_catalog' && nameParts.length === 2) return undefined;
  }
  if (nameParts.length === 2) {
    const ns = cat.namespaceOid(explicitSchemaName(searchPath, nameParts[0]));
    if (ns === undefined) {
      throw new PgError(SQLSTATE.invalid_schema_name, `schema "${nameParts[0]}" does not exist`);
    }
    return cat.typeIn(ns, nameParts[1])?.oid;
  }
  if (nameParts.length > 2) {
    throw new PgError(SQLSTATE.syntax_error, `improper qualified name (too many dotted names): ${nameParts.join('.')}`);
  }
  for (const schema of searchPath) {
    const ns = cat.namespaceOid(schema);
    if (ns === undefined) continue;
    const t = cat.typeIn(ns, nameParts[0]);
    if (t) return t.oid;
  }
  return undefined;
}

function isShadowed(_cat: Catalog, _sp: readonly string[], _name: string): boolean {
  // pg_catalog is searched first unless listed explicitly later; user types cannot shadow built-ins.
  return false;
}

/** Resolves a TypeName node. Throws 42704 for unknown types, 0A000 for unsupported forms. */
export function typeNameToOid(pstate: ParseState, tn: AnyNode): ResolvedType {
  // In a view's query, a user type is the one named at CREATE VIEW, under its current name.
  const vb = pstate.stmt.viewBinding;
  const rebound = boundTypeName(pstate.catalog, vb, tn.location);
  const r = resolveTypeName(pstate.catalog, pstate.stmt.session.searchPath(), rebound ? { ...tn, names: rebound } : tn, (loc) => pstate.position(loc), (w) => pstate.stmt.session.notice(w));
  if (vb?.mode === 'record') {
    const base = lookupTypeName(pstate.catalog, pstate.stmt.session.searchPath(), names(tn));
    if (base !== undefined) recordType(pstate.catalog, vb, tn.location, base);
  }
  return r;
}

export function resolveTypeName(
  cat: Catalog,
  searchPath: readonly string[],
  tn: AnyNode,
  position: (loc: number | undefined) => string | undefined,
  /** Receives warnings (a time precision above 6 reduced to 6); none are raised without it. */
  warn?: (w: PgError) => void,
): ResolvedType {
  if (tn.pct_type) throw featureNotSupported('%TYPE references', tn.location);
  if (tn.setof) throw featureNotSupported('SETOF types here', tn.location);
  const ns = names(tn);
  let oid: number | undefined;
  try {
    oid = lookupTypeName(cat, searchPath, ns);
  } catch (e) {
    if (e instanceof PgError && !e.position) e.position = position(tn.location);
    throw e;
  }
  const display = typeNameText(tn);
  if (oid === undefined && (ns.length === 1 || ns[0] === 'pg_catalog') && UNSUPPORTED_BUILTIN_TYPES.has(ns[ns.length - 1])) {
    throw featureNotSupported(`type ${ns[ns.length - 1]}`, tn.location);
  }
  if (oid === undefined) {
    throw new PgError(SQLSTATE.undefined_object, `type "${display}" does not exist`, { position: position(tn.location) });
  }
  const info = typeInfo(cat, oid);
  if (info.typtype === 'p' && oid !== OID.record && oid !== OID.void && oid !== OID.trigger && !String(info.name).startsWith('any')) {
    // cstring etc.: fine to name, rarely useful
  }
  const mods = ((tn.typmods ?? []) as AnyNode[]).map((m) => {
    const c = m.A_Const;
    if (c?.ival !== undefined) return c.ival.ival ?? 0;
    throw new PgError(SQLSTATE.syntax_error, 'type modifiers must be simple constants or identifiers', { position: position(tn.location) });
  });
  const typmod = mods.length ? computeTypmod(oid, mods, display, position(tn.location), warn) : -1;
  const bounds = (tn.arrayBounds ?? []) as AnyNode[];
  if (bounds.length) {
    const arr = info.array;
    if (arr === undefined) {
      throw new PgError(SQLSTATE.undefined_object, `could not find array type for data type ${display}`, { position: position(tn.location) });
    }
    return { oid: arr, typmod };
  }
  return { oid, typmod };
}

function computeTypmod(oid: number, mods: number[], display: string, position: string | undefined, warn?: (w: PgError) => void): number {
  const fail = (msg: string) => new PgError(SQLSTATE.invalid_parameter_value, msg, { position });
  switch (oid) {
    case OID.varchar:
    case OID.bpchar: {
      if (mods.length !== 1) throw fail(`invalid type modifier`);
      const n = mods[0];
      const label = oid === OID.varchar ? 'varchar' : 'char';
      if (n < 1) throw fail(`length for type ${label} must be at least 1`);
      if (n > 10485760) throw fail(`length for type ${label} cannot exceed 10485760`);
      return n + 4;
    }
    case OID.bit:
    case OID.varbit: {
      if (mods.length !== 1) throw fail(`invalid type modifier`);
      const n = mods[0];
      const label = oid === OID.bit ? 'bit' : 'varbit';
      if (n < 1) throw fail(`length for type ${label} must be at least 1`);
      if (n > 83886080) throw fail(`length for type ${label} cannot exceed 83886080`);
      return n;
    }
    case OID.numeric: {
      if (mods.length > 2) throw fail(`invalid NUMERIC type modifier`);
      const p = mods[0];
      const s = mods.length > 1 ? mods[1] : 0;
      if (p < 1 || p > 1000) throw fail(`NUMERIC precision ${p} must be between 1 and 1000`);
      if (s < -1000 || s > 1000) throw fail(`NUMERIC scale ${s} must be between -1000 and 1000`);
      return ((p << 16) | (s & 0x7ff)) + 4;
    }
    case OID.timestamp:
    case OID.timestamptz:
    case OID.time:
    case OID.timetz: {
      if (mods.length !== 1) throw fail(`invalid type modifier`);
      const p = mods[0];
      const base = oid === OID.timestamp || oid === OID.timestamptz ? 'TIMESTAMP' : 'TIME';
      const tz = oid === OID.timestamptz || oid === OID.timetz ? ' WITH TIME ZONE' : '';
      if (p < 0) throw fail(`${base}(${p})${tz} precision must not be negative`);
      if (p > 6) warn?.(timePrecisionWarning(base, tz, p, position));
      return Math.min(p, 6);
    }
    case OID.interval: {
      // Field restrictions (DAY TO SECOND) arrive pre-encoded; precision-only forms too.
      // Postgres's INTERVAL_TYPMOD(precision, range): range in the high half, precision (0xFFFF = full) low.
      return mods.length === 1 ? ((mods[0] & 0x7fff) << 16) | 0xffff : ((mods[0] & 0x7fff) << 16) | (mods[1] & 0xffff);
    }
    default:
      throw new PgError(SQLSTATE.syntax_error, `type modifier is not allowed for type "${display}"`, { position });
  }
}

/**
 * Postgres's anytime_typmod_check warning: `TIME(7)` and friends are accepted as precision 6.
 * `base` is TIME or TIMESTAMP, `tz` ' WITH TIME ZONE' or ''.
 */
export function timePrecisionWarning(base: string, tz: string, precision: number, position?: string): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, `${base}(${precision})${tz} precision reduced to maximum allowed, 6`, { severity: 'WARNING', position });
}
