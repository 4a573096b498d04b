/**
 * Firing triggers from INSERT / UPDATE / DELETE / TRUNCATE, referential actions and ON CONFLICT:
 * BEFORE ROW triggers (in name order; each may replace or skip the row), AFTER ROW triggers queued
 * until the end of the statement (they see the final rows, after the statement's foreign-key
 * checks), statement-level triggers (even when no row changed), WHEN conditions over OLD / NEW,
 * UPDATE OF column lists, transition tables (REFERENCING OLD / NEW TABLE), and deferred
 * constraint triggers (fired when the transaction commits, or at SET CONSTRAINTS ... IMMEDIATE;
 * at the end of the statement for an autocommit statement; as the role that queued the event).
 * AFTER ROW WHEN conditions are evaluated as the row is queued. session_replication_role =
 * replica fires only ENABLE REPLICA / ALWAYS triggers.
 *
 * Referential actions' queries on one table share one BEFORE / AFTER STATEMENT firing and their
 * transition tables within a statement.
 *
 * Known gaps: data-modifying WITH queries on one table get separate transition tables and
 * statement triggers (Postgres shares them); cascades of cascades on one table (self-referencing
 * keys) share the statement's transition tables (Postgres separates them by query level); no
 * 27000 "tuple ... already modified by an operation triggered by the current command" check for
 * BEFORE triggers; the internal foreign-key triggers are not listed in pg_trigger.
 *
 * The trigger function itself runs through the language handler installed with
 * setTriggerRunner (PL/pgSQL).
 *
 * Postgres counterpart: src/backend/commands/trigger.c (ExecBRInsertTriggers,
 * ExecARInsertTriggers, AfterTriggerSaveEvent, AfterTriggerEndQuery, ...).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { FunctionDef, RelationDef, TriggerDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import type { MaterializedCte } from '../session/session-context.js';
import { PgRecord, type Value } from '../types/values.js';
import { compileExpr, type CExpr } from './expr/compile.js';
import type { ExecContext } from './context.js';
import type { ModifyState } from './modify-table.js';
import { partitionMap } from '../catalog/inheritance.js';
import { toParentLayout } from './inherit-scan.js';

export type TriggerOp = 'INSERT' | 'UPDATE' | 'DELETE' | 'TRUNCATE';

/** What a trigger function receives (Postgres's TriggerData). */
export interface TriggerCall {
  readonly trigger: TriggerDef;
  readonly rel: RelationDef;
  readonly when: 'BEFORE' | 'AFTER' | 'INSTEAD OF';
  readonly level: 'ROW' | 'STATEMENT';
  readonly op: TriggerOp;
  readonly oldRow?: PgRecord;
  readonly newRow?: PgRecord;
  /** Transition tables visible to the function's queries, by name. */
  readonly transition?: ReadonlyMap<string, MaterializedCte>;
}

/** Runs a trigger function; returns its result (a row or NULL; ignored for AFTER and statement triggers). */
export type TriggerRunner = (session: Session, fn: FunctionDef, call: TriggerCall) => Value;

/** Trigger functions written in C by extensions (moddatetime), by their pg_proc.prosrc. */
const NATIVE_TRIGGERS = new Map<string, (session: Session, call: TriggerCall) => Value>();
export function registerNativeTrigger(symbol: string, run: (session: Session, call: TriggerCall) => Value): void {
  NATIVE_TRIGGERS.set(symbol, run);
}

let runner: TriggerRunner | undefined;
export function setTriggerRunner(r: TriggerRunner): void {
  // pg_trigger_depth(): the nesting depth of trigger calls in the session (ExecCallTriggerFunc's MyTriggerDepth).
  runner = (session, fn, call) => {
    session.triggerDepth++;
    try {
      if ((fn.language as string) === 'c') {
        const native = NATIVE_TRIGGERS.get(fn.body);
        if (!native) throw new PgError(SQLSTATE.undefined_function, `could not find function "${fn.body}"`);
        return native(session, call);
      }
      return r(session, fn, call);
    } finally {
      session.triggerDepth--;
    }
  };
}

/** The installed trigger runner. */
export function triggerRunner(): TriggerRunner {
  if (!runner) throw new Error('fauxgres internal: no trigger runner');
  return runner;
}

