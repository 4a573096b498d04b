/**
 * `npm run record [name...]`: records test/regress/expected/<name>.out from real Postgres for each
 * test/regress/sql/<name>.sql (all files when no name is given).
 *
 * Each file runs in a fresh database `regress_<name>`, created from template0 with the cluster's
 * default encoding and locale (ICU en-US on the oracle), in one session, statement by statement,
 * with the simple query protocol; session defaults (TimeZone UTC, ...) are database settings, see
 * regress-database.ts. The oracle is src/conformance/oracle.ts (or PG_ORACLE_URL).
 *
 * Postgres counterpart: pg_regress (src/test/regress/pg_regress.c), which also creates a database
 * per run and diffs psql output against expected files.
 *
 * Options: `--keep` leaves the regress_<name> databases in place (with PG_ORACLE_URL, for
 * inspecting them afterwards).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startOracle, type Oracle } from '../../src/conformance/oracle.js';
import { EXPECTED_DIR, SQL_DIR, listRegressNames, sqlHash, writeExpected } from './expected-file.js';
import { PgOutcomeRunner } from './pg-outcome.js';
import { createRegressDatabase, dropRegressDatabase } from './regress-database.js';
import { formatOptionsFor, formatOutcome } from './result-format.js';
import { loadOrderParser } from './result-order.js';
import { splitSql } from './split-sql.js';

/** Records one file; returns a one-line summary and the list of errors it produced. */
async function recordOne(oracle: Oracle, admin: pg.Client, name: string, keep: boolean): Promise<string[]> {
  const sqlText = readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
  const statements = splitSql(sqlText);
  const options = formatOptionsFor(sqlText);
  const db = `regress_${name}`;
  await createRegressDatabase(admin, db);
  const client = new pg.Client({ connectionString: oracle.urlFor(db) });
  await client.connect();
  const version = (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`)).rows[0].v;
  const runner = new PgOutcomeRunner(client);
  const blocks: string[] = [];
  const report: string[] = [];
  try {
    for (const [i, st] of statements.entries()) {
      const outcome = await runner.run(st.text);
      blocks.push(formatOutcome(i + 1, st.line, st.text, outcome, options));
      if (outcome.kind === 'error') {
        report.push(`  #${i + 1} (line ${st.line}) ${outcome.error.code} ${outcome.error.message}`);
      } else if (outcome.kind === 'crash') {
        report.push(`  #${i + 1} (line ${st.line}) CRASH ${outcome.message}`);
      }
    }
  } finally {
    await client.end();
  }
  if (!keep) await dropRegressDatabase(admin, db);
  mkdirSync(EXPECTED_DIR, { recursive: true });
  writeFileSync(join(EXPECTED_DIR, `${name}.out`), writeExpected(name, sqlHash(sqlText), `PostgreSQL ${version}`, blocks));
  return [`${name}: ${statements.length} statements, ${report.length} errors`, ...report];
}

async function main(argv: string[]): Promise<void> {
  const keep = argv.includes('--keep');
  const names = argv.filter((a) => !a.startsWith('--'));
  const all = listRegressNames();
  for (const n of names) if (!all.includes(n)) throw new Error(`no such file: test/regress/sql/${n}.sql`);
  const todo = names.length > 0 ? names : all;
  await loadOrderParser();
  const oracle = await startOracle();
  const admin = new pg.Client({ connectionString: oracle.url });
  try {
    await admin.connect();
    for (const name of todo) {
      const lines = await recordOne(oracle, admin, name, keep);
      console.log(lines.join('\n'));
    }
  } finally {
    await admin.end().catch(() => undefined);
    await oracle.stop();
  }
}

const isMain = process.argv[1] !== undefined && /record\.ts$/.test(process.argv[1]);
if (isMain) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
