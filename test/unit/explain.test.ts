/**
 * EXPLAIN where fauxgres's plan may legitimately differ from Postgres's (costs decide Postgres's
 * choice; fauxgres runs its own plan): the same EXPLAIN on the oracle and on fauxgres, through the
 * real `pg` client, must agree on the result column (name, type), parse as the same kind of
 * document with Postgres's keys, and EXPLAIN ANALYZE must count the rows the statement returns.
 * The plans that do match Postgres's are in test/regress/sql/explain.sql.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { createTwin, type Twin } from '../harness/twin.js';

const SETUP = `
  create table users (id int primary key, email text not null unique, name text);
  create table posts (id int primary key, user_id int not null references users, created_at int not null, title text);
  create index posts_user_created on posts (user_id, created_at);
  insert into users select g, 'u' || g || '@x.io', 'user ' || g from generate_series(1, 300) g;
  insert into posts select g, g % 50 + 1, g * 7 % 1000, 'post ' || g from generate_series(1, 1500) g;
  analyze users;
  analyze posts;
`;

const QUERIES = [
  'select id, title from posts where user_id = 3 order by created_at desc limit 20',
  'select id, title from posts where user_id = 3 order by created_at limit 5 offset 2',
  'select u.email, count(p.id) from users u join posts p on p.user_id = u.id group by u.email order by 2 desc, 1 limit 5',
  'select * from users u where exists (select 1 from posts p where p.user_id = u.id and p.created_at < 10)',
  'select id from users where id in (1, 2, 3) order by id',
  'select * from (select id, name from users where id < 50) s where id > 40 order by id',
  'select name from users where id = 1 union select name from users where id = 2',
  'select id, row_number() over (order by id desc) from users where id < 10',
  'select max(created_at), min(created_at) from posts',
  'select * from users where id = (select max(id) from users)',
];

/** Keys Postgres writes on every plan node of FORMAT JSON, COSTS OFF. */
const NODE_KEYS = ['Node Type', 'Parallel Aware', 'Async Capable', 'Disabled'];

interface JsonNode {
  [k: string]: unknown;
  Plans?: JsonNode[];
}

function walk(n: JsonNode, f: (n: JsonNode) => void): void {
  f(n);
  for (const c of n.Plans ?? []) walk(c, f);
}

