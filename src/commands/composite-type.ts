/**
 * CREATE TYPE name AS (attr type [COLLATE c], ...): a composite type, kept as Postgres keeps it,
 * a relation of relkind 'c' (no storage) whose columns are the attributes, plus its pg_type row
 * (typtype 'c', typrelid) and array type.
 *
 * Postgres counterpart: DefineCompositeType in src/backend/commands/typecmds.c.
 * Known gaps: ALTER TYPE ... ADD/DROP/ALTER/RENAME ATTRIBUTE (0A000).
 */
import { tempNamespace } from './temp-tables.js';
import type { ColumnDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { creationNamespace } from '../analyze/relation.js';
import { truncateIdentifier } from './naming.js';
import { columnTypeOf } from './create-table.js';
import { checkCreateInNamespace } from './create-checks.js';

type AnyNode = Record<string, any>;

export function createCompositeType(session: Session, n: AnyNode, sql: string): StatementResult {
  const pos = (loc: number | undefined) => (loc === undefined || loc < 0 ? undefined : String([...sql.slice(0, loc)].length + 1));
  const txn = session.transaction();
  const rv = n.typevar;
  const name = truncateIdentifier(rv.relname);
  const searchPath = session.searchPath();
  const ns = creationNamespace(txn.catalog, searchPath, { schema: rv.schemaname, name }, pos(rv.location), () => tempNamespace(session, true) as number);
  checkCreateInNamespace(session, ns);
  if (txn.catalog.typeIn(ns, name)) throw new PgError(SQLSTATE.duplicate_object, `type "${name}" already exists`);
  if (txn.catalog.relationIn(ns, name)) throw new PgError(SQLSTATE.duplicate_table, `relation "${name}" already exists`);
  const cat = txn.catalogForWrite();
  const db = session.db;
  const oid = db.newOid();
  const rowType = db.newOid();
  const arrayType = db.newOid();
  const columns: ColumnDef[] = [];
  for (const el of (n.coldeflist ?? []) as AnyNode[]) {
    const cd = el.ColumnDef;
    const cname = truncateIdentifier(cd.colname);
    if (columns.some((c) => c.name === cname)) {
      throw new PgError(SQLSTATE.duplicate_column, `column "${cname}" specified more than once`);
    }
    const { type, typmod, collation } = columnTypeOf(cat, searchPath, cd, cname, pos, false);
    columns.push({ name: cname, attnum: columns.length + 1, type, typmod, notNull: false, collation });
  }
  const owner = session.currentUser();
  cat.putRelation({ oid, name, namespace: ns, kind: 'c', persistence: 'p', owner, columns, filenode: 0, rowType });
  cat.putType({ oid: rowType, name, namespace: ns, kind: 'c', owner, arrayType, relation: oid });
  cat.putType({ oid: arrayType, name: '_' + name, namespace: ns, kind: 'b', owner, elementType: rowType });
  return commandResult('CREATE TYPE');
}
