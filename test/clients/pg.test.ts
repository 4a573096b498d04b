/**
 * node-postgres against fauxgres in memory (`db.pg()`), compared with the same calls on the oracle:
 * results (rows as pg's own parsers build them, fields, rowCount, command), error objects, pools,
 * transactions across calls, named statements, rowMode, custom type parsers and pg-cursor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { createTwin, type Twin } from '../harness/twin.js';

const SETUP = `
  create table accounts (id int generated always as identity primary key, email text unique not null, balance numeric(12,2) not null default 0 check (balance >= 0), created timestamptz not null default '2024-01-01 00:00:00+00', tags text[], profile jsonb, big bigint, born date, active boolean default true, avatar bytea);
  create table transfers (id bigserial primary key, source int not null references accounts, target int not null references accounts, amount numeric(12,2) not null check (amount > 0));
  insert into accounts (email, balance, tags, profile, big, born, avatar) values
    ('ann@example.com', 100.00, '{vip,early}', '{"plan": "pro", "n": [1, 2.5]}', 9007199254740993, '1990-05-17', '\\x0102'),
    ('bob@example.com', 20.50, '{}', null, -1, null, null),
    ('cyd@example.com', 0, null, '{"plan": "free"}', null, '2000-02-29', '\\x');
`;

let twin: Twin;
type AnyClient = pg.Client;
const ERROR_FIELDS = ['name', 'message', 'code', 'severity', 'detail', 'hint', 'position', 'internalPosition', 'internalQuery', 'where', 'schema', 'table', 'column', 'dataType', 'constraint'] as const;

/** What a query produced, in a form that can be compared across servers (table OIDs differ). */
function outcome(r: pg.QueryResult | pg.QueryResult[]): unknown {
  if (Array.isArray(r)) return r.map(outcome);
  return {
    command: r.command,
    rowCount: r.rowCount,
    rows: r.rows,
    fields: r.fields.map((f) => ({ ...f, tableID: f.tableID ? 'rel' : 0 })),
  };
}

function errorOutcome(e: unknown): unknown {
  const err = e as Record<string, unknown>;
  if (!(e instanceof Error) || !('code' in err)) throw e;
  const out: Record<string, unknown> = { class: e.constructor.name };
  for (const k of ERROR_FIELDS) if (err[k] !== undefined) out[k] = err[k];
  return out;
}

async function settle<T>(p: Promise<T>, map: (v: T) => unknown): Promise<unknown> {
  try {
    return map(await p);
  } catch (e) {
    return { error: errorOutcome(e) };
  }
}

/** Runs `script` with a connected client on the oracle and on fauxgres; returns both outcomes. */
async function both(script: (c: AnyClient) => Promise<unknown>): Promise<[unknown, unknown]> {
  const o = new pg.Client(twin.oracleUrl);
  await o.connect();
  const { Client } = twin.db.pg();
  const f = new Client({ database: twin.name }) as AnyClient;
  await f.connect();
  try {
    return [await script(o), await script(f)];
  } finally {
    await o.end();
    await f.end();
  }
}

async function expectSame(script: (c: AnyClient) => Promise<unknown>): Promise<void> {
  const [expected, actual] = await both(script);
  expect(actual).toEqual(expected);
}

beforeAll(async () => {
  twin = await createTwin('clients_pg', SETUP);
});

afterAll(async () => {
  await twin?.close();
});

