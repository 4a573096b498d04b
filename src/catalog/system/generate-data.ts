/**
 * Regenerates the data files of this folder (shapes.ts, builtin-data.ts, settings-data.ts) from a
 * real Postgres 18 (the oracle): the columns of every system relation, the pg_type / pg_opclass /
 * pg_proc facts of the types and functions fauxgres implements, and pg_settings metadata.
 * A development tool, not loaded by fauxgres:
 *   npx tsx src/catalog/system/generate-data.ts        (starts the oracle, or uses PG_ORACLE_URL)
 * Postgres counterpart: none (it reads pg_attribute, pg_type, pg_opclass, pg_proc, pg_settings).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pgTypes from 'pg';
import '../../index.js';
import { BUILTIN_TYPES, BUILTIN_ARRAY_TYPES } from '../../types/builtin-types.js';
import { allFunctions, allAggregates } from '../../functions/registry.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const log = (...a: unknown[]) => console.log(...a);
void readFileSync;

async function generateShapes(c: pgTypes.Client): Promise<void> {
const DOMAIN_BASE: Record<number, number> = { 13158: 23, 13161: 1043, 13163: 19, 13169: 1184, 13171: 1043 };
const SUPPORTED = new Set([16,17,18,19,20,21,22,23,24,25,26,28,30,194,869,700,701,1000,1002,1003,1005,1007,1009,1021,1022,1028,1034,1184,1186,1700,2206,2211,2277,13158,13161,13163,13169,13171]);
const rels = (await c.query(`select c.oid, c.relname, n.nspname, c.relkind, c.reltype from pg_class c join pg_namespace n on n.oid=c.relnamespace where n.nspname in ('pg_catalog','information_schema') and c.relkind in ('r','v') order by n.nspname, c.relname`)).rows;
const atts = (await c.query(`select a.attrelid, a.attname, a.atttypid, a.attnotnull, a.attcollation from pg_attribute a join pg_class c on c.oid=a.attrelid join pg_namespace n on n.oid=c.relnamespace where n.nspname in ('pg_catalog','information_schema') and c.relkind in ('r','v') and a.attnum>0 and not a.attisdropped order by a.attrelid, a.attnum`)).rows;
const byRel = new Map<number, any[]>();
for (const a of atts) { if (!byRel.has(a.attrelid)) byRel.set(a.attrelid, []); byRel.get(a.attrelid)!.push(a); }
const out: string[] = [];
const skipped: string[] = [];
for (const r of rels) {
  const cols = byRel.get(r.oid) ?? [];
  if (cols.some((a) => !SUPPORTED.has(a.atttypid))) { skipped.push(`${r.nspname}.${r.relname}`); continue; }
  const enc = cols.map((a) => {
    const t = DOMAIN_BASE[a.atttypid] ?? a.atttypid;
    let flags = '';
    if (a.attnotnull) flags += 'n';
    if (a.attcollation === 950) flags += 'c';
    return `${a.attname} ${t}${flags ? ' ' + flags : ''}`;
  }).join(',');
  out.push(`  [${r.oid}, '${r.relname}', ${r.nspname === 'pg_catalog' ? 11 : 13144}, '${r.relkind}', ${r.reltype}, '${enc}'],`);
}
const header = `/**
 * The shapes of Postgres 18's pg_catalog and information_schema tables and views: OID, name,
 * schema, kind, row type and every column (name, type OID, flags: n = NOT NULL, c = collation "C").
 * information_schema domains are given as their base types (sql_identifier: name, character_data
 * and yes_or_no: varchar, cardinal_number: int4, time_stamp: timestamptz), which is what clients
 * see in RowDescription. Generated from the oracle's pg_attribute by ./generate-data.ts; do not
 * edit by hand.
 * Postgres counterpart: src/include/catalog/pg_*.h, src/backend/catalog/system_views.sql, information_schema.sql.
 * Known gaps: relations with columns of types fauxgres lacks (pg_lsn, inet, anyarray, pg_ndistinct,
 * ...) are left out: ${skipped.join(', ')}.
 */

/** [oid, name, namespace oid, relkind, row type oid, columns] */
export type RelationShapeRow = readonly [number, string, number, 'r' | 'v', number, string];

