/**
 * Regenerates operator-data.ts from a real Postgres 18 (the oracle): the pg_operator rows of the
 * built-in operators fauxgres implements (matched by name and operand types), with the names and
 * OIDs of their implementing functions (oprcode) and selectivity estimators (oprrest, oprjoin).
 * A development tool, not loaded by fauxgres:
 *   PG_ORACLE_URL=... npx tsx src/catalog/system/generate-operators.ts
 * Postgres counterpart: none (it reads pg_operator and pg_proc).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import '../../index.js';
import { allOperators } from '../../functions/registry.js';

const HERE = dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { default: pg } = await import('pg');
  const url = process.env.PG_ORACLE_URL;
  if (!url) throw new Error('set PG_ORACLE_URL');
  const c = new pg.Client(url);
  await c.connect();
  try {
    const have = new Set<string>();
    for (const [name, list] of allOperators()) for (const o of list) if (!o.fn.extension) have.add(`${name}/${o.left}/${o.right}`);
    const rows = (
      await c.query(`select o.oid, o.oprname, o.oprkind, o.oprcanmerge, o.oprcanhash, o.oprleft, o.oprright, o.oprresult, o.oprcom, o.oprnegate,
        o.oprcode::oid as code, o.oprcode::text as codename, o.oprrest::oid as rest, o.oprjoin::oid as join, p.proleakproof as leakproof
        from pg_operator o join pg_proc p on p.oid = o.oprcode where o.oprnamespace = 11 order by o.oid`)
    ).rows.filter((r) => have.has(`${r.oprname}/${r.oprleft}/${r.oprright}`));
    const support = new Set<number>();
    for (const r of rows) for (const k of ['rest', 'join']) if (Number(r[k])) support.add(Number(r[k]));
    // Every built-in estimator, by its signature (CREATE OPERATOR's RESTRICT / JOIN name them).
    const names = (
      await c.query(`select oid, proname from pg_proc where pronamespace = 11 and prorettype = 'float8'::regtype
        and array_to_string(proargtypes::oid[], ',') in ('2281,26,2281,23', '2281,26,2281,21,2281')
        or oid = any($1) order by oid`, [[...support]])
    ).rows;
    const descr = (
      await c.query(`select o.oid, obj_description(o.oid, 'pg_operator') as od, obj_description(o.oprcode, 'pg_proc') as pd, o.oprname
        from pg_operator o where o.oid = any($1) order by o.oid`, [rows.map((r) => r.oid)])
    ).rows;
    const lines = rows.map(
      (r) =>
        `  [${r.oid}, ${JSON.stringify(r.oprname)}, '${r.oprkind}', ${r.oprleft}, ${r.oprright}, ${r.oprresult}, ${r.oprcom}, ${r.oprnegate}, ${r.oprcanmerge ? 1 : 0}, ${r.oprcanhash ? 1 : 0}, ${JSON.stringify(r.codename)}, ${r.code}, ${r.rest}, ${r.join}],`,
    );
    const out = `/**
 * The built-in operators fauxgres implements as Postgres 18's pg_operator holds them, with the
 * names and OIDs of their functions. Generated from the oracle by ./generate-operators.ts; do not
 * edit by hand.
 * Postgres counterpart: src/include/catalog/pg_operator.dat.
 */

/** [oid, oprname, oprkind, oprleft, oprright, oprresult, oprcom, oprnegate, oprcanmerge, oprcanhash,
 *  oprcode name, oprcode oid, oprrest oid, oprjoin oid] */
export type BuiltinOperatorFacts = readonly [number, string, 'b' | 'l', number, number, number, number, number, 0 | 1, 0 | 1, string, number, number, number];

export const BUILTIN_OPERATOR_FACTS: readonly BuiltinOperatorFacts[] = [
${lines.join('\n')}
];

/** Descriptions (pg_description) of the built-in operators, by pg_operator OID. */
export const OPERATOR_DESCRIPTIONS: Readonly<Record<number, string>> = {
${descr.filter((d) => d.od !== null).map((d) => `  ${d.oid}: ${JSON.stringify(d.od)},`).join('\n')}
};

/**
 * Descriptions of the operators' functions (oprcode), by pg_operator OID, where they are not
 * \`implementation of <oprname> operator\` (null: none).
 */
export const OPERATOR_PROC_DESCRIPTIONS: Readonly<Record<number, string | null>> = {
${descr.filter((d) => d.pd !== `implementation of ${d.oprname} operator`).map((d) => `  ${d.oid}: ${JSON.stringify(d.pd)},`).join('\n')}
};

/** The built-in operators whose function is leakproof (pg_proc.proleakproof), by pg_operator OID. */
export const LEAKPROOF_OPERATORS: ReadonlySet<number> = new Set([
${rows.filter((r) => r.leakproof).map((r) => r.oid).join(', ').replace(/(.{1,96})(, |$)/g, '  $1,\n').trimEnd()}
]);

/** Names of the selectivity estimators (oprrest, oprjoin), by pg_proc OID. */
export const ESTIMATOR_NAMES: Readonly<Record<number, string>> = {
${names.map((n) => `  ${n.oid}: '${n.proname}',`).join('\n')}
};
`;
    writeFileSync(join(HERE, 'operator-data.ts'), out);
    console.log(rows.length, 'operators,', names.length, 'estimators');
  } finally {
    await c.end();
  }
}

if (process.argv[1] && /generate-operators\.ts$/.test(process.argv[1])) await main();