interface RelTriggers {
  readonly all: readonly TriggerDef[];
  /** By timing, level and operation (see slot()) → the enabled triggers that fire, in name order. */
  readonly bySlot: (TriggerDef[] | undefined)[];
  /** By operation (OP_SLOT): whether a trigger with a transition table fires for it (see needsTransition). */
  readonly transition: (boolean | undefined)[];
}

const cache = new WeakMap<Catalog, Map<number, RelTriggers>>();

function relTriggers(cat: Catalog, rel: number): RelTriggers {
  let m = cache.get(cat);
  if (!m) {
    m = new Map();
    cache.set(cat, m);
  }
  let t = m.get(rel);
  if (!t) {
    t = { all: cat.triggersByRelation.has(rel) ? cat.relationTriggers(rel) : [], bySlot: [], transition: [] };
    m.set(rel, t);
  }
  return t;
}

function fires(t: TriggerDef, op: TriggerOp, replica = false): boolean {
  // session_replication_role = replica fires only ENABLE REPLICA / ALWAYS triggers; origin and local the others.
  if (t.enabled === 'D' || t.enabled === (replica ? 'O' : 'R')) return false;
  switch (op) {
    case 'INSERT': return t.events.insert;
    case 'UPDATE': return t.events.update;
    case 'DELETE': return t.events.delete;
    case 'TRUNCATE': return t.events.truncate;
  }
}

/** Whether the session's triggers fire as on a replica (SET session_replication_role = replica). */
export function replicaRole(session: { readonly settings: { valueOf(canonicalName: string): string | undefined } }): boolean {
  // (called per row: the canonical name skips getSetting's normalization)
  return session.settings.valueOf('session_replication_role') === 'replica';
}

/**
 * Enabled triggers of a relation for an event, timing and level, in firing (name) order.
 * @param replica whether session_replication_role is replica (see replicaRole)
 */
export function triggersFor(cat: Catalog, rel: number, timing: TriggerDef['timing'], level: TriggerDef['level'], op: TriggerOp, replica = false): TriggerDef[] {
  const rt = relTriggers(cat, rel);
  if (!rt.all.length) return EMPTY;
  const k = slot(timing, level, op) + (replica ? 24 : 0);
  let list = rt.bySlot[k];
  if (!list) {
    list = rt.all.filter((t) => t.timing === timing && t.level === level && fires(t, op, replica));
    rt.bySlot[k] = list;
  }
  return list;
}

const TIMING_SLOT = { before: 0, after: 1, instead: 2 } as const;
const OP_SLOT = { INSERT: 0, UPDATE: 1, DELETE: 2, TRUNCATE: 3 } as const;
function slot(timing: TriggerDef['timing'], level: TriggerDef['level'], op: TriggerOp): number {
  return TIMING_SLOT[timing] * 8 + (level === 'row' ? 0 : 4) + OP_SLOT[op];
}

const EMPTY: TriggerDef[] = [];

/** Whether a relation has any trigger at all (the fast path skips everything else). */
export function hasTriggers(cat: Catalog, rel: number): boolean {
  return relTriggers(cat, rel).all.length > 0;
}

interface RowShape {
  readonly names: string[];
  readonly types: number[];
  readonly attnums: number[];
  readonly generated: number[];
}
const shapes = new WeakMap<RelationDef, RowShape>();

/** Live columns of a relation version (names, types, attnums, generated ones). */
function shapeOf(rel: RelationDef): RowShape {
  let sh = shapes.get(rel);
  if (!sh) {
    const live = rel.columns.filter((c) => !c.dropped);
    sh = { names: live.map((c) => c.name), types: live.map((c) => c.type), attnums: live.map((c) => c.attnum), generated: live.filter((c) => c.generated).map((c) => c.attnum) };
    shapes.set(rel, sh);
  }
  return sh;
}

