/**
 * TRUNCATE: gives each table (and its indexes) new, empty storage inside the transaction, so a
 * rollback brings the old rows back; RESTART IDENTITY resets owned sequences; CASCADE follows
 * foreign keys (with the partitions of partitioned tables on either side, as Postgres's cloned
 * keys do), RESTRICT refuses with Postgres's 0A000.
 * Postgres counterpart: src/backend/commands/tablecmds.c (ExecuteTruncate).
 */
import { checkRelation } from '../catalog/acl.js';
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { rewriteSequence } from './sequence.js';
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
  if (cascade) {
    // Round by round, the tables referencing those listed so far, in OID order.
    for (let more = truncateReferencers(cat0, rels.map((r) => r.oid)); more.length; more = truncateReferencers(cat0, rels.map((r) => r.oid))) {
      for (const oid of more) {
        const child = cat0.relation(oid);
        session.notice(new PgError(SQLSTATE.successful_completion, `truncate cascades to table "${child.name}"`, { severity: 'NOTICE' }));
        checkRelation(cat0, session.currentUser(), child, 'D');
        rels.push(child);
      }
    }
  } else if (truncateReferencers(cat0, rels.map((r) => r.oid)).length) {
    // (the first table, in the order listed, with a referencer outside the list: named in the error)
    const listed = new Set(rels.map((r) => r.oid));
    for (const r of rels) {
      const other = truncateReferencers(cat0, [r.oid]).find((o) => !listed.has(o));
      if (other === undefined) continue;
      const child = cat0.relation(other);
      throw new PgError(SQLSTATE.feature_not_supported, 'cannot truncate a table referenced in a foreign key constraint', {
        detail: `Table "${child.name}" references "${r.name}".`,
        hint: `Truncate table "${child.name}" at the same time, or use TRUNCATE ... CASCADE.`,
      });
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
      // (new storage for each owned sequence: a rollback brings the old value back)
      for (const s of [...cat.relations.values()]) {
        if (s.kind === 'S' && s.sequence?.ownedBy?.relation === r.oid) rewriteSequence(session, cat, s, undefined);
      }
    }
  }
  return commandResult('TRUNCATE TABLE');
}

/**
 * The tables whose foreign keys reference one of `oids` and that are not among them, in OID order
 * (heap_truncate_find_FKs). Postgres keeps a key's clones in pg_constraint: a key referencing a
 * partitioned table is also one on each of its partitions, and a partitioned table's key is also
 * one of each of its partitions, so a partition of the referenced table brings the referencing
 * table and all its partitions.
 */
function truncateReferencers(cat: Catalog, oids: readonly number[]): number[] {
  const set = new Set(oids);
  const out = new Set<number>();
  for (const c of cat.constraints.values()) {
    if (c.kind !== 'f' || !c.fk) continue;
    const ref = cat.relations.get(c.fk.refRelation);
    if (!ref) continue;
    const hit = set.has(ref.oid) || (ref.kind === 'p' && partitionDescendants(cat, ref).some((d) => set.has(d.oid)));
    if (!hit) continue;
    const owner = cat.relations.get(c.relation);
    if (!owner) continue;
    for (const t of [owner, ...(owner.kind === 'p' ? partitionDescendants(cat, owner) : [])]) if (!set.has(t.oid)) out.add(t.oid);
  }
  return [...out].sort((a, b) => a - b);
}
