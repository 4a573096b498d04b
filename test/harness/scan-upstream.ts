/**
 * `npx tsx test/harness/scan-upstream.ts [--git-dir D] [--out DIR] [--setup] name...`: runs
 * Postgres's own regression scripts (src/test/regress/sql/<name>.sql from a git directory of the
 * Postgres repository, e.g. one brought by the library's `fetch`) statement by statement on the
 * oracle and on fauxgres, and writes every disagreement to <out>/<name>.txt. A development tool
 * for finding gaps, not a test: upstream scripts are not recorded into test/regress (their
 * fixtures and psql variables do not carry over); a gap found here gets its own recorded test.
 *
 * Fixture: upstream's test_setup.sql (tenk1, onek, int4_tbl, ...), run once per oracle into the
 * template database `scan_template` (again with `--setup`) and once into a fauxgres database that
 * every script forks. Each script then runs in a fresh database `regression` (or `--db`) on both
 * sides.
 *
 * psql features: backslash meta-command lines are dropped (`\set`, `\d`, ...); a
 * `COPY ... FROM stdin` with its inline data (text format) becomes an INSERT of the same rows;
 * `:variable` interpolation is not done, so such statements fail alike on both sides.
 *
 * Output per script: a summary line (statements, agreeing, disagreeing, of which fauxgres raised
 * 0A000, crashes, slow) on stdout, in <name>.txt each disagreeing statement with both outcomes,
 * and in <name>.slow.txt the statements fauxgres took over 50 ms and 20 times Postgres's time for.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startOracle } from '../../src/conformance/oracle.js';
import { FauxgresOutcomeRunner, loadFauxgres, type FauxgresDatabase } from './fauxgres-outcome.js';
import { PgOutcomeRunner, reportedFields } from './pg-outcome.js';
import { REGRESS_DATABASE_SETTINGS, createRegressDatabase, dropRegressDatabase, quoteIdent, quoteLiteral } from './regress-database.js';
import { formatOutcome, type ReportedFields, type StatementOutcome } from './result-format.js';
import { loadOrderParser } from './result-order.js';
import { splitSql } from './split-sql.js';

const DEFAULT_GIT_DIR = '/work/.mirror/SvetaBars+postgres/repo';

/** Reads a file of the Postgres repository at HEAD. */
function upstreamFile(gitDir: string, path: string): string {
  return execFileSync('git', ['--git-dir', gitDir, 'show', `HEAD:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** One COPY text-format field as an SQL literal (`\N` is NULL; backslash escapes decoded). */
function copyFieldLiteral(field: string): string {
  if (field === '\\N') return 'NULL';
  const decoded = field.replace(/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/g, (_m, oct: string, hex: string, ch: string) => {
    if (oct) return String.fromCharCode(parseInt(oct, 8));
    if (hex) return String.fromCharCode(parseInt(hex, 16));
    return ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' } as Record<string, string>)[ch] ?? ch;
  });
  return quoteLiteral(decoded);
}

/** An INSERT of COPY text-format rows into `target` (`tbl` or `tbl (cols)`). */
function insertForCopy(target: string, lines: readonly string[]): string {
  const rows = lines.map((l) => `(${l.split('\t').map(copyFieldLiteral).join(', ')})`);
  return `INSERT INTO ${target} VALUES\n${rows.join(',\n')};`;
}

/**
 * Turns a psql script into plain SQL: drops meta-command lines, turns `COPY ... FROM stdin` with
 * inline text data into INSERTs (other formats: the COPY and its data are dropped).
 */
export function psqlToSql(script: string): string {
  const out: string[] = [];
  const lines = script.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const copy = /^\s*COPY\s+(.+?)\s+FROM\s+stdin\b(.*);\s*$/i.exec(line);
    if (copy) {
      const data: string[] = [];
      for (i++; i < lines.length && lines[i] !== '\\.'; i++) data.push(lines[i]);
      if (/csv|binary/i.test(copy[2]) || data.length === 0) continue;
      out.push(insertForCopy(copy[1], data));
      continue;
    }
    out.push(/^\s*\\/.test(line) ? '' : line);
  }
  return out.join('\n');
}

/** test_setup.sql with its data files loaded by INSERTs instead of server-side COPY. */
export function setupSql(gitDir: string): string {
  const text = upstreamFile(gitDir, 'src/test/regress/sql/test_setup.sql');
  return text.replace(/\\set filename :abs_srcdir '\/data\/([a-z_]+\.data)'\nCOPY (\w+) FROM :'filename';/g, (_m, file: string, table: string) => {
    const data = upstreamFile(gitDir, `src/test/regress/data/${file}`).split('\n').filter((l) => l !== '');
    return insertForCopy(table, data);
  });
}

interface Args {
  gitDir: string;
  out: string;
  setup: boolean;
  /** The database each script runs in, on both sides (`--db`, for scans running side by side). */
  db: string;
  /** Statement numbers fauxgres does not run (`--skip 733,735`: ones that take minutes). */
  skip: Set<number>;
  names: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const a: Args = { gitDir: DEFAULT_GIT_DIR, out: 'scan-out', setup: false, db: 'regression', skip: new Set(), names: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--git-dir') a.gitDir = argv[++i];
    else if (argv[i] === '--out') a.out = argv[++i];
    else if (argv[i] === '--setup') a.setup = true;
    else if (argv[i] === '--db') a.db = argv[++i];
    else if (argv[i] === '--skip') for (const n of argv[++i].split(',')) a.skip.add(Number(n));
    else a.names.push(argv[i].replace(/\.sql$/, ''));
  }
  return a;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  await loadOrderParser();
  const oracle = await startOracle();
  const admin = new pg.Client({ connectionString: oracle.url });
  await admin.connect();
  const setup = splitSql(psqlToSql(setupSql(args.gitDir)));
  const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'scan_template'`)).rowCount === 1;
  if (args.setup || !exists) {
    await admin.query(`UPDATE pg_database SET datistemplate = false WHERE datname = 'scan_template'`).catch(() => undefined);
    await createRegressDatabase(admin, 'scan_template');
    const c = new pg.Client({ connectionString: oracle.urlFor('scan_template') });
    await c.connect();
    for (const st of setup) await c.query(st.text).catch(() => undefined);
    await c.end();
  }

  const mod = await loadFauxgres();
  const sink: { notices: ReportedFields[] } = { notices: [] };
  // (the session API plus fork(), which FauxgresModule leaves out)
  type ForkableDatabase = FauxgresDatabase & { fork(): ForkableDatabase };
  const Database = mod.Database as unknown as { create(o: object): Promise<ForkableDatabase> };
  const base = await Database.create({ database: args.db, onNotice: (n: object) => sink.notices.push(reportedFields(n as never)) });
  const setupRunner = FauxgresOutcomeRunner.over(base, sink);
  for (const st of setup) await setupRunner.run(st.text);

  mkdirSync(args.out, { recursive: true });
  for (const name of args.names) {
    const script = psqlToSql(upstreamFile(args.gitDir, `src/test/regress/sql/${name}.sql`));
    const statements = splitSql(script);
    const dbName = quoteIdent(args.db);
    await dropRegressDatabase(admin, args.db);
    await admin.query(`CREATE DATABASE ${dbName} TEMPLATE scan_template`);
    for (const [k, v] of Object.entries({ ...REGRESS_DATABASE_SETTINGS, statement_timeout: '20s' })) {
      await admin.query(`ALTER DATABASE ${dbName} SET ${k} TO ${quoteLiteral(v)}`);
    }
    const client = new pg.Client({ connectionString: oracle.urlFor(args.db) });
    client.on('error', () => undefined);
    await client.connect();
    const oracleRunner = new PgOutcomeRunner(client);
    const db = base.fork();
    const fauxgres = FauxgresOutcomeRunner.over(db, sink);
    const report: string[] = [];
    const slow: string[] = [];
    let disagree = 0;
    let unsupported = 0;
    let crashes = 0;
    for (const [i, st] of statements.entries()) {
      const t0 = performance.now();
      const want = formatOutcome(i + 1, st.line, st.text, await oracleRunner.run(st.text));
      const t1 = performance.now();
      // SCAN_TRACE=1 names each statement before fauxgres runs it (to find one that hangs).
      if (process.env.SCAN_TRACE) console.error(`${name} #${i + 1} (line ${st.line})`);
      const got: StatementOutcome = args.skip.has(i + 1) ? { kind: 'crash', notices: [], message: 'skipped (--skip)' } : await fauxgres.run(st.text);
      const t2 = performance.now();
      if (t2 - t1 > 50 && t2 - t1 > 20 * (t1 - t0)) {
        slow.push(`#${i + 1} (line ${st.line}) fauxgres ${(t2 - t1).toFixed(0)} ms, postgres ${(t1 - t0).toFixed(1)} ms: ${st.text.replace(/\s+/g, ' ').slice(0, 200)}`);
      }
      const have = formatOutcome(i + 1, st.line, st.text, got);
      if (want === have) continue;
      disagree++;
      if (got.kind === 'error' && got.error.code === '0A000') unsupported++;
      if (got.kind === 'crash') crashes++;
      report.push(`=== #${i + 1} (line ${st.line})\n--- postgres\n${want}\n--- fauxgres\n${have}\n`);
    }
    await client.end().catch(() => undefined);
    await db.close();
    // Roles are cluster-wide: drop the ones the script left behind.
    await dropRegressDatabase(admin, args.db);
    const roles = await admin.query<{ rolname: string }>(`SELECT rolname FROM pg_roles WHERE rolname LIKE 'regress%'`);
    for (const r of roles.rows) await admin.query(`DROP ROLE ${quoteIdent(r.rolname)}`).catch(() => undefined);
    writeFileSync(join(args.out, `${name}.txt`), report.join('\n'));
    if (slow.length) writeFileSync(join(args.out, `${name}.slow.txt`), slow.join('\n') + '\n');
    console.log(`${name}: ${statements.length} statements, ${statements.length - disagree} agree, ${disagree} disagree (${unsupported} 0A000, ${crashes} crash)${slow.length ? `, ${slow.length} slow` : ''}`);
  }
  await admin.end();
  await base.close();
  await oracle.stop();
}

const isMain = process.argv[1] !== undefined && /scan-upstream\.ts$/.test(process.argv[1]);
if (isMain) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
