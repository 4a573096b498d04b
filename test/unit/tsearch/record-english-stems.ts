/**
 * Records test/fixtures/tsearch/english-stems.tsv: words and what Postgres's english_stem
 * dictionary makes of them (ts_lexize), from the oracle. A development tool:
 *   npx tsx test/unit/tsearch/record-english-stems.ts <word list file>
 * (starts the oracle, or uses PG_ORACLE_URL). Stop words are recorded with an empty stem.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import pg from 'pg';
import { startOracle } from '../../../src/conformance/oracle.js';

const words = [...new Set(readFileSync(process.argv[2], 'utf8').split('\n').map((w) => w.trim()).filter(Boolean))].sort();
const oracle = await startOracle();
const c = new pg.Client(oracle.url);
await c.connect();
try {
  const r = await c.query(`select w, ts_lexize('english_stem', w) as s from unnest($1::text[]) w order by w`, [words]);
  const lines = r.rows.map((row: { w: string; s: string[] }) => `${row.w}\t${row.s.join(' ')}`);
  writeFileSync(new URL('../../fixtures/tsearch/english-stems.tsv', import.meta.url), lines.join('\n') + '\n');
  console.log(lines.length, 'words recorded');
} finally {
  await c.end();
  await oracle.stop();
}
