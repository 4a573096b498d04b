/**
 * The three shapes a per-test reset takes, shared by the adapters:
 * - rollback: BEGIN before the test, ROLLBACK after (both timed);
 * - copy: every test gets a new copy of the seeded state (fork, clone, CREATE DATABASE TEMPLATE);
 *   making the copy is timed, closing it is not;
 * - restore: the test dirties the one database, then a saved state is put back (timed).
 *
 * Postgres counterpart: none (test-suite practice). Whether a strategy really restores the state
 * is checked by the `reset` figure, not assumed here.
 */
import type { EngineSession, ResetRun, ResetStrategy } from './adapter.js';

/** BEGIN / ROLLBACK around each test, on the given session. */
export function rollbackStrategy(session: EngineSession): ResetStrategy {
  return {
    name: 'rollback',
    description: 'BEGIN before and ROLLBACK after each test (both timed)',
    prepare: async (): Promise<ResetRun> => ({
      cycle: async (test) => {
        const t0 = performance.now();
        await session.query('BEGIN');
        const begin = performance.now() - t0;
        let failure: unknown;
        try {
          await test(session);
        } catch (err) {
          failure = err;
        }
        const t2 = performance.now();
        await session.query('ROLLBACK');
        const elapsed = begin + (performance.now() - t2);
        if (failure !== undefined) throw failure;
        return elapsed;
      },
      dispose: async () => {},
    }),
  };
}

/** Each test runs on a fresh copy produced by `makeCopy` (timed); the copy is closed afterwards (not timed). */
export function copyStrategy(
  name: string,
  description: string,
  setup: () => Promise<{ makeCopy: () => Promise<EngineSession>; dispose: () => Promise<void> }>,
): ResetStrategy {
  return {
    name,
    description,
    prepare: async (): Promise<ResetRun> => {
      const { makeCopy, dispose } = await setup();
      return {
        cycle: async (test) => {
          const t0 = performance.now();
          const copy = await makeCopy();
          const elapsed = performance.now() - t0;
          try {
            await test(copy);
          } finally {
            await copy.close();
          }
          return elapsed;
        },
        hold: makeCopy,
        dispose,
      };
    },
  };
}

/** The test dirties `session`; `capture()` saves the state once and returns the (timed) restore. */
export function restoreStrategy(
  name: string,
  description: string,
  session: EngineSession,
  capture: () => Promise<() => Promise<void>>,
): ResetStrategy {
  return {
    name,
    description,
    prepare: async (): Promise<ResetRun> => {
      const restore = await capture();
      return {
        cycle: async (test) => {
          await test(session);
          const t0 = performance.now();
          await restore();
          return performance.now() - t0;
        },
        dispose: async () => {},
      };
    },
  };
}
