/**
 * Append: the rows of several plans one after the other; the scan of a partitioned table is an
 * Append of its leaf partitions' scans (each fills the same slots: partitions have the parent's
 * column layout).
 * Postgres counterpart: src/backend/executor/nodeAppend.c.
 */
import type { ExecContext, Row } from './context.js';
import { eachRow, type Plan } from './scan.js';

export class Append implements Plan {
  readonly kind = 'Append';
  constructor(readonly children: readonly Plan[]) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    for (const c of this.children) yield* c.run(ctx, base);
  }

  each(ctx: ExecContext, base: Row | undefined, sink: (row: Row) => void): void {
    for (const c of this.children) eachRow(c, ctx, base, sink);
  }
}
