/**
 * What EXPLAIN needs to describe a plan that the executable nodes do not keep: the analyzed
 * expressions behind their compiled closures (Filter, Index Cond, Hash Cond, Sort Key, Output)
 * and the range entries they scan. The planner records them only while EXPLAIN plans a statement
 * (`capturePlanNotes`), so ordinary planning does no description work and cached plans carry none.
 * Postgres counterpart: the expression fields of Plan nodes (plannodes.h) that explain.c deparses.
 */
import type { Expr, SortKey } from '../nodes/primnodes.js';
import type { Query, RangeTblEntry } from '../nodes/query.js';

export interface PlanNote {
  /** The query level the node's expressions belong to (innermost first, then enclosing levels). */
  levels?: readonly Query[];
  /** The scanned range entry. */
  rte?: RangeTblEntry;
  /** Scan or upper-level quals (`Filter:`; `One-Time Filter:` over a Result). */
  filter?: readonly Expr[];
  /** Quals the index answers (`Index Cond:`). */
  indexCond?: readonly Expr[];
  /** Hash join keys as equality quals (`Hash Cond:`), and the rest of a join's quals (`Join Filter:`). */
  hashCond?: readonly Expr[];
  joinFilter?: readonly Expr[];
  sortKeys?: readonly SortKey[];
  groupKeys?: readonly Expr[];
  /** The node's output expressions (VERBOSE `Output:`). */
  output?: readonly Expr[];
  /** Expressions its input computed (set-returning calls of lower ProjectSets): printed in parentheses, as references. */
  computedBelow?: readonly Expr[];
  /** The query a SELECT-level node (Project, Limit, Sort) belongs to. */
  query?: Query;
  /** A sublink's subquery (noted on its Query): the plan run for it, and whether per outer row. */
  subplan?: object;
  correlated?: boolean;
  /** A subquery scan Postgres would have pulled up into the outer query (EXPLAIN shows its input only). */
  pulledUp?: boolean;
}

export interface PlanCapture {
  readonly notes: Map<object, PlanNote>;
  /** Scans planned for an INSERT / UPDATE / DELETE (the ModifyTable's input). */
  readonly dmlInputs: object[];
  /** Called with each DML input as it is planned (EXPLAIN ANALYZE instruments it before it runs). */
  readonly onDmlInput?: (plan: object) => void;
}

let active: PlanCapture | undefined;

/** Whether the planner is recording notes (EXPLAIN is planning). */
export function capturingPlanNotes(): boolean {
  return active !== undefined;
}

/** Records `n` for `plan` while EXPLAIN plans; a no-op otherwise. Returns `plan`. */
export function notePlan<T extends object>(plan: T, n: PlanNote): T {
  if (active) {
    const prev = active.notes.get(plan);
    active.notes.set(plan, prev ? { ...prev, ...n } : n);
  }
  return plan;
}

/** Notes a DML statement's input plan (while EXPLAIN plans). */
export function noteDmlInput(plan: object): void {
  if (!active) return;
  active.dmlInputs.push(plan);
  active.onDmlInput?.(plan);
}

/** Runs `f` with the planner recording notes into a new capture. */
export function capturePlanNotes<T>(f: () => T, onDmlInput?: (plan: object) => void): { result: T; capture: PlanCapture } {
  const saved = active;
  const capture: PlanCapture = { notes: new Map(), dmlInputs: [], onDmlInput };
  active = capture;
  try {
    return { result: f(), capture };
  } finally {
    active = saved;
  }
}