describe('pg.Client', () => {
  it('returns the same rows, fields and counts for plain and parameterized queries', async () => {
    await expectSame(async (c) => [
      outcome(await c.query('select * from accounts order by id')),
      outcome(await c.query('select id, email from accounts where balance > $1 and email like $2 order by id', [10, '%@example.com'])),
      outcome(await c.query('select $1::int8 as big, $2::numeric as n, $3::timestamptz as t, $4::jsonb as j, $5::text[] as a, $6::bytea as b, $7::date as d, $8::bool as f', ['9007199254740993', '1.10', new Date('2024-03-04T05:06:07.089Z'), { k: [1, 'x'] }, ['a', null, 'b"c'], Buffer.from([1, 2, 255]), '2024-01-31', true])),
      outcome(await c.query('select count(*), sum(balance), avg(balance), max(created), array_agg(email order by email) from accounts')),
      outcome(await c.query("select 1 as a, 'x' as a, null as n, 1.5::float8 as f, interval '1 day 02:03:04' as i, '12:34:56.789'::time as t")),
      outcome(await c.query('select $1 as untyped', ['hello'])),
      outcome(await c.query(`select amname, current_database() = $1 as same_db, '${twin.name}.pg_catalog.pg_class'::regclass as rel from ${twin.name}.pg_catalog.pg_am where amname = 'heap'`, [twin.name])),
    ]);
  });

  it('returns record and composite columns (text format, RowDescription type OIDs)', async () => {
    const userOid = (r: pg.QueryResult) => ({ ...(outcome(r) as object), fields: r.fields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID >= 16384 ? 'user' : f.dataTypeID })) });
    await expectSame(async (c) => {
      await c.query('create type pg_client_price as (amount numeric(12,2), currency text)');
      try {
        return [
          userOid(await c.query("select row(1, 'a b', null) as r, (2.5, 'EUR')::pg_client_price as p, array[row(1, 2)] as ra, a from accounts a where id = 1")),
          userOid(await c.query('select $1::pg_client_price as p, ($1::pg_client_price).amount as amount', ['(3,USD)'])),
          userOid(await c.query('select * from json_to_record($1) as x(id int, email text)', ['{"id": 7, "email": "x@example.com"}'])),
        ];
      } finally {
        await c.query('drop type pg_client_price');
      }
    });
  });

  it('reports INSERT/UPDATE/DELETE counts and RETURNING rows', async () => {
    await expectSame(async (c) => {
      const out = [
        outcome(await c.query('insert into accounts (email, balance) values ($1, $2), ($3, $4) returning id > 0 as has_id, email, balance', ['dee@example.com', 5, 'eve@example.com', 6])),
        outcome(await c.query('update accounts set balance = balance + 1 where email in ($1, $2)', ['dee@example.com', 'eve@example.com'])),
        outcome(await c.query('delete from accounts where email in ($1, $2) returning email', ['dee@example.com', 'eve@example.com'])),
        outcome(await c.query('delete from accounts where false')),
      ];
      return out;
    });
  });

  it('reports MERGE counts and RETURNING rows, with parameters and in the simple protocol', async () => {
    await expectSame(async (c) => {
      const merge = `merge into accounts a using (values ($1::text, $2::numeric), ($3, $4)) as v(email, amount) on a.email = v.email
        when matched then update set balance = a.balance + v.amount
        when not matched then insert (email, balance) values (v.email, v.amount)
        returning merge_action() as action, a.email, a.balance`;
      const sortRows = (r: pg.QueryResult) => ({ ...(outcome(r) as object), rows: [...r.rows].sort((x, y) => String(x.email).localeCompare(String(y.email))) });
      const out = [
        sortRows(await c.query(merge, ['ann@example.com', 1, 'mia@example.com', 2])),
        outcome(await c.query("merge into accounts a using (select 'mia@example.com' as email) s on a.email = s.email when matched then delete")),
        outcome(await c.query("merge into accounts a using (select 'nobody' as email) s on a.email = s.email when matched then delete")),
        outcome(await c.query({ text: "merge into accounts a using (select 'ann@example.com' as email) s on a.email = s.email when matched then update set balance = a.balance - 1 returning a.balance", rowMode: 'array' })),
      ];
      return out;
    });
  });

  it('produces the same error objects, and the client keeps working after each', async () => {
    await expectSame(async (c) => {
      const out: unknown[] = [];
      const attempts: [string, unknown[]?][] = [
        ['insert into accounts (email) values ($1)', ['ann@example.com']],
        ['insert into accounts (email, balance) values ($1, $2)', ['neg@example.com', -1]],
        ['insert into accounts (id, email) values (1, $1)', ['x@example.com']],
        ['insert into transfers (source, target, amount) values (1, 999, 1)'],
        ['select * from no_such_table'],
        ['select nope from accounts'],
        ['selec 1'],
        ['select $1::int', ['abc']],
        ['select 1/0'],
        ['update accounts set email = null where id = 1'],
        ['select * from accounts where id = $1', []],
      ];
      for (const [sql, values] of attempts) {
        out.push(await settle(c.query(sql, values), outcome));
        out.push(outcome(await c.query('select 1 as ok')));
      }
      return out;
    });
  });

  it('keeps a transaction across calls: rollback, failed block, savepoints', async () => {
    await expectSame(async (c) => {
      const out: unknown[] = [];
      await c.query('begin');
      await c.query("insert into accounts (email) values ('tx@example.com')");
      out.push(outcome(await c.query("select count(*) from accounts where email = 'tx@example.com'")));
      await c.query('rollback');
      out.push(outcome(await c.query("select count(*) from accounts where email = 'tx@example.com'")));
      await c.query('begin');
      out.push(await settle(c.query('select 1/0'), outcome));
      out.push(await settle(c.query('select 1'), outcome));
      out.push(outcome(await c.query('rollback')));
      await c.query('begin');
      await c.query("insert into accounts (email) values ('sp1@example.com')");
      await c.query('savepoint a');
      await c.query("insert into accounts (email) values ('sp2@example.com')");
      out.push(await settle(c.query("insert into accounts (email) values ('sp2@example.com')"), outcome));
      await c.query('rollback to savepoint a');
      out.push(outcome(await c.query("select email from accounts where email like 'sp%' order by email")));
      out.push(outcome(await c.query('commit')));
      out.push(outcome(await c.query("delete from accounts where email like 'sp%'")));
      return out;
    });
  });

  it('runs several statements in one simple query and returns one result each', async () => {
    await expectSame(async (c) => outcome((await c.query('select 1 as a; select 2 as b, 3 as c; update accounts set active = active where false')) as unknown as pg.QueryResult[]));
  });

  it('supports rowMode array, named statements and custom type parsers', async () => {
    await expectSame(async (c) => {
      const out: unknown[] = [];
      out.push(outcome(await c.query({ text: 'select id, email, balance from accounts order by id', rowMode: 'array' })));
      for (const id of [1, 2, 3, 1]) out.push(outcome(await c.query({ name: 'by-id', text: 'select email from accounts where id = $1', values: [id] })));
      const types = { getTypeParser: (oid: number, format?: string) => (oid === 1700 ? (v: string) => `num:${v}` : pg.types.getTypeParser(oid, format as 'text')) };
      out.push(outcome(await c.query({ text: 'select balance, id from accounts order by id', types })));
      return out;
    });
  });

  it('prints columns in DataRows as Postgres does: ints, text, timestamp(tz) in every DateStyle and several zones', async () => {
    // Deterministic generated values: timestamps from year 900 to 10100 (and BC, infinity) with
    // 0-6 fraction digits, ints at the type bounds, ASCII / non-ASCII / long text.
    let seed = 12345;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const two = (n: number) => String(n).padStart(2, '0');
    const stamps: string[] = ['infinity', '-infinity', '0044-03-15 10:00:00 BC', '0999-12-31 23:59:59.999999', '1000-01-01 00:00:00', '9999-12-31 23:59:59.5', '1715-06-01 12:00:00', '2285-06-05 00:51:22.228989'];
    for (let i = 0; i < 60; i++) {
      const year = i < 20 ? 1990 + rand(50) : 900 + rand(9300);
      const frac = rand(7) === 0 ? '' : '.' + String(rand(1_000_000)).padStart(6, '0').slice(0, 1 + rand(6));
      stamps.push(`${String(year).padStart(4, '0')}-${two(1 + rand(12))}-${two(1 + rand(28))} ${two(rand(24))}:${two(rand(60))}:${two(rand(60))}${frac}`);
    }
    const ints = [0, 1, -1, 9, 10, -10, 99, 100, 32767, -32768, 2147483647, -2147483648, 1000000, -999999999];
    const texts = ['', 'a', 'pending', 'héllo wörld', 'emoji 😀 here', 'x'.repeat(63), 'y'.repeat(64), 'z'.repeat(65) + 'é', "quote ' and \\ backslash"];
    const raw = { getTypeParser: () => (v: string) => v };
    await expectSame(async (c) => {
      const out: unknown[] = [];
      for (const [zone, style] of [['UTC', 'ISO, MDY'], ['America/New_York', 'ISO, MDY'], ['Asia/Kolkata', 'ISO, DMY'], ['Australia/Lord_Howe', 'SQL, DMY'], ['+05:30', 'Postgres, MDY'], ['Europe/London', 'German']]) {
        await c.query(`set timezone = '${zone}'`);
        await c.query(`set datestyle = '${style}'`);
        const sql = 'select s::timestamptz as tz, s::timestamp as ts, s::timestamptz::date as d from unnest($1::text[]) as s';
        out.push((await c.query({ text: sql, values: [stamps], rowMode: 'array', types: raw } as pg.QueryConfig)).rows);
        out.push((await c.query({ text: 'select i::int4, (i % 32767)::int2 as i2, (i::int8 * 3) as i8, i::oid::int4 as o from unnest($1::int[]) as i', values: [ints], rowMode: 'array', types: raw } as pg.QueryConfig)).rows);
        out.push((await c.query({ text: 'select t, t::varchar(70), t::char(3), t::name from unnest($1::text[]) as t', values: [texts], rowMode: 'array', types: raw } as pg.QueryConfig)).rows);
      }
      return out;
    });
  });

  it('streams through pg-cursor in batches', async () => {
    await expectSame(async (c) => {
      const cursor = c.query(new Cursor('select g, g * 2 as d from generate_series(1, $1::int) g', [7]));
      const batches: unknown[] = [];
      for (;;) {
        const rows = await cursor.read(3);
        batches.push(rows);
        if (rows.length === 0) break;
      }
      await cursor.close();
      return batches;
    });
  });

  it('delivers notices', async () => {
    await expectSame(async (c) => {
      const notices: unknown[] = [];
      c.on('notice', (n) => notices.push({ message: n.message, severity: n.severity, code: n.code }));
      await c.query('drop table if exists not_there');
      await new Promise((r) => setTimeout(r, 20));
      return notices;
    });
  });
});