/** A table row (values by attnum, dropped columns included) as the record NEW / OLD hold. */
export function rowRecord(rel: RelationDef, values: readonly Value[]): PgRecord {
  const sh = shapeOf(rel);
  const fields: Value[] = new Array(sh.attnums.length);
  for (let i = 0; i < sh.attnums.length; i++) {
    const a = sh.attnums[i];
    const v = values[a - 1];
    fields[i] = v === undefined ? (rel.columns[a - 1].missing ?? null) : v;
  }
  return new PgRecord(fields, sh.names, sh.types);
}

/** A record returned by a trigger back into table values (by position over live columns). */
export function recordRow(rel: RelationDef, r: PgRecord): Value[] {
  const out: Value[] = new Array(rel.columns.length).fill(null);
  let i = 0;
  for (const c of rel.columns) {
    if (c.dropped) continue;
    out[c.attnum - 1] = r.fields[i++] ?? null;
  }
  return out;
}

const whenCache = new WeakMap<object, CExpr>();

/** Evaluates a trigger's WHEN condition over OLD and NEW (NULL rows where absent). */
function whenPasses(t: TriggerDef, rel: RelationDef, ctx: ExecContext, oldVals: readonly Value[] | undefined, newVals: readonly Value[] | undefined): boolean {
  if (!t.when) return true;
  let f = whenCache.get(t.when);
  const n = rel.columns.length;
  if (!f) {
    f = compileExpr(t.when.expr, { depth: 0, offsets: [0, n] });
    whenCache.set(t.when, f);
  }
  const row: Value[] = new Array(2 * n).fill(null);
  for (let i = 0; i < n; i++) {
    if (oldVals) row[i] = oldVals[i] ?? null;
    if (newVals) row[n + i] = newVals[i] ?? null;
  }
  return f(row, ctx) === true;
}

function callTrigger(session: Session, cat: Catalog, call: TriggerCall): Value {
  const fn = cat.functions.get(call.trigger.function);
  if (!fn) throw new PgError(SQLSTATE.undefined_function, `function with OID ${call.trigger.function} does not exist`);
  if (!runner) throw new Error('fauxgres internal: no trigger runner');
  return runner(session, fn, call);
}

function updateOfMatches(t: TriggerDef, updated: ReadonlySet<number> | undefined): boolean {
  if (!t.updateColumns.length || !updated) return true;
  return t.updateColumns.some((a) => updated.has(a));
}

/**
 * Runs BEFORE ROW (or INSTEAD OF) triggers. Returns the row to write (possibly changed by the
 * triggers), or undefined when one of them returned NULL (the row is skipped).
 */
export function fireBeforeRow(
  session: Session,
  ctx: ExecContext,
  rel: RelationDef,
  op: TriggerOp,
  oldVals: readonly Value[] | undefined,
  newVals: Value[] | undefined,
  updated?: ReadonlySet<number>,
  timing: 'before' | 'instead' = 'before',
): Value[] | undefined {
  const cat = session.catalog();
  const trigs = triggersFor(cat, rel.oid, timing, 'row', op, replicaRole(session));
  if (!trigs.length) return newVals ?? (oldVals as Value[]);
  let cur = newVals;
  const gen = shapeOf(rel).generated;
  if (cur && gen.length) {
    // Generated columns are computed after BEFORE triggers: NEW shows them as NULL.
    cur = cur.slice();
    for (const a of gen) cur[a - 1] = null;
  }
  const oldRec = oldVals ? rowRecord(rel, oldVals) : undefined;
  for (const t of trigs) {
    if (op === 'UPDATE' && !updateOfMatches(t, updated)) continue;
    if (!whenPasses(t, rel, ctx, oldVals, cur)) continue;
    const r = callTrigger(session, cat, {
      trigger: t, rel, when: timing === 'instead' ? 'INSTEAD OF' : 'BEFORE', level: 'ROW', op, oldRow: oldRec, newRow: cur ? rowRecord(rel, cur) : undefined,
    });
    if (r === null) return undefined;
    if (!(r instanceof PgRecord)) {
      throw new PgError(SQLSTATE.datatype_mismatch, 'returned row structure does not match the structure of the triggering table');
    }
    if (op !== 'DELETE' || timing === 'instead') cur = recordRow(rel, r);
  }
  return cur ?? (oldVals as Value[]);
}

