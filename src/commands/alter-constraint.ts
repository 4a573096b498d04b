/**
 * ALTER TABLE ... ALTER CONSTRAINT name [NOT] DEFERRABLE / INITIALLY {DEFERRED | IMMEDIATE} /
 * [NOT] ENFORCED (foreign keys) / [NO] INHERIT (not-null constraints); VALIDATE CONSTRAINT on a
 * partitioned table; the "pending trigger events" check ALTER TABLE makes first.
 * A foreign key of a partitioned table lives on the partitioned table alone here (Postgres clones
 * it into each partition): altering it there alters it for every partition.
 * Postgres counterpart: src/backend/commands/tablecmds.c (ATExecAlterConstraint,
 * ATExecAlterConstrEnforceability, ATExecAlterConstrDeferrability,
 * ATExecAlterConstrInheritability, AlterConstrUpdateConstraintEntry, CheckTableNotInUse).
 * Known gaps: [NO] INHERIT of a not-null constraint whose table has inheritance children or
 * partitions is 0A000.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ConstraintDef, RelationDef } from '../catalog/objects.js';
import { partitionDescendants } from '../catalog/partition.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { derivedKeyOf, mergedKeysOf, topmostKey } from './partition-fk.js';

type AnyNode = Record<string, any>;

/**
 * ALTER CONSTRAINT: `def` is the parser's ATAlterConstraint; `only` is ALTER TABLE ONLY.
 * `validateForeignKey` checks the existing rows when a key becomes ENFORCED.
 */
export function alterConstraint(
  session: Session,
  cat: Catalog,
  rel: RelationDef,
  def: AnyNode,
  only: boolean,
  validateForeignKey: (rel: RelationDef, fk: ConstraintDef) => void,
): void {
  if (rel.kind === 'p' && only) {
    throw new PgError(SQLSTATE.invalid_table_definition, 'constraint must be altered in child tables too', { hint: 'Do not specify the ONLY keyword.' });
  }
  const name = def.conname as string;
  const con = cat.relationConstraints(rel.oid).find((k) => k.name === name);
  const derived = rel.partitionOf ? derivedKeyOf(cat, rel, name) : undefined;
  if (derived && !def.alterInheritability) {
    const top = topmostKey(cat, derived.key);
    throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `cannot alter constraint "${name}" on relation "${rel.name}"`, {
      detail: `Constraint "${name}" is derived from constraint "${top.name}" of relation "${cat.relation(top.relation).name}".`,
      hint: 'You may alter the constraint it derives from instead.',
    });
  }
  if (!con) throw new PgError(SQLSTATE.undefined_object, `constraint "${name}" of relation "${rel.name}" does not exist`);
  if (def.alterDeferrability && con.kind !== 'f') {
    throw new PgError(SQLSTATE.wrong_object_type, `constraint "${name}" of relation "${rel.name}" is not a foreign key constraint`);
  }
  if (def.alterEnforceability && con.kind !== 'f') {
    throw new PgError(SQLSTATE.wrong_object_type, `cannot alter enforceability of constraint "${name}" of relation "${rel.name}"`);
  }
  if (def.alterInheritability && con.kind !== 'n') {
    throw new PgError(SQLSTATE.wrong_object_type, `constraint "${name}" of relation "${rel.name}" is not a not-null constraint`);
  }
  if (def.alterInheritability && def.noinherit && (con.inhCount ?? 0) > 0) {
    throw new PgError(SQLSTATE.object_not_in_prerequisite_state, `cannot alter inherited constraint "${name}" on relation "${rel.name}"`);
  }
  let next: ConstraintDef = con;
  let validate = false;
  if (def.alterEnforceability) {
    const enforced = !!def.is_enforced;
    if (enforced === !!con.notEnforced) {
      // (convalidated follows: a key made ENFORCED is checked now and then valid)
      const { notEnforced: _n, ...rest } = next;
      void _n;
      next = { ...rest, validated: enforced, ...(enforced ? {} : { notEnforced: true }) };
      validate = enforced;
    }
  }
  if (def.alterDeferrability) next = { ...next, deferrable: !!def.deferrable, deferred: !!def.initdeferred };
  if (def.alterInheritability && !!def.noinherit !== !!con.noInherit) {
    if (rel.inhChildren?.length || rel.partitions?.length) throw featureNotSupported('ALTER CONSTRAINT ... [NO] INHERIT on a table with children');
    next = { ...next, noInherit: !!def.noinherit };
  }
  if (next === con) return;
  cat.putConstraint(next);
  // Partitions' keys merged into it follow it.
  for (const k of mergedKeysOf(cat, con)) {
    cat.putConstraint({ ...k, deferrable: next.deferrable, deferred: next.deferred, validated: next.validated, notEnforced: next.notEnforced });
  }
  if (validate) validateForeignKey(cat.relation(rel.oid), next);
}

/**
 * CheckTableNotInUse's pending-events test: ALTER TABLE refuses a table (or one of its
 * partitions, for subcommands that recurse to them) that has deferred constraint checks queued
 * in this transaction.
 */
export function checkNoPendingEvents(session: Session, cat: Catalog, rel: RelationDef, partitions = false): void {
  const events = session.transaction().deferredEvents;
  if (!events.length) return;
  const rels = partitions && rel.kind === 'p' ? [rel, ...partitionDescendants(cat, rel)] : [rel];
  for (const r of rels) {
    if (events.some((e) => e.table.oid === r.oid)) {
      throw new PgError(SQLSTATE.object_in_use, `cannot ALTER TABLE "${r.name}" because it has pending trigger events`);
    }
  }
}
