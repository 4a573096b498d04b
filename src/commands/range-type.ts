/**
 * CREATE TYPE name AS RANGE (SUBTYPE = ..., SUBTYPE_OPCLASS, COLLATION, CANONICAL, SUBTYPE_DIFF,
 * MULTIRANGE_TYPE_NAME): the range type, its multirange type, both array types, the pg_range
 * row and the constructor functions Postgres creates with them (`name(a, b [, flags])`,
 * `multiname()`, `multiname(range)`, `multiname(VARIADIC range[])`), which DROP TYPE removes.
 *
 * Postgres counterpart: src/backend/commands/typecmds.c (DefineRange, makeRangeConstructors,
 * makeMultirangeConstructors, makeMultirangeTypeName).
 * Known gaps: CANONICAL needs a C function on a shell type (42P17, as Postgres without a shell
 * type); a SUBTYPE_OPCLASS other than the subtype's default btree class is 0A000.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { FunctionDef, FunctionParamDef, UserTypeDef } from '../catalog/objects.js';
import { resolveCollationName, isCollatableType } from '../catalog/collation-lookup.js';
import { defaultOpclassOid } from '../catalog/system/operators.js';
import { AM_OID } from '../catalog/system/pg-class.js';
import { builtinProcsNamed } from '../catalog/system/procs.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { creationNamespace } from '../analyze/relation.js';
import { resolveTypeName } from '../analyze/type-name.js';
import { functionCandidates } from '../analyze/func-candidates.js';
import { charOffset } from '../analyze/parse-state.js';
import { formatType, typeInfo } from '../types/registry.js';
import { OID } from '../types/oids.js';
import { checkCreateInNamespace } from './create-checks.js';
import { resolveIndexOpclass } from './index-opclass.js';
import { tempNamespace } from './temp-tables.js';
import { truncBytes, truncateIdentifier } from './naming.js';
import { typeNameTaken } from './typecmds.js';

type AnyNode = Record<string, any>;

const NAMEDATALEN = 64;

/** The names of a DefElem's argument (a TypeName or a list of String nodes). */
function defNames(arg: AnyNode): string[] {
  const list = (arg?.TypeName?.names ?? arg?.List?.items ?? [arg]) as AnyNode[];
  return list.map((x) => x.String?.sval as string);
}

/** makeArrayTypeName: `_name`, clipped to NAMEDATALEN - 1 bytes, with an `_` more until free. */
function arrayTypeName(cat: Catalog, ns: number, name: string): string {
  let base = '_' + name;
  for (;;) {
    const clipped = truncateIdentifier(base);
    if (!typeNameTaken(cat, ns, clipped)) return clipped;
    base = '_' + base;
  }
}

/** makeMultirangeTypeName: the first "range" becomes "multirange", else `_multirange` is added. */
function multirangeTypeName(cat: Catalog, ns: number, rangeName: string): string {
  const i = rangeName.indexOf('range');
  const buf = i >= 0 ? rangeName.slice(0, i) + 'multi' + rangeName.slice(i) : truncBytes(rangeName, NAMEDATALEN - 12) + '_multirange';
  const name = truncateIdentifier(buf);
  if (typeNameTaken(cat, ns, name)) {
    throw new PgError(SQLSTATE.duplicate_object, `type "${name}" already exists`, {
      detail: `Failed while creating a multirange type for type "${rangeName}".`,
      hint: 'You can manually specify a multirange type name using the "multirange_type_name" attribute.',
    });
  }
  return name;
}

