/**
 * `txn`: a test's transaction on the fixture: `BEGIN`, `txnInserts` single-row parameterized
 * INSERTs into `orders` (FKs, CHECK, trigger where the engine runs it), `ROLLBACK`. Milliseconds
 * per whole cycle, median; the table's row count is checked afterwards (a rollback that keeps
 * rows is reported as failed).
 *
 * Postgres counterpart: what a test framework's per-test transaction costs.
 */
import { INSERT_SQL, insertParams } from '../workload/workload.js';
import { median } from '../timing.js';
import type { Figure } from './context.js';

export const txnFigure: Figure = async (ctx) => {
  const s = await ctx.fixture();
  const p = ctx.profile;
  const count = async (): Promise<number> => Number((await s.query('SELECT count(*) AS n FROM orders')).rows[0]!['n' as never]);
  const before = await count();
  const cycle = async (k: number): Promise<number> => {
    const t0 = performance.now();
    await s.query('BEGIN');
    for (let i = 0; i < p.txnInserts; i++) await s.query(INSERT_SQL, insertParams(k * p.txnInserts + i));
    await s.query('ROLLBACK');
    return performance.now() - t0;
  };
  await cycle(10_000); // warm-up
  const times: number[] = [];
  const start = performance.now();
  while (times.length < p.txnCycles && (times.length < 3 || performance.now() - start < p.budgetMs.txn)) times.push(await cycle(times.length));
  const after = await count();
  if (after !== before) throw new Error(`ROLLBACK kept rows: orders went from ${before} to ${after}`);
  const note = times.length < p.txnCycles ? `${times.length} of ${p.txnCycles} cycles (time budget)` : `${times.length} cycles`;
  ctx.emit({ key: 'txn.rollback', value: median(times), unit: 'ms', note });
};
