/**
 * TRUNCATE: gives each table (and its indexes) new, empty storage inside the transaction, so a
 * rollback brings the old rows back; RESTART IDENTITY resets owned sequences; CASCADE follows
 * foreign keys, RESTRICT refuses with Postgres's 0A000.
 * Postgres counterpart: src/backend/commands/tablecmds.c (ExecuteTruncate).
 */
import { checkRelation } from '../catalog/acl.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { openRelation } from '../analyze/relation.js';
import { partitionDescendants } from '../catalog/partition.js';
import { inheritDescendants } from '../catalog/inheritance.js';

type AnyNode = Record<string, any>;

export function truncateTables(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const cat0 = txn.catalog;
  const rels: RelationDef[] = [];
  for (const r of n.relations as AnyNode[]) {
    const rv = r.RangeVar;
    const rel = openRelation(cat0, session.searchPath(), { schema: rv.schemaname, name: rv.relname });
    if (rel.kind !== 'r' && rel.kind !== 'p') throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not a table`);
    if (rel.kind === 'p' && !rv.inh) {
      throw new PgError(SQLSTATE.wrong_object_type, 'cannot truncate only a partitioned table', { hint: 'Do not specify the ONLY keyword, or use TRUNCATE ONLY on the partitions directly.' });
    }
    checkRelation(cat0, session.currentUser(), rel, 'D');
    // A partitioned table: its partitions (rows live there).
    // An inheritance parent (without ONLY): its descendants too.
    const below = rel.kind === 'p' ? partitionDescendants(cat0, rel) : rv.inh && rel.inhChildren?.length ? inheritDescendants(cat0, rel) : [];
    for (const x of [rel, ...below]) if (!rels.some((y) => y.oid === x.oid)) rels.push(x);
  }
  const cascade = n.behavior === 'DROP_CASCADE';
  // Tables referencing the truncated ones must be truncated too.
  for (let i = 0; i < rels.length; i++) {
    for (const fk of cat0.referencingForeignKeys(rels[i].oid)) {
      if (rels.some((x) => x.oid === fk.relation)) continue;
      const child = cat0.relation(fk.relation);
      if (!cascade) {
        throw new PgError(SQLSTATE.feature_not_supported, 'cannot truncate a table referenced in a foreign key constraint', {
          detail: `Table "${child.name}" references "${rels[i].name}".`,
          hint: `Truncate table "${child.name}" at the same time, or use TRUNCATE ... CASCADE.`,
        });
      }
      session.notice(new PgError(SQLSTATE.successful_completion, `truncate cascades to table "${child.name}"`, { severity: 'NOTICE' }));
      rels.push(child);
    }
  }
  const cat = txn.catalogForWrite();
  for (const r of rels) {
    const fresh = session.db.newOid();
    txn.droppedFilenodes.add(r.filenode);
    txn.createdFilenodes.add(fresh);
    cat.putRelation({ ...cat.relation(r.oid), filenode: fresh });
    for (const idx of cat.relationIndexes(r.oid)) {
      const f2 = session.db.newOid();
      txn.droppedFilenodes.add(idx.filenode);
      txn.createdFilenodes.add(f2);
      cat.putRelation({ ...idx, filenode: f2 });
    }
    if (n.restart_seqs) {
      for (const s of cat.relations.values()) {
        if (s.kind === 'S' && s.sequence?.ownedBy?.relation === r.oid) session.db.sequences.delete(s.filenode);
      }
    }
  }
  return commandResult('TRUNCATE TABLE');
}