describe('EXPLAIN against the oracle (structure)', () => {
  let twin: Twin;
  let oracle: pg.Client;
  let faux: pg.Client;
  beforeAll(async () => {
    twin = await createTwin('explain_structure', SETUP);
    oracle = new pg.Client(twin.oracleUrl);
    await oracle.connect();
    const { Client } = twin.db.pg();
    faux = new Client() as unknown as pg.Client;
    await faux.connect();
  });
  afterAll(async () => {
    await faux?.end();
    await oracle?.end();
    await twin?.close();
  });

  it.each(QUERIES)('FORMAT JSON has the same column and keys: %s', async (q) => {
    const sql = `explain (format json, costs off) ${q}`;
    const [a, b] = await Promise.all([oracle.query(sql), faux.query(sql)]);
    expect(b.fields.map((f) => [f.name, f.dataTypeID])).toEqual(a.fields.map((f) => [f.name, f.dataTypeID]));
    expect(b.fields[0].dataTypeID).toBe(114);
    expect(b.rows).toHaveLength(1);
    const doc = b.rows[0]['QUERY PLAN'] as { Plan: JsonNode }[];
    expect(Array.isArray(doc)).toBe(true);
    expect(Object.keys(doc[0])).toEqual(Object.keys((a.rows[0]['QUERY PLAN'] as object[])[0]));
    walk(doc[0].Plan, (n) => {
      for (const k of NODE_KEYS) expect(n).toHaveProperty(k);
      if (/Scan$/.test(String(n['Node Type'])) && n['Node Type'] !== 'Function Scan' && n['Node Type'] !== 'CTE Scan' && n['Node Type'] !== 'Subquery Scan') {
        expect(n).toHaveProperty('Relation Name');
        expect(n).toHaveProperty('Alias');
      }
      if (n !== doc[0].Plan) expect(n).toHaveProperty('Parent Relationship');
    });
  });

  it.each(QUERIES)('EXPLAIN ANALYZE counts the rows the query returns: %s', async (q) => {
    const sql = `explain (analyze, format json, costs off, timing off, buffers off) ${q}`;
    const [a, b, ra, rb] = await Promise.all([oracle.query(sql), faux.query(sql), oracle.query(q), faux.query(q)]);
    expect(rb.rowCount).toBe(ra.rowCount);
    const top = (r: pg.QueryResult) => (r.rows[0]['QUERY PLAN'] as ({ Plan: JsonNode } & Record<string, unknown>)[])[0];
    expect(Number(top(a).Plan['Actual Rows'])).toBe(ra.rowCount);
    expect(Number(top(b).Plan['Actual Rows'])).toBe(rb.rowCount);
    expect(Object.keys(top(b))).toEqual(Object.keys(top(a)));
    expect(typeof top(b)['Planning Time']).toBe('number');
    expect(typeof top(b)['Execution Time']).toBe('number');
  });

  it('text format: one row per line, costs and actual times in Postgres layout', async () => {
    const q = 'explain analyze select id, title from posts where user_id = 3 order by created_at desc limit 20';
    const [a, b] = await Promise.all([oracle.query(q), faux.query(q)]);
    expect(b.fields.map((f) => [f.name, f.dataTypeID])).toEqual(a.fields.map((f) => [f.name, f.dataTypeID]));
    const lines = b.rows.map((r) => r['QUERY PLAN'] as string);
    expect(lines[0]).toMatch(/^Limit {2}\(cost=\d+\.\d\d\.\.\d+\.\d\d rows=\d+ width=\d+\) \(actual time=\d+\.\d{3}\.\.\d+\.\d{3} rows=20\.00 loops=1\)$/);
    expect(lines[1]).toMatch(/^ {2}->  /);
    expect(lines.at(-2)).toMatch(/^Planning Time: \d+\.\d{3} ms$/);
    expect(lines.at(-1)).toMatch(/^Execution Time: \d+\.\d{3} ms$/);
  });

  it('YAML and Describe of EXPLAIN', async () => {
    const q = { text: 'explain (format yaml, costs off) select * from users where id = $1', values: [5] };
    const [a, b] = await Promise.all([oracle.query(q), faux.query(q)]);
    expect(b.fields.map((f) => [f.name, f.dataTypeID])).toEqual(a.fields.map((f) => [f.name, f.dataTypeID]));
    // (Postgres may seq-scan here: its cost guess; the document's shape is what must agree.)
    expect(b.rows).toHaveLength(1);
    const lines = (r: pg.QueryResult) => String(r.rows[0]['QUERY PLAN']).split('\n');
    expect(lines(b)[0]).toBe('- Plan: ');
    expect(lines(b).map((l) => l.replace(/:.*/, ':'))).toEqual(expect.arrayContaining(['    Node Type:', '    Relation Name:', '    Alias:', '    Disabled:']));
  });

  it('EXPLAIN ANALYZE of DML changes the data and reports the rows', async () => {
    const sql = 'explain (analyze, format json, costs off, timing off, buffers off) update posts set title = title || \'!\' where user_id = 4 returning id';
    await oracle.query('begin');
    await faux.query('begin');
    const [a, b] = await Promise.all([oracle.query(sql), faux.query(sql)]);
    const top = (r: pg.QueryResult) => (r.rows[0]['QUERY PLAN'] as { Plan: JsonNode }[])[0].Plan;
    expect(top(b)['Node Type']).toBe('ModifyTable');
    expect(top(b)['Operation']).toBe('Update');
    expect(top(b)['Actual Rows']).toBe(top(a)['Actual Rows']);
    const check = "select count(*)::int as n from posts where title like '%!'";
    const [ca, cb] = await Promise.all([oracle.query(check), faux.query(check)]);
    expect(cb.rows).toEqual(ca.rows);
    expect(cb.rows[0].n).toBe(30);
    await oracle.query('rollback');
    await faux.query('rollback');
  });
});