/** fireBeforeRow for a statement's ModifyState. */
export function beforeRowTriggers(ms: ModifyState, rel: RelationDef, op: TriggerOp, oldVals: readonly Value[] | undefined, newVals: Value[] | undefined, updated?: ReadonlySet<number>): Value[] | undefined {
  return fireBeforeRow(ms.ctx.session as Session, ms.ctx, rel, op, oldVals, newVals, updated);
}

/**
 * An AFTER event waiting for the end of its statement: a changed row, or (for the queries
 * referential actions run, whose AFTER triggers Postgres queues into the outer statement) the
 * end of such a query.
 */
interface AfterEvent {
  readonly rel: RelationDef;
  readonly op: TriggerOp;
  readonly oldVals?: readonly Value[];
  readonly newVals?: readonly Value[];
  readonly updated?: ReadonlySet<number>;
  readonly statement?: boolean;
  /** The AFTER ROW triggers whose UPDATE OF list and WHEN condition passed when the row was queued. */
  readonly triggers?: readonly TriggerDef[];
}

/** Per statement: queued AFTER ROW events and transition-table rows. */
interface StatementTriggers {
  readonly events: AfterEvent[];
  /** `${rel}:${op}` → rows for OLD TABLE / NEW TABLE. */
  readonly transition: Map<string, { old: Value[][]; new: Value[][] }>;
}

const perStatement = new WeakMap<ModifyState, StatementTriggers>();

function stateOf(ms: ModifyState): StatementTriggers {
  let s = perStatement.get(ms);
  if (!s) {
    s = { events: [], transition: new Map() };
    perStatement.set(ms, s);
  }
  return s;
}

function needsTransition(cat: Catalog, rel: number, op: TriggerOp): boolean {
  const rt = relTriggers(cat, rel);
  const k = OP_SLOT[op];
  let v = rt.transition[k];
  if (v === undefined) {
    v = rt.all.some((t) => (t.oldTable || t.newTable) && t.enabled !== 'D' && fires(t, op, t.enabled === 'R'));
    rt.transition[k] = v;
  }
  return v;
}

/** Records a changed row for AFTER ROW triggers and transition tables. */
export function queueAfterRow(ms: ModifyState, rel: RelationDef, op: TriggerOp, oldVals: readonly Value[] | undefined, newVals: readonly Value[] | undefined, updated?: ReadonlySet<number>): void {
  if (!hasTriggers(ms.cat, rel.oid)) return;
  const trigs = triggersFor(ms.cat, rel.oid, 'after', 'row', op, replicaRole(ms.ctx.session as Session));
  if (trigs.length) {
    // Postgres decides which AFTER ROW triggers an event gets (UPDATE OF, WHEN) as it queues it.
    let pass: TriggerDef[] | undefined;
    for (let i = 0; i < trigs.length; i++) {
      const t = trigs[i];
      const ok = (op !== 'UPDATE' || updateOfMatches(t, updated)) && whenPasses(t, rel, ms.ctx, oldVals, newVals);
      if (ok && pass) pass.push(t);
      else if (!ok && !pass) pass = trigs.slice(0, i);
    }
    const triggers = pass ?? trigs;
    if (triggers.length) stateOf(ms).events.push({ rel, op, oldVals: oldVals && [...oldVals], newVals: newVals && [...newVals], updated, triggers });
  }
  if (needsTransition(ms.cat, rel.oid, op)) captureTransition(ms, rel, op, oldVals, newVals);
}

function captureTransition(ms: ModifyState, rel: RelationDef, op: TriggerOp, oldVals: readonly Value[] | undefined, newVals: readonly Value[] | undefined): void {
  const st = stateOf(ms);
  const key = `${rel.oid}:${op}`;
  let tr = st.transition.get(key);
  if (!tr) {
    tr = { old: [], new: [] };
    st.transition.set(key, tr);
  }
  if (oldVals) tr.old.push([...oldVals]);
  if (newVals) tr.new.push([...newVals]);
}

/**
 * A row a statement through a partitioned table wrote into partition `leaf`: it also belongs to
 * the transition tables of the partitioned tables above (the statement's target among them).
 * Rows are converted to each table's layout (a partition may have its columns in another order).
 * For a row an UPDATE moves to another partition, call it for the old row (source) and the new
 * row (destination).
 */