export function createRangeType(session: Session, n: AnyNode, sql: string): StatementResult {
  const txn = session.transaction();
  const cat = txn.catalog;
  const path = session.searchPath();
  const pos = (loc: number | undefined) => (loc !== undefined && loc >= 0 ? String(charOffset(sql, loc) + 1) : undefined);
  const parts = (n.typeName as AnyNode[]).map((x) => x.String.sval as string);
  const name = truncateIdentifier(parts[parts.length - 1]);
  const ns = creationNamespace(cat, path, { schema: parts.length > 1 ? parts[parts.length - 2] : undefined, name }, undefined, () => tempNamespace(session, true) as number);
  checkCreateInNamespace(session, ns);
  if (typeNameTaken(cat, ns, name)) throw new PgError(SQLSTATE.duplicate_object, `type "${name}" already exists`);

  const opts = new Map<string, AnyNode>();
  for (const p of (n.params ?? []) as AnyNode[]) {
    const d = p.DefElem;
    if (opts.has(d.defname)) throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options', { position: pos(d.location) });
    if (!['subtype', 'subtype_opclass', 'collation', 'canonical', 'subtype_diff', 'multirange_type_name'].includes(d.defname)) {
      throw new PgError(SQLSTATE.syntax_error, `type attribute "${d.defname}" not recognized`);
    }
    opts.set(d.defname, d);
    // The subtype is looked up as soon as it is read (before later options are checked).
    if (d.defname === 'subtype') resolveTypeName(cat, path, d.arg.TypeName, () => undefined);
  }
  const subtypeEl = opts.get('subtype');
  if (!subtypeEl) throw new PgError(SQLSTATE.syntax_error, 'type attribute "subtype" is required');
  let multiNs = ns;
  let multiName: string | undefined;
  const multiEl = opts.get('multirange_type_name');
  if (multiEl) {
    const mparts = defNames(multiEl.arg);
    multiName = truncateIdentifier(mparts[mparts.length - 1]);
    multiNs = creationNamespace(cat, path, { schema: mparts.length > 1 ? mparts[mparts.length - 2] : undefined, name: multiName });
  }
  const subtype = resolveTypeName(cat, path, subtypeEl.arg.TypeName, () => undefined).oid;
  const sub = typeInfo(cat, subtype);
  if (sub.typtype === 'p') throw new PgError(SQLSTATE.datatype_mismatch, `range subtype cannot be ${formatType(cat, subtype)}`);

  // findRangeSubOpclass: the named btree class must take the subtype; otherwise the default one.
  const opcEl = opts.get('subtype_opclass');
  if (opcEl) {
    const custom = resolveIndexOpclass(cat, 'btree', defNames(opcEl.arg), undefined, subtype);
    if (custom !== undefined) throw featureNotSupported(`range subtype operator class ${custom}`);
  } else if (defaultOpclassOid(cat, AM_OID.btree, subtype) === 0) {
    throw new PgError(SQLSTATE.undefined_object, `data type ${formatType(cat, subtype)} has no default operator class for access method "btree"`, {
      hint: 'You must specify an operator class for the range type or define a default operator class for the subtype.',
    });
  }

  let collation: string | undefined;
  const collEl = opts.get('collation');
  if (isCollatableType(cat, subtype)) {
    if (collEl) {
      const cparts = defNames(collEl.arg);
      collation = resolveCollationName(cat, path, cparts);
      if (collation === undefined) throw new PgError(SQLSTATE.undefined_object, `collation "${cparts.join('.')}" for encoding "UTF8" does not exist`);
    } else collation = 'default';
  } else if (collEl) {
    throw new PgError(SQLSTATE.wrong_object_type, 'range collation specified but subtype does not support collation');
  }

  if (opts.has('canonical')) {
    throw new PgError(SQLSTATE.invalid_object_definition, 'cannot specify a canonical function without a pre-created shell type', {
      hint: 'Create the type as a shell type, then create its canonicalization function, then do a full CREATE TYPE.',
    });
  }

  // findRangeSubtypeDiffFunction: exactly (subtype, subtype) returning float8, immutable.
  let subtypeDiff = 0;
  const diffEl = opts.get('subtype_diff');
  if (diffEl) {
    const fparts = defNames(diffEl.arg);
    const hit = functionCandidates(cat, path, fparts).find((f) => !f.variadic && f.argTypes.length === 2 && f.argTypes[0] === subtype && f.argTypes[1] === subtype);
    const shown = `${fparts.join('.')}(${formatType(cat, subtype)}, ${formatType(cat, subtype)})`;
    if (!hit) throw new PgError(SQLSTATE.undefined_function, `function ${shown} does not exist`);
    if (hit.returnType !== OID.float8) throw new PgError(SQLSTATE.invalid_object_definition, `range subtype diff function ${shown} must return type double precision`);
    if (hit.volatility !== 'i') throw new PgError(SQLSTATE.invalid_object_definition, `range subtype diff function ${shown} must be immutable`);
    subtypeDiff = hit.oid ?? builtinProcOid(fparts[fparts.length - 1], [subtype, subtype]);
  }

  if (multiName !== undefined) {
    if (typeNameTaken(cat, multiNs, multiName)) throw new PgError(SQLSTATE.duplicate_object, `type "${multiName}" already exists`);
  } else multiName = multirangeTypeName(cat, ns, name);

  const w = txn.catalogForWrite();
  const owner = session.currentUser();
  const oid = session.db.newOid();
  const rangeArray = session.db.newOid();
  const multi = session.db.newOid();
  const multiArray = session.db.newOid();
  const types: UserTypeDef[] = [
    { oid, name, namespace: ns, kind: 'r', owner, arrayType: rangeArray, range: { subtype, collation, multirange: multi, subtypeDiff } },
    { oid: multi, name: multiName, namespace: multiNs, kind: 'm', owner, arrayType: multiArray, multirangeOf: oid },
  ];
  for (const t of types) w.putType(t);
  w.putType({ oid: rangeArray, name: arrayTypeName(w, ns, name), namespace: ns, kind: 'b', owner, elementType: oid });
  w.putType({ oid: multiArray, name: arrayTypeName(w, multiNs, multiName), namespace: multiNs, kind: 'b', owner, elementType: multi });

  const constructor = (fname: string, fns: number, argTypes: number[], returnType: number, body: string, strict: boolean, variadic = false): FunctionDef => ({
    oid: session.db.newOid(), name: fname, namespace: fns, owner, kind: 'f', language: 'internal',
    params: argTypes.map((type, i): FunctionParamDef => ({ name: '', type, mode: variadic && i === argTypes.length - 1 ? 'v' : 'i' })),
    argTypes, returnType, retset: false, volatility: 'i', strict, securityDefiner: false, leakproof: false, parallel: 's',
    cost: 1, rows: 0, config: [], body, constructsType: oid,
  });
  w.putFunction(constructor(name, ns, [subtype, subtype], oid, 'range_constructor2', false));
  w.putFunction(constructor(name, ns, [subtype, subtype, OID.text], oid, 'range_constructor3', false));
  w.putFunction(constructor(multiName, ns, [], multi, 'multirange_constructor0', true));
  w.putFunction(constructor(multiName, ns, [oid], multi, 'multirange_constructor1', true));
  w.putFunction(constructor(multiName, ns, [rangeArray], multi, 'multirange_constructor2', true, true));
  return commandResult('CREATE TYPE');
}

/** The pg_proc OID of a built-in function by name and argument types (0 when unknown). */
function builtinProcOid(name: string, argTypes: readonly number[]): number {
  return builtinProcsNamed(name).find((p) => p.argTypes.length === argTypes.length && p.argTypes.every((t, i) => t === argTypes[i]))?.oid ?? 0;
}