export const RELATION_SHAPES: readonly RelationShapeRow[] = [
${out.join('\n')}
];
`;
writeFileSync(join(HERE, 'shapes.ts'), header);
log(out.length, 'relations;', skipped.length, 'skipped:', skipped.join(' '));
}

async function generateBuiltinData(c: pgTypes.Client): Promise<void> {
const typeOids = [...BUILTIN_TYPES, ...BUILTIN_ARRAY_TYPES].map((t) => t.oid).sort((a, b) => a - b);
const types = (await c.query(`select oid, typname, typlen, typbyval, typtype, typcategory, typispreferred, typdelim, typsubscript::oid as typsubscript, typelem, typarray,
  typinput::oid as typinput, typoutput::oid as typoutput, typreceive::oid as typreceive, typsend::oid as typsend, typmodin::oid as typmodin, typmodout::oid as typmodout, typanalyze::oid as typanalyze,
  typalign, typstorage, typcollation, obj_description(oid, 'pg_type') as descr from pg_type where oid = any($1) order by oid`, [typeOids])).rows;
const procOids = new Set<number>();
const lines = types.map((t) => {
  for (const k of ['typsubscript','typinput','typoutput','typreceive','typsend','typmodin','typmodout','typanalyze']) if (Number(t[k])) procOids.add(Number(t[k]));
  return `  [${t.oid}, ${JSON.stringify(t.typname)}, ${t.typlen}, ${t.typbyval}, '${t.typtype}', '${t.typcategory}', ${t.typispreferred}, '${t.typdelim}', ${t.typsubscript}, ${t.typelem}, ${t.typarray}, [${[t.typinput,t.typoutput,t.typreceive,t.typsend,t.typmodin,t.typmodout,t.typanalyze].join(', ')}], '${t.typalign}', '${t.typstorage}', ${t.typcollation}, ${t.descr === null ? 'null' : JSON.stringify(t.descr)}],`;
});
const missing = typeOids.filter((o) => !types.some((t) => t.oid === o));
const opc = (await c.query(`select oid, opcmethod, opcname, opcfamily, opcintype, opcdefault, opckeytype from pg_opclass where opcmethod in (403, 405, 2742, 783) and (opcintype = any($1) or opcintype in (2277, 2283, 3500, 2776, 3831)) order by oid`, [typeOids])).rows;
const opcLines = opc.map((o) => `  [${o.oid}, ${o.opcmethod}, '${o.opcname}', ${o.opcfamily}, ${o.opcintype}, ${o.opcdefault}, ${o.opckeytype}],`);
// function oids for the registry's functions
const sigs: { name: string; args: number[] }[] = [];
for (const [name, list] of allFunctions()) for (const f of list) if (!f.extension) sigs.push({ name, args: [...(f.catalogSignature?.argTypes ?? f.argTypes)] });
for (const [name, list] of allAggregates()) for (const f of list) sigs.push({ name, args: [...(f.catalogSignature?.argTypes ?? f.argTypes)] });
const procs = (await c.query(`select p.oid, p.proname, p.proargtypes::oid[] as args from pg_proc p where p.pronamespace = 11 and p.proname = any($1)`, [sigs.map((s) => s.name)])).rows;
const procMap: string[] = [];
const found = new Set<string>();
for (const s of sigs) {
  const key = `${s.name}(${s.args.join(',')})`;
  const hit = procs.find((p) => p.proname === s.name && p.args.map(Number).join(',') === s.args.join(','));
  if (hit && !found.has(key)) { found.add(key); procMap.push(`  '${key}': ${hit.oid},`); }
}
const extra = (await c.query(`select oid from pg_proc where pronamespace = 11 and proname in ('array_subscript_handler','array_in','array_out','array_recv','array_send','array_typanalyze','record_in','record_out','record_recv','record_send','enum_in','enum_out','enum_recv','enum_send','domain_in','domain_recv','raw_array_subscript_handler')`)).rows;
for (const e of extra) procOids.add(Number(e.oid));
const names = (await c.query(`select oid, proname from pg_proc where oid = any($1) order by oid`, [[...procOids]])).rows;
const procDescr = (await c.query(`select objoid, description from pg_description where classoid = 'pg_proc'::regclass and objsubid = 0 and objoid = any($1) order by objoid`, [procMap.map((l) => Number(l.split(': ')[1].replace(',', '')))])).rows;
const eqops = (await c.query(`select oprleft, oid from pg_operator where oprname = '=' and oprleft = oprright and oprleft = any($1) order by oprleft`, [typeOids])).rows;
const out = `/**
 * Facts about the built-in types, operator classes and functions fauxgres emulates, as Postgres
 * 18's pg_type, pg_opclass and pg_proc hold them (OIDs, storage, I/O function OIDs, descriptions).
 * Generated from the oracle by ./generate-data.ts for the types of src/types/builtin-types.ts and
 * the functions of src/functions/registry.ts; do not edit by hand.
 * Postgres counterpart: src/include/catalog/pg_type.dat, pg_opclass.dat, pg_proc.dat.
 */

/** [oid, typname, typlen, typbyval, typtype, typcategory, typispreferred, typdelim, typsubscript,
 *  typelem, typarray, [typinput, typoutput, typreceive, typsend, typmodin, typmodout, typanalyze],
 *  typalign, typstorage, typcollation, description] */
export type BuiltinTypeFacts = readonly [number, string, number, boolean, string, string, boolean, string, number, number, number, readonly number[], string, string, number, string | null];