export function captureRouted(ms: ModifyState, leaf: RelationDef, op: TriggerOp, oldVals: readonly Value[] | undefined, newVals: readonly Value[] | undefined, inherited?: { readonly rel: RelationDef; readonly map: Int32Array }): void {
  if (!leaf.partitionOf && inherited) {
    // An inheritance child's row, changed through the parent: the parent's transition tables, in its layout.
    if (needsTransition(ms.cat, inherited.rel.oid, op)) {
      const m = inherited.map;
      captureTransition(ms, inherited.rel, op, oldVals && toParentLayout(m, leaf, oldVals), newVals && toParentLayout(m, leaf, newVals));
    }
    return;
  }
  for (let p = leaf.partitionOf && ms.cat.relations.get(leaf.partitionOf.parent); p; p = p.partitionOf && ms.cat.relations.get(p.partitionOf.parent)) {
    if (!needsTransition(ms.cat, p.oid, op)) continue;
    const m = partitionMap(p, leaf);
    captureTransition(ms, p, op, m && oldVals ? toParentLayout(m, leaf, oldVals) : oldVals, m && newVals ? toParentLayout(m, leaf, newVals) : newVals);
  }
}

function transitionTables(ms: ModifyState, t: TriggerDef, rel: RelationDef, op: TriggerOp): Map<string, MaterializedCte> | undefined {
  if (!t.oldTable && !t.newTable) return undefined;
  const tr = stateOf(ms).transition.get(`${rel.oid}:${op}`) ?? { old: [], new: [] };
  const live = rel.columns.filter((c) => !c.dropped);
  const columns = live.map((c) => ({ name: c.name, type: c.type, typmod: c.typmod }));
  const project = (rows: Value[][]) => rows.map((r) => live.map((c) => r[c.attnum - 1] ?? null));
  const m = new Map<string, MaterializedCte>();
  if (t.oldTable && op !== 'INSERT') m.set(t.oldTable, { columns, rows: project(tr.old) });
  if (t.newTable && op !== 'DELETE') m.set(t.newTable, { columns, rows: project(tr.new) });
  return m;
}

/** Whether a statement has queued AFTER events (its own, or those of referential actions). */
export function hasQueuedEvents(ms: ModifyState): boolean {
  return perStatement.has(ms);
}

const riStatements = new WeakMap<ModifyState, Set<string>>();

/**
 * Whether the queries referential actions run on `rel` for `op` start here: the statement's
 * actions on one table share one BEFORE and one AFTER STATEMENT firing (and transition tables),
 * as Postgres's cascaded queries at one query level do.
 */
export function firstReferentialStatement(ms: ModifyState, rel: RelationDef, op: TriggerOp): boolean {
  let s = riStatements.get(ms);
  if (!s) {
    s = new Set();
    riStatements.set(ms, s);
  }
  const key = `${rel.oid}:${op}`;
  if (s.has(key)) return false;
  s.add(key);
  return true;
}

/** Queues the AFTER STATEMENT triggers of a query run by a referential action. */
export function queueAfterStatement(ms: ModifyState, rel: RelationDef, op: TriggerOp): void {
  if (!triggersFor(ms.cat, rel.oid, 'after', 'statement', op, replicaRole(ms.ctx.session as Session)).length) return;
  stateOf(ms).events.push({ rel, op, statement: true });
}

/** A statement-level event: the table, the operation and, for UPDATE, the columns assigned. */
export interface StatementEvent {
  readonly rel: RelationDef;
  readonly op: TriggerOp;
  readonly updated?: ReadonlySet<number>;
}

/** Fires BEFORE STATEMENT triggers (an UPDATE OF trigger only when the statement assigns one of its columns). */
export function fireBeforeStatement(session: Session, rel: RelationDef, op: TriggerOp, updated?: ReadonlySet<number>): void {
  const cat = session.catalog();
  for (const t of triggersFor(cat, rel.oid, 'before', 'statement', op, replicaRole(session))) {
    if (op === 'UPDATE' && !updateOfMatches(t, updated)) continue;
    callTrigger(session, cat, { trigger: t, rel, when: 'BEFORE', level: 'STATEMENT', op });
  }
}

