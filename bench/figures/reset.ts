/**
 * `reset`: each engine's per-test reset strategies, each on its own freshly seeded fixture, ms per
 * reset (median over the cycles). Every cycle runs a simulated test that first checks the state
 * is the seeded one (organizations count) and then dirties it; a strategy whose tests see a dirty
 * state is reported as not resetting and is not eligible as the engine's `reset`.
 * `reset` itself is the cheapest correct strategy.
 *
 * Postgres counterpart: what test suites do against a server (transaction rollback, TRUNCATE,
 * template databases).
 */
import type { EngineSession } from '../engines/adapter.js';
import { dirtySql, fixtureSeed, FIXTURE_ORGANIZATIONS } from '../workload/workload.js';
import { seededInstance, timeResetCycles, type Figure } from './context.js';

export const resetFigure: Figure = async (ctx) => {
  const p = ctx.profile;
  const seed = fixtureSeed();
  let best: { name: string; ms: number } | undefined;
  let probe = 0;
  // Each strategy gets its own freshly seeded instance, so a strategy that fails to reset cannot
  // make the next one look wrong.
  let count = Infinity;
  for (let index = 0; index < count; index++) {
    let key = `reset.#${index}`;
    let session: EngineSession | undefined;
    try {
      session = await seededInstance(ctx.adapter, ctx.variant, seed);
      const strategies = session.resetStrategies();
      count = strategies.length;
      if (count === 0) throw new Error('the engine offers no reset strategy');
      const strategy = strategies[index]!;
      key = `reset.${strategy.name}`;
      const run = await strategy.prepare({ seedSql: seed });
      const test = async (s: EngineSession): Promise<boolean> => {
        const r = await s.query('SELECT count(*) AS n FROM organizations');
        await s.query(dirtySql(++probe));
        return Number((r.rows[0] as { n: unknown }).n) === FIXTURE_ORGANIZATIONS;
      };
      const ms = await timeResetCycles(ctx, key, strategy.description, run, { cycles: p.resetCycles, budgetMs: p.budgetMs.reset }, test);
      if (ms !== undefined && (!best || ms < best.ms)) best = { name: strategy.name, ms };
    } catch (err) {
      // Without a strategy list there is nothing to report per strategy: the figure fails.
      if (count === Infinity || count === 0) throw err;
      ctx.emit({ key, unit: 'ms', error: (err as Error).message.split('\n')[0] });
    } finally {
      await session?.close().catch(() => {});
    }
  }
  if (best) ctx.emit({ key: 'reset', value: best.ms, unit: 'ms', note: `by ${best.name}` });
  else ctx.emit({ key: 'reset', unit: 'ms', error: 'no strategy restored the state' });
};