describe('LISTEN / NOTIFY through pg', () => {
  it("emits the client's notification events like Postgres", async () => {
    const run = async (make: () => pg.Client) => {
      const listener = make();
      const sender = make();
      await listener.connect();
      await sender.connect();
      const got: unknown[] = [];
      listener.on('notification', (n) => got.push({ channel: n.channel, payload: n.payload, fromSender: n.processId === (sender as unknown as { processID: number }).processID }));
      await listener.query('listen jobs');
      await sender.query("notify jobs, 'one'");
      await sender.query("select pg_notify('jobs', 'two'), pg_notify('other', 'x')");
      await sender.query('begin');
      await sender.query("notify jobs, 'three'");
      await sender.query('rollback');
      await new Promise((r) => setTimeout(r, 50));
      await listener.end();
      await sender.end();
      return got;
    };
    const { Client } = twin.db.pg();
    const expected = await run(() => new pg.Client(twin.oracleUrl));
    const actual = await run(() => new Client() as pg.Client);
    expect(actual).toEqual(expected);
  });

  it('emits notification events on db.connect() sessions', async () => {
    const a = await twin.db.connect();
    const b = await twin.db.connect();
    const got: unknown[] = [];
    a.on('notification', (n) => got.push(n));
    await a.query('listen ping');
    await b.query("notify ping, 'hello'");
    await a.close();
    await b.close();
    expect(got).toEqual([{ processId: b.session.pid, channel: 'ping', payload: 'hello' }]);
  });
});

describe('pg.Pool', () => {
  it('gives each pooled connection its own session', async () => {
    const { Pool } = twin.db.pg();
    const pool = new Pool({ max: 4 });
    const a = await pool.connect();
    const b = await pool.connect();
    await a.query('begin');
    await a.query("insert into accounts (email) values ('pool@example.com')");
    const seenByB = await b.query("select count(*)::int as n from accounts where email = 'pool@example.com'");
    const seenByA = await a.query("select count(*)::int as n from accounts where email = 'pool@example.com'");
    await a.query('rollback');
    a.release();
    b.release();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.query('select $1::int * 2 as v', [i])));
    await pool.end();
    expect({ b: seenByB.rows[0].n, a: seenByA.rows[0].n, doubled: results.map((r) => r.rows[0].v) }).toEqual({
      b: 0,
      a: 1,
      doubled: Array.from({ length: 20 }, (_, i) => i * 2),
    });
  });
});
