/**
 * INSERT ... ON CONFLICT: arbiter inference from a column list or constraint name, DO NOTHING,
 * and DO UPDATE with EXCLUDED and an optional WHERE.
 * Postgres counterpart: parser/parse_clause.c (transformOnConflictArbiter), executor/nodeModifyTable.c (ExecOnConflictUpdate).
 */
import type { RelationDef } from '../catalog/objects.js';
import { featureNotSupported } from '../errors/pg-error.js';
import type { StatementState } from '../analyze/parse-state.js';
import type { Value } from '../types/values.js';
import type { Tuple } from '../storage/heap.js';
import type { ModifyState } from '../executor/modify-table.js';
import type { Session } from '../session/session.js';

type AnyNode = Record<string, any>;

export interface OnConflictPlan {
  handle(ms: ModifyState, values: Value[]): { action: 'insert' | 'skip' | 'updated'; values?: Value[]; tuple?: Tuple };
}

export function onConflictPlan(session: Session, state: StatementState, rel: RelationDef, clause: AnyNode, alias: AnyNode | undefined, sql: string): OnConflictPlan {
  void session;
  void state;
  void rel;
  void clause;
  void alias;
  void sql;
  throw featureNotSupported('INSERT ... ON CONFLICT');
}