/** Deferred constraint-trigger events, per session, fired at commit. */
const deferred = new WeakMap<Session, { ms: ModifyState; ev: AfterEvent; t: TriggerDef; user: string }[]>();

/**
 * End of a statement: queued AFTER ROW triggers in event order (deferred constraint triggers are
 * kept for commit), then AFTER STATEMENT triggers for each operation the statement performed.
 */
export function fireAfterTriggers(session: Session, ms: ModifyState, statements: readonly StatementEvent[]): void {
  const st = perStatement.get(ms);
  const cat = session.catalog();
  const replica = replicaRole(session);
  if (st) {
    for (let i = 0; i < st.events.length; i++) {
      const ev = st.events[i];
      if (ev.statement) {
        for (const t of triggersFor(cat, ev.rel.oid, 'after', 'statement', ev.op, replica)) {
          callTrigger(session, cat, { trigger: t, rel: ev.rel, when: 'AFTER', level: 'STATEMENT', op: ev.op, transition: transitionTables(ms, t, ev.rel, ev.op) });
        }
        continue;
      }
      for (const t of ev.triggers ?? EMPTY) {
        if (t.constraint && triggerDeferred(session, t)) {
          let list = deferred.get(session);
          if (!list) {
            list = [];
            deferred.set(session, list);
          }
          // Postgres 18 runs a deferred trigger as the role that queued its event.
          list.push({ ms, ev, t, user: session.settings.currentUser });
          continue;
        }
        fireAfterRowTrigger(session, cat, ms, t, ev);
      }
    }
  }
  for (const s of statements) {
    for (const t of triggersFor(cat, s.rel.oid, 'after', 'statement', s.op, replica)) {
      if (s.op === 'UPDATE' && !updateOfMatches(t, s.updated)) continue;
      callTrigger(session, cat, { trigger: t, rel: s.rel, when: 'AFTER', level: 'STATEMENT', op: s.op, transition: transitionTables(ms, t, s.rel, s.op) });
    }
  }
  if (st) perStatement.delete(ms);
}

function fireAfterRowTrigger(session: Session, cat: Catalog, ms: ModifyState, t: TriggerDef, ev: AfterEvent): void {
  callTrigger(session, cat, {
    trigger: t, rel: ev.rel, when: 'AFTER', level: 'ROW', op: ev.op,
    oldRow: ev.oldVals ? rowRecord(ev.rel, ev.oldVals) : undefined,
    newRow: ev.newVals ? rowRecord(ev.rel, ev.newVals) : undefined,
    transition: transitionTables(ms, t, ev.rel, ev.op),
  });
}

/** Whether a constraint trigger's events wait for commit (SET CONSTRAINTS, else INITIALLY DEFERRED). */
function triggerDeferred(session: Session, t: TriggerDef): boolean {
  const c = t.constraint!;
  if (!c.deferrable) return false;
  const txn = session.transaction();
  return txn.constraintModes?.get(t.oid) ?? txn.allConstraintsDeferred ?? c.initiallyDeferred;
}

/**
 * Fires deferred constraint triggers (at commit, at the end of an autocommit statement, or at
 * SET CONSTRAINTS ... IMMEDIATE for the triggers `only` selects).
 */
export function fireDeferredTriggers(session: Session, only?: (triggerOid: number) => boolean): void {
  const all = deferred.get(session);
  if (!all?.length) return;
  const list = only ? all.filter((d) => only(d.t.oid)) : all;
  if (only) deferred.set(session, all.filter((d) => !only(d.t.oid)));
  else deferred.delete(session);
  const cat = session.catalog();
  const saved = session.settings.currentUser;
  try {
    for (const d of list) {
      session.settings.currentUser = d.user;
      fireAfterRowTrigger(session, cat, d.ms, d.t, d.ev);
    }
  } finally {
    session.settings.currentUser = saved;
  }
}

/** Forgets deferred events (the transaction rolled back). */
export function discardDeferredTriggers(session: Session): void {
  deferred.delete(session);
}

/** Whether deferred events are waiting. */
export function hasDeferredTriggers(session: Session): boolean {
  return (deferred.get(session)?.length ?? 0) > 0;
}
