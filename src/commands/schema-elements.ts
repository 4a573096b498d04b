/**
 * CREATE SCHEMA name <elements>: the tables, views, indexes, sequences, triggers and grants that
 * follow are created in the new schema, which is put in front of the search path while they run.
 * As in Postgres, the elements run grouped by kind (sequences, tables, views, indexes, triggers,
 * grants; written order within a kind), so an index or view may name a table written after it.
 * Postgres counterpart: src/backend/commands/schemacmds.c (CreateSchemaCommand),
 * src/backend/parser/parse_utilcmd.c (transformCreateSchemaStmtElements, setSchemaName).
 * Known gaps: current_setting('search_path') inside an element still shows the session's value.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';

type AnyNode = Record<string, any>;

/** The RangeVar an element creates (or is on), whose schema must be the new one. */
function elementRelation(kind: string, n: AnyNode): AnyNode | undefined {
  switch (kind) {
    case 'CreateStmt':
      return n.relation;
    case 'ViewStmt':
      return n.view;
    case 'CreateSeqStmt':
      return n.sequence;
    case 'IndexStmt':
    case 'CreateTrigStmt':
      return n.relation;
    default:
      return undefined;
  }
}

/** transformCreateSchemaStmtElements's execution order of element kinds. */
const KIND_ORDER: Record<string, number> = { CreateSeqStmt: 0, CreateStmt: 1, ViewStmt: 2, IndexStmt: 3, CreateTrigStmt: 4, GrantStmt: 5 };

/** Runs each element through `run` (the utility dispatcher) with the schema set on it. */
export function runSchemaElements(session: Session, schema: string, elements: readonly AnyNode[], run: (s: Session, kind: string, n: AnyNode) => void): void {
  const path = [schema, ...session.searchPath().filter((s) => s !== schema)];
  const key = `schema-elements:${path.join(',')}`;
  const sub = Object.assign(Object.create(session) as Session, { searchPath: () => path, searchPathKey: () => key });
  const order = (el: AnyNode): number => KIND_ORDER[Object.keys(el)[0]] ?? 6;
  // (a stable sort: written order within a kind)
  for (const el of [...elements].sort((a, b) => order(a) - order(b))) {
    const kind = Object.keys(el)[0];
    const n = el[kind] as AnyNode;
    const rv = elementRelation(kind, n);
    let node = n;
    if (rv) {
      if (rv.schemaname && rv.schemaname !== schema) {
        throw new PgError(SQLSTATE.invalid_schema_definition, `CREATE specifies a schema (${rv.schemaname}) different from the one being created (${schema})`);
      }
      const key = kind === 'ViewStmt' ? 'view' : kind === 'CreateSeqStmt' ? 'sequence' : 'relation';
      node = { ...n, [key]: { ...rv, schemaname: schema } };
    }
    run(sub, kind, node);
  }
}
