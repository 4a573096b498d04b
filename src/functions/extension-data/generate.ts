/**
 * Regenerates the data files of this folder from a real Postgres 18 (the oracle) with its contrib
 * modules installed:
 * - trgm-word-chars.ts: the non-ASCII code points pg_trgm treats as word characters (its
 *   ISWORDCHR, iswalnum() under the cluster's LC_CTYPE), as ranges;
 * - lower-exceptions.ts: where the oracle's lower() differs from JavaScript's toLowerCase();
 * - unaccent-rules.ts: the unaccent dictionary's rules file (tsearch_data/unaccent.rules), as
 *   the server reads it.
 * A development tool, not loaded by fauxgres:
 *   npx tsx src/functions/extension-data/generate.ts   (starts the oracle, or uses PG_ORACLE_URL)
 * Postgres counterpart: none (it asks pg_trgm's show_trgm and reads the unaccent.rules file).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startOracle } from '../../conformance/oracle.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const oracle = await startOracle();
const c = new pg.Client({ connectionString: oracle.url });
await c.connect();
try {
  await c.query('create extension if not exists pg_trgm');
  // A code point is a word character iff a string of it alone has trigrams.
  const rows = (await c.query(`
    select min(i) as lo, max(i) as hi from (
      select i, i - row_number() over (order by i) as g from generate_series(128, 1114111) i
      where (i < 55296 or i > 57343) and show_trgm(chr(i)) <> '{}') s
    group by g order by lo`)).rows as { lo: number; hi: number }[];
  const flat = rows.flatMap((r) => [r.lo, r.hi]);
  const lines: string[] = [];
  for (let i = 0; i < flat.length; i += 16) lines.push('  ' + flat.slice(i, i + 16).join(', ') + ',');
  writeFileSync(join(HERE, 'trgm-word-chars.ts'), `/**
 * The non-ASCII code points pg_trgm treats as word characters (ISWORDCHR: iswalnum() under the
 * oracle cluster's LC_CTYPE), as inclusive [first, last] pairs in ascending order.
 * Generated from the oracle by ./generate.ts; do not edit by hand.
 * Postgres counterpart: contrib/pg_trgm/trgm.h (ISWORDCHR), src/backend/tsearch/ts_locale.c.
 */
export const TRGM_WORD_CHAR_RANGES: readonly number[] = [
${lines.join('\n')}
];
`);
  console.log(rows.length, 'word character ranges');
  // Where the oracle's lower() (ICU, its Unicode version) and JavaScript's toLowerCase() differ.
  const lowered = (await c.query(`select i, lower(chr(i)) as l from generate_series(128, 1114111) i where (i < 55296 or i > 57343)`)).rows as { i: number; l: string }[];
  const diffs = lowered.filter((r) => String.fromCodePoint(r.i).toLowerCase() !== r.l).map((r) => `  [${r.i}, ${JSON.stringify(r.l)}],`);
  writeFileSync(join(HERE, 'lower-exceptions.ts'), `/**
 * The code points whose lower case in the oracle (ICU, with its Unicode version) differs from
 * JavaScript's String.prototype.toLowerCase(): [code point, the oracle's lower case].
 * Generated from the oracle by ./generate.ts; do not edit by hand.
 * Postgres counterpart: src/backend/utils/adt/formatting.c (str_tolower with an ICU collation).
 */
export const LOWER_EXCEPTIONS: readonly (readonly [number, string])[] = [
${diffs.join('\n')}
];
`);
  console.log(diffs.length, 'lower-case exceptions');
  const rules = (await c.query(`select pg_read_file((select setting from pg_config where name = 'SHAREDIR') || '/tsearch_data/unaccent.rules') as t`)).rows[0].t as string;
  writeFileSync(join(HERE, 'unaccent-rules.ts'), `/**
 * The unaccent extension's rules file (share/tsearch_data/unaccent.rules) as the oracle ships it:
 * one rule a line, a source string, whitespace, then its replacement (possibly double-quoted).
 * Generated from the oracle by ./generate.ts; do not edit by hand.
 * Postgres counterpart: contrib/unaccent/unaccent.rules.
 */
export const UNACCENT_RULES: string = ${JSON.stringify(rules)};
`);
  console.log(rules.split('\n').length, 'unaccent rule lines');
} finally {
  await c.end();
  await oracle.stop();
}
