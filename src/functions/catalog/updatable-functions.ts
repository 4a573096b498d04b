/**
 * pg_relation_is_updatable, pg_column_is_updatable (what information_schema and postgres-meta ask
 * of views), pg_available_extensions() and the table statistics accessors pg_stat_get_live_tuples / pg_stat_get_dead_tuples.
 * Postgres counterpart: src/backend/utils/adt/misc.c (pg_relation_is_updatable), pgstatfuncs.c.
 * Known gaps: INSTEAD OF triggers and rules do not make a view updatable here; the statistics
 * accessors count visible rows (live) and report no dead rows.
 */
import { fn } from '../registry.js';
import { OID } from '../../types/oids.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import type { ExecContext } from '../../executor/context.js';
import type { RelationDef } from '../../catalog/objects.js';
import { viewUpdatableEvents } from '../../rewrite/updatable-view.js';
import type { Session } from '../../session/session.js';
import { AVAILABLE } from '../../catalog/system/pg-extension.js';
import { PgRecord } from '../../types/values.js';

const S = { volatility: 's' as const };
const V = { volatility: 'v' as const };
// 1 << CMD_UPDATE | 1 << CMD_INSERT | 1 << CMD_DELETE
const ALL_EVENTS = (1 << 2) | (1 << 3) | (1 << 4);

function relation(rt: ExprRuntime, oid: unknown): RelationDef | undefined {
  return rt.session.catalog().relations.get(oid as number);
}

function updatableEvents(rt: ExprRuntime, rel: RelationDef | undefined): number {
  if (!rel) return 0;
  if (rel.kind === 'r' || rel.kind === 'p') return ALL_EVENTS;
  if (rel.kind === 'v') return viewUpdatableEvents(rt.session as unknown as Session, rel).events;
  return 0;
}

fn('pg_relation_is_updatable', [OID.regclass, OID.bool], OID.int4, (a, rt) => updatableEvents(rt, relation(rt, a[0])), S);
fn('pg_column_is_updatable', [OID.regclass, OID.int2, OID.bool], OID.bool, (a, rt) => {
  const rel = relation(rt, a[0]);
  // A view column is updatable when it is a plain column of the relation under the view (and updatable there).
  if (rel?.kind === 'v') return viewUpdatableEvents(rt.session as unknown as Session, rel).columns.has(rel.columns[(a[1] as number) - 1]?.name ?? '');
  return (updatableEvents(rt, rel) & (1 << 2)) !== 0;
}, S);

function liveTuples(a: unknown[], rt: ExprRuntime): bigint {
  const rel = relation(rt, a[0]);
  const txn = (rt as Partial<ExecContext>).txn;
  if (!rel || !txn || (rel.kind !== 'r' && rel.kind !== 'm')) return 0n;
  let n = 0n;
  for (const t of txn.heap(rel).all()) if (txn.visible(t)) n++;
  return n;
}

fn('pg_stat_get_live_tuples', [OID.oid], OID.int8, liveTuples, V);
fn('pg_stat_get_dead_tuples', [OID.oid], OID.int8, () => 0n, V);

// pg_available_extensions(): the extensions fauxgres can create (the pg_available_extensions view reads it in Postgres).
fn('pg_available_extensions', [], OID.record, () => AVAILABLE.map(([name, version, comment]) => new PgRecord([name, version, comment], ['name', 'default_version', 'comment'], [OID.name, OID.text, OID.text])), {
  retset: true,
  volatility: 's',
  outColumns: [{ name: 'name', type: OID.name }, { name: 'default_version', type: OID.text }, { name: 'comment', type: OID.text }],
});