export const BUILTIN_TYPE_FACTS: readonly BuiltinTypeFacts[] = [
${lines.join('\n')}
];

/** Names of the functions pg_type refers to (typinput, typoutput, ...), by OID. */
export const TYPE_FUNCTION_NAMES: Readonly<Record<number, string>> = {
${names.map((n) => `  ${n.oid}: '${n.proname}',`).join('\n')}
};

/** [oid, opcmethod, opcname, opcfamily, opcintype, opcdefault, opckeytype] */
export const OPCLASS_FACTS: readonly (readonly [number, number, string, number, number, boolean, number])[] = [
${opcLines.join('\n')}
];

/** OIDs of the \`=\` operator of each built-in type (pg_operator). */
export const EQUALITY_OPERATORS: Readonly<Record<number, number>> = {
${eqops.map((o) => `  ${o.oprleft}: ${o.oid},`).join('\n')}
};

/** Descriptions (pg_description) of the built-in functions, by pg_proc OID. */
export const PROC_DESCRIPTIONS: Readonly<Record<number, string>> = {
${procDescr.map((d) => `  ${d.objoid}: ${JSON.stringify(d.description)},`).join('\n')}
};

/** pg_proc OIDs of the built-in functions and aggregates, by \`name(argument type OIDs)\`. */
export const BUILTIN_PROC_OIDS: Readonly<Record<string, number>> = {
${procMap.join('\n')}
};
`;
writeFileSync(join(HERE, 'builtin-data.ts'), out);
log(types.length, 'types, missing', missing, opc.length, 'opclasses', procMap.length, 'of', sigs.length, 'procs');
}

async function generateSettings(c: pgTypes.Client): Promise<void> {
// Every setting of Postgres 18. The default is what a standard installation shows: the value
// initdb writes into postgresql.conf (source 'configuration file'), else the boot value; the
// oracle's own command-line settings (fsync off, its port) are not defaults.
// Values computed at startup (wal_buffers, max_stack_depth) are taken as the server shows them;
// paths of the oracle's data directory are not recorded.
const shown = new Map((await c.query<{ name: string; setting: string }>('show all')).rows.map((r) => [r.name, r.setting]));
const local = new Set(['config_file', 'data_directory', 'hba_file', 'ident_file', 'application_name']);
const rows = (await c.query(`select name, unit, category, short_desc, extra_desc, context, vartype, min_val, max_val, enumvals, boot_val, source,
  case when source = 'configuration file' then reset_val when source in ('default', 'override') then setting else boot_val end as default_val
  from pg_settings order by name`)).rows;
for (const r of rows) {
  if (local.has(r.name)) r.default_val = r.boot_val;
  r.shown = ['default', 'override', 'configuration file'].includes(r.source) && !local.has(r.name) ? shown.get(r.name) : null;
}
const lines = rows.map((r) => `  [${[r.name, r.unit, r.category, r.short_desc, r.extra_desc, r.context, r.vartype, r.min_val, r.max_val].map((v) => JSON.stringify(v)).join(', ')}, ${r.enumvals === null ? 'null' : JSON.stringify(r.enumvals)}, ${JSON.stringify(r.boot_val)}, ${JSON.stringify(r.default_val)}, ${JSON.stringify(r.shown ?? null)}],`);
writeFileSync(join(HERE, 'settings-data.ts'), `/**
 * pg_settings metadata of every Postgres 18 setting (unit, category, descriptions, context, type,
 * bounds, enum values, boot value, and the default of a standard installation, in the setting's
 * base unit), recorded from Postgres 18's pg_settings by ./generate-data.ts (\`--settings\` for
 * this file alone); current values come from the session (src/session/settings.ts).
 * Postgres counterpart: src/backend/utils/misc/guc_tables.c.
 */

/** [name, unit, category, short_desc, extra_desc, context, vartype, min_val, max_val, enumvals, boot_val, default_val, default as SHOW prints it] */
export type SettingFacts = readonly [string, string | null, string, string, string | null, string, string, string | null, string | null, readonly string[] | null, string | null, string | null, string | null];

export const SETTING_FACTS: readonly SettingFacts[] = [
${lines.join('\n')}
];
`);
log(rows.length, 'settings');
}

async function main(): Promise<void> {
  const { startOracle } = await import('../../conformance/oracle.js');
  const { default: pg } = await import('pg');
  const oracle = await startOracle();
  const c = new pg.Client(oracle.url);
  await c.connect();
  try {
    if (!process.argv.includes('--settings')) {
      await generateShapes(c);
      await generateBuiltinData(c);
    }
    await generateSettings(c);
  } finally {
    await c.end();
    await oracle.stop();
  }
}

if (process.argv[1] && /generate-data\.ts$/.test(process.argv[1])) await main();
