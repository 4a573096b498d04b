/**
 * postgres.js against fauxgres in memory (`db.postgres()`), compared with the same calls on the
 * oracle: tagged queries with parameters of many types, its type fetching at connect, `sql.begin`
 * transactions with savepoints, dynamic helpers, errors, `unsafe` multi-statement queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import postgres from 'postgres';
import { createTwin, type Twin } from '../harness/twin.js';

const SETUP = `
  create table posts (id serial primary key, title text not null unique, body text, score numeric(6,2) default 0, tags text[] not null default '{}', meta jsonb, published timestamptz, views bigint default 0);
  insert into posts (title, body, score, tags, meta, published, views) values
    ('hello', 'first post', 4.5, '{intro,misc}', '{"lang": "en"}', '2024-05-01 10:00:00+00', 12),
    ('again', null, 0, '{}', null, null, 9007199254740993);
`;

let twin: Twin;
type Sql = ReturnType<typeof postgres>;

function errorOutcome(e: unknown): unknown {
  const err = e as Record<string, unknown>;
  if (!(e instanceof Error) || !('code' in err)) throw e;
  const out: Record<string, unknown> = { class: e.constructor.name, message: e.message };
  for (const k of ['code', 'severity', 'detail', 'hint', 'position', 'where', 'schema_name', 'table_name', 'column_name', 'constraint_name']) {
    if (err[k] !== undefined) out[k] = err[k];
  }
  return out;
}

async function settle(p: Promise<unknown>): Promise<unknown> {
  try {
    return rows(await p);
  } catch (e) {
    return { error: errorOutcome(e) };
  }
}

/** A postgres.js result as plain data: the rows plus count and command. */
function rows(r: unknown): unknown {
  const res = r as unknown[] & { count?: number; command?: string; columns?: { name: string; type: number }[] };
  if (!Array.isArray(res)) return r;
  return { rows: [...res], count: res.count, command: res.command, columns: res.columns?.map((c) => ({ name: c.name, type: c.type })) };
}

async function both(script: (sql: Sql) => Promise<unknown>): Promise<[unknown, unknown]> {
  const o = postgres(twin.oracleUrl, { max: 2, onnotice: () => {} });
  const f = twin.db.postgres({ max: 2, onnotice: () => {} }) as Sql;
  try {
    return [await script(o), await script(f)];
  } finally {
    await o.end();
    await f.end();
  }
}

beforeAll(async () => {
  twin = await createTwin('clients_postgres_js', SETUP);
});

afterAll(async () => {
  await twin?.close();
});

describe('postgres.js', () => {
  it('answers tagged queries with the same rows, types and counts', async () => {
    const [expected, actual] = await both(async (sql) => [
      rows(await sql`select * from posts order by id`),
      rows(await sql`select id, title from posts where score >= ${1} and title = any(${['hello', 'x']}) order by id`),
      rows(await sql`select ${1}::int as i, ${'9007199254740993'}::int8 as b, ${1.25}::numeric as n, ${new Date('2024-01-02T03:04:05.678Z')}::timestamptz as t, ${sql.json({ a: [1, 2] })} as j, ${true} as f, ${null}::text as z`),
      rows(await sql`insert into posts ${sql({ title: 'new', tags: ['a', 'b'], meta: { k: 'v' } }, 'title', 'tags', 'meta')} returning title, tags, meta`),
      rows(await sql`update posts set views = views + 1 where title in ${sql(['new', 'hello'])}`),
      rows(await sql`delete from posts where title = ${'new'} returning id > 0 as had_id`),
    ]);
    expect(actual).toEqual(expected);
  });

  it('commits and rolls back sql.begin transactions, with savepoints', async () => {
    const [expected, actual] = await both(async (sql) => {
      const out: unknown[] = [];
      out.push(
        await sql.begin(async (tx) => {
          await tx`insert into posts (title) values ('tx1')`;
          await tx.savepoint(async (sp) => {
            await sp`insert into posts (title) values ('tx2')`;
          });
          try {
            await tx.savepoint(async (sp) => {
              await sp`insert into posts (title) values ('tx3')`;
              await sp`insert into posts (title) values ('tx1')`;
            });
          } catch (e) {
            out.push({ inner: errorOutcome(e) });
          }
          return rows(await tx`select title from posts where title like 'tx%' order by title`);
        }),
      );
      out.push(
        await settle(
          sql.begin(async (tx) => {
            await tx`insert into posts (title) values ('rolled')`;
            await tx`select 1/0`;
          }),
        ),
      );
      out.push(rows(await sql`select title from posts where title like 'tx%' or title = 'rolled' order by title`));
      await sql`delete from posts where title like 'tx%'`;
      return out;
    });
    expect(actual).toEqual(expected);
  });

  it('raises the same errors and keeps the connection usable', async () => {
    const [expected, actual] = await both(async (sql) => [
      await settle(sql`insert into posts (title) values (${'hello'})`),
      await settle(sql`insert into posts (title) values (${null})`),
      await settle(sql`select * from nowhere`),
      await settle(sql`select ${'abc'}::int`),
      rows(await sql`select 1 as still_ok`),
    ]);
    expect(actual).toEqual(expected);
  });

  it('runs unsafe multi-statement text with the simple protocol', async () => {
    const [expected, actual] = await both(async (sql) => {
      const r = (await sql.unsafe('select 1 as a; select 2 as b')) as unknown as unknown[];
      return r.map(rows);
    });
    expect(actual).toEqual(expected);
  });
});
