/**
 * has_*_privilege and pg_has_role: every session is a superuser, so an existing object is always
 * accessible; names that do not exist and unknown privilege words raise Postgres's errors, and an
 * OID that names nothing gives NULL.
 * Postgres counterpart: src/backend/utils/adt/acl.c.
 * Known gaps: no GRANT / REVOKE, so no non-superuser answers.
 */
import { fn } from '../registry.js';
import { OID } from '../../types/oids.js';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import type { Value } from '../../types/values.js';
import { regInput } from '../../analyze/regclass.js';
import { knownRoleOid } from '../../catalog/system/common.js';
import { systemRelationByOid } from '../../catalog/system/registry.js';
import { builtinProcByOid } from '../../catalog/system/procs.js';
import { builtinFacts } from '../../catalog/system/type-facts.js';
import { databaseOid } from '../../catalog/system/pg-database.js';

type Kind = 'table' | 'column' | 'any_column' | 'sequence' | 'schema' | 'database' | 'function' | 'type' | 'role' | 'language' | 'tablespace' | 'foreign_data_wrapper' | 'server' | 'parameter' | 'largeobject';

const PRIVILEGES: Record<Kind, string[]> = {
  table: ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'],
  column: ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'],
  any_column: ['SELECT', 'INSERT', 'UPDATE', 'REFERENCES'],
  sequence: ['USAGE', 'SELECT', 'UPDATE'],
  schema: ['CREATE', 'USAGE'],
  database: ['CREATE', 'CONNECT', 'TEMPORARY', 'TEMP'],
  function: ['EXECUTE'],
  type: ['USAGE'],
  role: ['MEMBER', 'USAGE', 'SET'],
  language: ['USAGE'],
  tablespace: ['CREATE'],
  foreign_data_wrapper: ['USAGE'],
  server: ['USAGE'],
  parameter: ['SET', 'ALTER SYSTEM'],
  largeobject: ['SELECT', 'UPDATE'],
};

function checkPrivileges(kind: Kind, text: string): void {
  for (const part of text.split(',')) {
    const p = part.trim().replace(/\s+WITH\s+(GRANT|ADMIN|SET)\s+OPTION$/i, '').toUpperCase();
    if (!PRIVILEGES[kind].includes(p)) throw new PgError(SQLSTATE.invalid_parameter_value, `unrecognized privilege type: "${part.trim()}"`);
  }
}

/** Whether an object OID of this kind exists (NULL results for OIDs that name nothing). */
function exists(rt: ExprRuntime, kind: Kind, oid: number): boolean {
  const cat = rt.session.catalog();
  switch (kind) {
    case 'table':
    case 'sequence':
    case 'column':
    case 'any_column':
      return cat.relations.has(oid) || !!systemRelationByOid(oid);
    case 'schema':
      return cat.namespaces.has(oid) || oid === 99;
    case 'function':
      return !!builtinProcByOid(oid);
    case 'type':
      return builtinFacts.has(oid) || cat.types.has(oid);
    case 'database':
      return oid === databaseOid(rt.session.databaseName(), rt.session.databaseName()) || [1, 4, 5].includes(oid);
    default:
      return true;
  }
}

/** Resolves an object given by name (raising Postgres's "does not exist" errors). */
function byName(rt: ExprRuntime, kind: Kind, name: string): number {
  switch (kind) {
    case 'table':
    case 'sequence':
    case 'column':
    case 'any_column':
      return regInput(OID.regclass)!(rt, name);
    case 'schema': {
      const oid = rt.session.catalog().namespaceOid(name) ?? (name === 'pg_toast' ? 99 : undefined);
      if (oid === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${name}" does not exist`);
      return oid;
    }
    case 'database': {
      const oid = databaseOid(name, rt.session.databaseName());
      if (!oid) throw new PgError(SQLSTATE.invalid_catalog_name, `database "${name}" does not exist`);
      return oid;
    }
    case 'function':
      return regInput(OID.regprocedure)!(rt, name);
    case 'type':
      return regInput(OID.regtype)!(rt, name);
    case 'role':
      return roleByName(rt, name);
    default:
      return 1;
  }
}

function roleByName(rt: ExprRuntime, name: string): number {
  const oid = knownRoleOid(name, rt.session.currentUser());
  if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `role "${name}" does not exist`);
  return oid;
}

function define(name: string, kind: Kind, objectArgs: number[][]): void {
  for (const obj of objectArgs) {
    const withUser = [[OID.name], [OID.oid]];
    const variants: number[][] = [[...obj, OID.text], ...withUser.map((u) => [...u, ...obj, OID.text])];
    for (const args of variants) {
      const userFirst = args.length > obj.length + 1;
      fn(name, args, OID.bool, (a: Value[], rt) => {
        const vals = userFirst ? a.slice(1) : a;
        if (userFirst && typeof a[0] === 'string') roleByName(rt, a[0]);
        checkPrivileges(kind, vals[vals.length - 1] as string);
        const target = vals[0];
        if (typeof target === 'string') {
          byName(rt, kind, target);
        } else if (!exists(rt, kind, target as number)) return null;
        if (kind === 'column' && vals.length === 3 && typeof vals[1] === 'string') {
          const rel = rt.session.catalog().relations.get(typeof target === 'string' ? byName(rt, kind, target) : (target as number));
          if (rel && !rel.columns.some((c) => !c.dropped && c.name === vals[1])) {
            throw new PgError(SQLSTATE.undefined_column, `column "${vals[1]}" of relation "${rel.name}" does not exist`);
          }
        }
        return true;
      }, { volatility: 's' });
    }
  }
}

define('has_table_privilege', 'table', [[OID.text], [OID.oid]]);
define('has_sequence_privilege', 'sequence', [[OID.text], [OID.oid]]);
define('has_any_column_privilege', 'any_column', [[OID.text], [OID.oid]]);
define('has_column_privilege', 'column', [[OID.text, OID.text], [OID.text, OID.int2], [OID.oid, OID.text], [OID.oid, OID.int2]]);
define('has_schema_privilege', 'schema', [[OID.text], [OID.oid]]);
define('has_database_privilege', 'database', [[OID.text], [OID.oid]]);
define('has_function_privilege', 'function', [[OID.text], [OID.oid]]);
define('has_type_privilege', 'type', [[OID.text], [OID.oid]]);
define('has_language_privilege', 'language', [[OID.text], [OID.oid]]);
define('has_tablespace_privilege', 'tablespace', [[OID.text], [OID.oid]]);
define('pg_has_role', 'role', [[OID.name], [OID.oid]]);
