/**
 * The regression runner: replays every test/regress/sql/<name>.sql on a fresh fauxgres Database,
 * one `it` per statement in file order, and compares each statement's formatted outcome with the
 * block recorded from real Postgres in expected/<name>.out. See test/regress/README.md.
 *
 * Postgres counterpart: pg_regress (src/test/regress/pg_regress.c).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQL_DIR, listRegressNames, readExpected, sqlHash, type ExpectedFile } from '../harness/expected-file.js';
import { FauxgresOutcomeRunner, loadFauxgres } from '../harness/fauxgres-outcome.js';
import { readKnownGaps, readPending, type KnownGap } from '../harness/known-gaps.js';
import { formatOptionsFor, formatOutcome } from '../harness/result-format.js';
import { loadOrderParser } from '../harness/result-order.js';
import { splitSql } from '../harness/split-sql.js';

await loadOrderParser();

const names = listRegressNames();
const gaps = readKnownGaps();
const gapByKey = new Map<string, KnownGap>(gaps.map((g) => [`${g.name}:${g.statement}`, g]));
const pending = readPending();
const pendingByKey = new Map<string, KnownGap>(pending.map((g) => [`${g.name}:${g.statement}`, g]));

/** One line of statement text for a test title. */
function preview(sql: string): string {
  const one = sql.replace(/\s+/g, ' ');
  return one.length > 70 ? `${one.slice(0, 67)}...` : one;
}

describe('known-gaps.txt', () => {
  it('names existing statements', () => {
    for (const g of gaps) {
      expect(names, `known-gaps.txt line ${g.line}: no file sql/${g.name}.sql`).toContain(g.name);
      const count = splitSql(readFileSync(join(SQL_DIR, `${g.name}.sql`), 'utf8')).length;
      expect(g.statement, `known-gaps.txt line ${g.line}: ${g.name}.sql has ${count} statements`).toBeLessThanOrEqual(count);
    }
  });
});

for (const name of names) {
  describe(name, () => {
    const sqlText = readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
    const statements = splitSql(sqlText);
    const options = formatOptionsFor(sqlText);
    let expected: ExpectedFile;
    let session: FauxgresOutcomeRunner | undefined;

    beforeAll(async () => {
      try {
        expected = readExpected(name);
      } catch (e) {
        throw new Error(`no usable recording expected/${name}.out (${(e as Error).message}); run: npm run record ${name}`);
      }
      if (expected.sqlHash !== sqlHash(sqlText)) {
        throw new Error(`expected/${name}.out is stale: sql/${name}.sql changed since it was recorded; run: npm run record ${name}`);
      }
      if (expected.blocks.length !== statements.length) {
        throw new Error(
          `expected/${name}.out has ${expected.blocks.length} blocks but sql/${name}.sql has ${statements.length} statements; run: npm run record ${name}`,
        );
      }
      // The same database name the recording had (current_database(), information_schema's *_catalog columns).
      session = await FauxgresOutcomeRunner.create(await loadFauxgres(), `regress_${name}`);
    });

    afterAll(async () => {
      await session?.close();
    });

    statements.forEach((st, i) => {
      const n = i + 1;
      it(`#${n} (line ${st.line}) ${preview(st.text)}`, async () => {
        if (!session) throw new Error('no fauxgres session (setup failed)');
        const outcome = await session.run(st.text);
        const actual = formatOutcome(n, st.line, st.text, outcome, options);
        const want = expected.blocks[i];
        const crash = session.lastCrashStack ? `\nengine stack:\n${session.lastCrashStack}` : '';
        const pend = pendingByKey.get(`${name}:${n}`);
        if (pend) {
          if (actual === want) throw new Error(`${name}:${n} now matches Postgres: remove it from pending.txt (line ${pend.line})`);
          return;
        }
        const gap = gapByKey.get(`${name}:${n}`);
        if (gap) {
          if (actual === want) throw new Error(`${name}:${n} now passes, remove it from known-gaps.txt (line ${gap.line})`);
          if (outcome.kind === 'error' && outcome.error.code === '0A000') return;
          expect(actual, `${name}:${n} is a known gap (${gap.reason}) and must raise 0A000; a wrong answer is never a known gap${crash}`).toBe(want);
          return;
        }
        expect(actual, `${name}:${n} differs from real Postgres${crash}`).toBe(want);
      });
    });
  });
}
