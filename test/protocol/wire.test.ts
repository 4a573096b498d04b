/**
 * The wire protocol, message by message: the same frontend message sequences go to the oracle
 * (TCP) and to fauxgres (in-memory socket); the decoded backend messages must be equal (except
 * BackendKeyData values, table OIDs in RowDescription, and the F/L/R source-location fields of
 * errors, which name Postgres's C source).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fe, WireClient, type BackendMessage } from '../harness/wire.js';
import { createTwin, type Twin } from '../harness/twin.js';

const SETUP = `
  create table items (id int primary key, name text not null, price numeric(10,2), tags text[], made timestamptz, meta jsonb, flag boolean, big bigint, day date, u uuid, raw bytea);
  insert into items values
    (1, 'apple', 1.50, '{red,fruit}', '2024-01-02 03:04:05.123456+00', '{"a": 1}', true, 9007199254740993, '2024-02-29', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\xdeadbeef'),
    (2, 'pear', 2.25, '{}', null, '[1, 2]', false, -5, '1999-12-31', null, null),
    (3, 'plum', null, null, '1970-01-01 00:00:00+00', null, null, 0, null, null, ''),
    (4, 'kiwi', 0.10, '{"a b",NULL}', '2000-01-01 00:00:00+00', '{}', true, 1, '2000-01-01', null, '\\x00'),
    (5, 'fig', 99999999.99, '{x}', '2038-01-19 03:14:08+00', 'null', false, 2, '0044-03-15', null, null);
`;

type Step = { send: Buffer[]; ready?: number };

let twin: Twin;

async function run(client: WireClient, steps: Step[]): Promise<BackendMessage[][]> {
  const out: BackendMessage[][] = [];
  for (const s of steps) {
    client.send(...s.send);
    out.push(await client.untilReady(s.ready ?? 1));
  }
  return out;
}

async function connectBoth(params: Record<string, string> = {}): Promise<[WireClient, WireClient, BackendMessage[], BackendMessage[]]> {
  const u = new URL(twin.oracleUrl);
  const startup = { user: 'postgres', database: twin.name, ...params };
  const o = await WireClient.tcp(twin.oracleUrl);
  const os = await o.startup(startup, decodeURIComponent(u.password));
  const f = new WireClient(twin.db.server().socket());
  const fs = await f.startup(startup);
  return [o, f, os, fs];
}

/** Runs the steps on both and expects the same messages. */
async function same(steps: Step[], params: Record<string, string> = {}): Promise<BackendMessage[][]> {
  const [o, f] = await connectBoth(params);
  try {
    const expected = await run(o, steps);
    const actual = await run(f, steps);
    expect(actual).toEqual(expected);
    return actual;
  } finally {
    o.end();
    f.end();
  }
}

beforeAll(async () => {
  twin = await createTwin('wire_protocol', SETUP);
});

afterAll(async () => {
  await twin?.close();
});

describe('startup', () => {
  it('reports the same parameters, in the same order, then BackendKeyData and ReadyForQuery', async () => {
    const [o, f, os, fs] = await connectBoth({ application_name: 'wire-test', options: '-c search_path=public,pg_catalog --DateStyle=German' });
    o.end();
    f.end();
    expect(fs.filter((m) => m.type !== 'R')).toEqual(os.filter((m) => m.type !== 'R'));
    expect(fs.map((m) => m.type)).toEqual(['R', ...os.filter((m) => m.type !== 'R').map((m) => m.type)]);
  });

  it('answers SSLRequest with N and then accepts a normal startup', async () => {
    const f = new WireClient(twin.db.server().socket());
    expect(await f.sslRequest()).toBe('N');
    const msgs = await f.startup({ user: 'postgres', database: 'x' });
    expect(msgs[msgs.length - 1]).toEqual({ type: 'Z', status: 'I' });
    f.end();
  });

  it('rejects an unknown setting in the startup packet as Postgres does', async () => {
    const [o, f, os, fs] = await connectBoth({ no_such_setting: '1' });
    o.end();
    f.end();
    expect(fs.filter((m) => m.type === 'E')).toEqual(os.filter((m) => m.type === 'E'));
  });
});

describe('simple query protocol', () => {
  it('runs several statements, reporting each, with one implicit transaction', async () => {
    await same([
      { send: [fe.query('select id, name from items order by id limit 2; select count(*) from items; select')] },
      { send: [fe.query('')] },
      { send: [fe.query('  -- only a comment\n')] },
      { send: [fe.query('create table t1 (a int); insert into t1 values (1), (2); insert into t1 values (1/0); ')] },
      { send: [fe.query('select * from t1')] },
      { send: [fe.query('select 1; select nope; select 2')] },
    ]);
  });

  it('reports transaction status I, T and E and recovers with ROLLBACK', async () => {
    await same([
      { send: [fe.query('begin')] },
      { send: [fe.query('insert into items (id, name) values (100, $$x$$) returning id, name')] },
      // An error while the query runs comes after its RowDescription. (Postgres folds constant
      // expressions while planning, so `select 1/0` would fail before it; fauxgres does not fold yet.)
      { send: [fe.query('select 1/(id - id) from items')] },
      { send: [fe.query('select 1')] },
      { send: [fe.query('rollback')] },
      { send: [fe.query('select count(*) from items')] },
    ]);
  });

  it('sends every value of the common types in text format', async () => {
    await same([{ send: [fe.query('select * from items order by id')] }]);
  });

  it('sends notices and reports changed parameters before ReadyForQuery', async () => {
    await same([
      { send: [fe.query('drop table if exists no_such_table')] },
      { send: [fe.query("set timezone = 'America/New_York'; set application_name = 'changed'")] },
      { send: [fe.query("select '2024-01-01 12:00+00'::timestamptz")] },
      { send: [fe.query('set datestyle = sql, dmy')] },
      { send: [fe.query('begin; set local search_path = pg_catalog; commit')] },
    ]);
  });

  it('reports syntax errors with their position and runs nothing of the string', async () => {
    await same([
      { send: [fe.query('create table t2 (a int); selec 1')] },
      { send: [fe.query('select * from t2')] },
    ]);
  });
});

describe('extended query protocol', () => {
  it('parses, describes, binds and executes with inferred parameter types', async () => {
    await same([
      {
        send: [
          fe.parse('', 'select id, name, price from items where id = $1 and name <> $2'),
          fe.describe('S', ''),
          fe.bind('', '', ['1', 'x']),
          fe.describe('P', ''),
          fe.execute('', 0),
          fe.sync(),
        ],
      },
      { send: [fe.parse('', 'select $1::int + $2 as s', [0, 20]), fe.describe('S', ''), fe.bind('', '', ['1', '2']), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'insert into items (id, name) values ($1, $2)'), fe.describe('S', ''), fe.bind('', '', ['200', 'new']), fe.describe('P', ''), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'update items set price = $1 where id = $2 returning id, price'), fe.describe('S', ''), fe.bind('', '', ['3.333', '200']), fe.describe('P', ''), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'delete from items where id = $1'), fe.bind('', '', ['200']), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'show timezone'), fe.describe('S', ''), fe.bind('', '', []), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'create table t3 (a int)'), fe.describe('S', ''), fe.bind('', '', []), fe.describe('P', ''), fe.execute(''), fe.sync()] },
    ]);
  });

  it('describes a repeated identical Parse or simple query anew after DDL, SET search_path, in a failed transaction and after ROLLBACK', async () => {
    const P = () => fe.parse('', 'select * from pc where a = $1');
    const run = (v: string): Step => ({ send: [P(), fe.describe('S', ''), fe.bind('', '', [v]), fe.describe('P', ''), fe.execute(''), fe.sync()] });
    const q = (sql: string, ready = 1): Step => ({ send: [fe.query(sql)], ready });
    await same([
      q('create table pc (a int, b text); insert into pc values (1, \'one\'), (2, \'two\')'),
      run('1'),
      run('2'),
      q('select * from pc order by a'),
      q('alter table pc add column c int default 7'),
      run('1'),
      q('select * from pc order by a'),
      q('alter table pc alter column a type bigint'),
      run('2'),
      q('create schema s2; create table s2.pc (a text, z int); insert into s2.pc values (\'1\', 9)'),
      run('1'),
      q('select * from pc order by a'),
      q('set search_path = s2, public'),
      run('1'),
      q('select * from pc order by a'),
      q('reset search_path'),
      run('1'),
      q('begin'),
      run('1'),
      q('alter table pc drop column b'),
      run('1'),
      q('select * from pc order by a'),
      q('rollback'),
      run('1'),
      q('select * from pc order by a'),
      q('begin'),
      q('select 1/(a - a) from pc'),
      run('1'),
      q('select * from pc order by a'),
      q('rollback'),
      run('2'),
      { send: [fe.parse('', "select '2024-01-02 03:04:05'::timestamp as t"), fe.bind('', '', []), fe.describe('P', ''), fe.execute(''), fe.sync()] },
      q("select '2024-01-02 03:04:05'::timestamp as t"),
      q('set datestyle = german'),
      { send: [fe.parse('', "select '2024-01-02 03:04:05'::timestamp as t"), fe.bind('', '', []), fe.describe('P', ''), fe.execute(''), fe.sync()] },
      q("select '2024-01-02 03:04:05'::timestamp as t"),
      q('reset datestyle'),
      { send: [fe.parse('', "select '2024-01-02 03:04:05'::timestamp as t"), fe.bind('', '', []), fe.describe('P', ''), fe.execute(''), fe.sync()] },
      q("select '2024-01-02 03:04:05'::timestamp as t"),
      q('drop table pc; drop schema s2 cascade'),
      run('1'),
      q('select * from pc order by a'),
    ]);
  });

  it('suspends a portal at the row limit and resumes it', async () => {
    await same([
      {
        send: [
          fe.parse('s1', 'select id, name from items order by id'),
          fe.bind('p1', 's1', []),
          fe.execute('p1', 2),
          fe.execute('p1', 2),
          fe.execute('p1', 2),
          fe.execute('p1', 2),
          fe.sync(),
        ],
      },
      { send: [fe.query('begin'), fe.parse('', 'select id from items order by id'), fe.bind('cur', '', []), fe.execute('cur', 3), fe.sync()], ready: 2 },
      { send: [fe.execute('cur', 3), fe.sync()] },
      { send: [fe.query('commit'), fe.execute('cur', 1), fe.sync()], ready: 2 },
    ]);
  });

  it('discards messages after an error until Sync, and rolls the batch back', async () => {
    await same([
      { send: [fe.parse('', 'selec 1'), fe.bind('', '', []), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'select * from no_such_table'), fe.describe('S', ''), fe.sync()] },
      {
        send: [
          fe.parse('', 'insert into items (id, name) values (300, $1)'),
          fe.bind('', '', ['batch']),
          fe.execute(''),
          fe.parse('', 'insert into items (id, name) values (1, $1)'),
          fe.bind('', '', ['dup']),
          fe.execute(''),
          fe.parse('', 'select 1'),
          fe.bind('', '', []),
          fe.execute(''),
          fe.sync(),
        ],
      },
      { send: [fe.query('select count(*) from items where id = 300')] },
      { send: [fe.parse('', 'select $1::int'), fe.bind('', '', ['abc']), fe.execute(''), fe.sync()] },
      { send: [fe.parse('n1', 'select $1::int'), fe.bind('named', 'n1', ['abc']), fe.execute('named'), fe.sync()] },
      { send: [fe.parse('', 'select $1::int'), fe.bind('', '', ['1', '2']), fe.sync()] },
      { send: [fe.execute('no_portal'), fe.sync()] },
      { send: [fe.bind('', 'no_statement', []), fe.sync()] },
      { send: [fe.parse('', 'select 1; select 2'), fe.sync()] },
      { send: [fe.parse('', ''), fe.bind('', '', []), fe.describe('P', ''), fe.execute(''), fe.sync()] },
    ]);
  });

  it('keeps named statements until closed, and refuses duplicates', async () => {
    await same([
      { send: [fe.parse('q', 'select $1::text || $2::text as cat'), fe.sync()] },
      { send: [fe.bind('', 'q', ['a', 'b']), fe.execute(''), fe.bind('', 'q', ['c', 'd']), fe.execute(''), fe.sync()] },
      { send: [fe.parse('q', 'select 1'), fe.sync()] },
      { send: [fe.close('S', 'q'), fe.close('S', 'never_existed'), fe.close('P', 'nope'), fe.sync()] },
      { send: [fe.parse('q', 'select 2 as two'), fe.bind('', 'q', []), fe.execute(''), fe.sync()] },
    ]);
  });

  it('keeps the transaction status across a failed block in the extended protocol', async () => {
    await same([
      { send: [fe.parse('', 'begin'), fe.bind('', '', []), fe.execute(''), fe.sync()] },
      // Postgres folds constants when it plans at Bind, so `1/0` would fail at Bind there; a data-dependent error fails at Execute on both.
      { send: [fe.parse('', 'select 1/(id - id) from items'), fe.bind('', '', []), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'select 1'), fe.bind('', '', []), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'rollback'), fe.bind('', '', []), fe.execute(''), fe.sync()] },
    ]);
  });

  it('declares, fetches, moves and closes cursors in the simple and extended protocols', async () => {
    await same([
      { send: [fe.query('begin; declare c scroll cursor for select id, name from items order by id; fetch 2 c; move 1 c; fetch prior c')] },
      { send: [fe.parse('', 'fetch 2 from c'), fe.describe('S', ''), fe.bind('', '', []), fe.describe('P', ''), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'move backward all in c'), fe.describe('S', ''), fe.bind('', '', []), fe.describe('P', ''), fe.execute(''), fe.sync()] },
      { send: [fe.parse('f', 'fetch forward 3 c'), fe.bind('p', 'f', []), fe.execute('p', 2), fe.execute('p', 2), fe.sync()] },
      { send: [fe.parse('', 'fetch c'), fe.bind('', '', []), fe.execute(''), fe.parse('', 'close c'), fe.bind('', '', []), fe.execute(''), fe.sync()] },
      { send: [fe.query('fetch c')] },
      { send: [fe.query('rollback')] },
      { send: [fe.query('declare h cursor with hold for select id from items order by id; fetch h; close h')] },
      { send: [fe.query('declare n cursor for select 1')] },
      { send: [fe.query('declare m cursor for select 1 as one; fetch m; fetch m')] },
      { send: [fe.query('fetch m')] },
      { send: [fe.parse('', 'declare e cursor for select 1'), fe.bind('', '', []), fe.execute(''), fe.sync()] },
    ]);
  });

  it('raises errors of constant expressions when Postgres plans (at Bind for the unnamed statement)', async () => {
    await same([
      { send: [fe.parse('', 'select 1/0 from items where false'), fe.bind('', '', []), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'select 1/0 from items where false'), fe.describe('S', ''), fe.sync()] },
      { send: [fe.query('select 1/0 from items where false')] },
    ]);
  });

  it('returns binary results and reads binary parameters of the common types', async () => {
    const i32 = (n: number) => {
      const b = Buffer.alloc(4);
      b.writeInt32BE(n);
      return b;
    };
    await same([
      { send: [fe.parse('', 'select * from items order by id'), fe.bind('', '', [], [], [1]), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'select id::int2, id::float4, id::float8 / 3, price::numeric(20,6), -price, made::timestamp, made::time, made - made, id::oid from items order by id'), fe.bind('', '', [], [], [1]), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', "select 'NaN'::numeric, 'Infinity'::numeric, 0::numeric, 0.00001::numeric, 123456789.000000001::numeric, 'infinity'::date, '-infinity'::timestamptz, array[[1,2],[3,4]], '{}'::int[], array[null, 1.5]"), fe.bind('', '', [], [], [1]), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'select $1::int + 1, $2::text', [23, 25]), fe.bind('', '', [i32(41), 'hé'], [1, 1], [0]), fe.execute(''), fe.sync()] },
      { send: [fe.parse('', 'select id from items where id = $1', [23]), fe.bind('', '', [i32(2)], [1], [0, 1]), fe.execute(''), fe.sync()] },
    ]);
  });
});

describe('COPY', () => {
  const data = (text: string) => fe.raw('d', Buffer.from(text));
  const done = () => fe.raw('c', Buffer.alloc(0));
  it('copies in and out in text and CSV formats, with Postgres\'s errors and their context', async () => {
    await same([
      { send: [fe.query("create table ct (a int primary key, b text, c numeric default 7, d varchar(3), e date, g int generated always as (a * 2) stored)")] },
      { send: [fe.query('copy ct (a, b) from stdin'), data('1\tx\n2\t\\N\n'), data('3\ty\\tz\\\\w\\101\\x41\n\\.\n'), done()] },
      { send: [fe.query('copy ct (a, b, c, d, e) from stdin with (format csv, header)'), data('a,b,c,d,e\n4,"q,""r",1.5,,2024-02-29\n5,,,"",\n6,"multi\nline",2,abc,\n'), done()] },
      { send: [fe.query('copy ct (a, b) from stdin'), data('7\tok\n8\n'), done()] },
      { send: [fe.query('copy ct (a, b) from stdin'), data('9\tok\textra\n'), done()] },
      { send: [fe.query('copy ct (a, b) from stdin'), data('abc\tok\n'), done()] },
      { send: [fe.query('copy ct (a, d) from stdin'), data('10\ttoo long\n'), done()] },
      { send: [fe.query('copy ct (a, b) from stdin'), data('1\tdup\n'), done()] },
      { send: [fe.query('copy ct (a, b) from stdin'), data('11\tok\n'), fe.raw('f', Buffer.from('client gave up\0'))] },
      { send: [fe.query('copy ct (a, g) from stdin'), data('12\t1\n'), done()] },
      { send: [fe.query('copy ct to stdout')] },
      { send: [fe.query("copy ct (a, b, d) to stdout with (format csv, header, force_quote (b), null 'NULL')")] },
      { send: [fe.query("copy (select a, b, e from ct where a < 6 order by a desc) to stdout with (delimiter '|')")] },
      { send: [fe.query('select 1; copy ct (a) from stdin; select count(*) from ct'), data('20\n'), done()] },
      { send: [fe.parse('', 'copy ct (a) from stdin'), fe.bind('', '', []), fe.execute(''), data('21\n'), done(), fe.sync()] },
      { send: [fe.parse('', 'copy ct (a, b) to stdout'), fe.bind('', '', []), fe.describe('P', ''), fe.execute(''), fe.sync()] },
      { send: [fe.query('begin'), fe.query('copy ct (a) from stdin'), data('1\n'), done(), fe.query('select 1'), fe.query('rollback')], ready: 4 },
      { send: [fe.query('copy nope from stdin')] },
      { send: [fe.query('select count(*), sum(a) from ct')] },
    ]);
  });

  it('declines the binary COPY format with 0A000', async () => {
    const f = new WireClient(twin.db.server().socket());
    await f.startup({ user: 'postgres', database: 'g' });
    f.send(fe.query('copy items from stdin (format binary)'));
    const msgs = await f.untilReady();
    expect(msgs[0]).toMatchObject({ type: 'E', C: '0A000', M: 'feature not supported: COPY FORMAT binary' });
    f.end();
  });
});

describe('LISTEN / NOTIFY', () => {
  it('delivers notifications at commit, deduplicated, to every listener, as Postgres does', async () => {
    const u = new URL(twin.oracleUrl);
    const password = decodeURIComponent(u.password);
    const startup = { user: 'postgres', database: twin.name };
    const sides = async (): Promise<[WireClient, WireClient, WireClient, WireClient]> => {
      const oa = await WireClient.tcp(twin.oracleUrl);
      await oa.startup(startup, password);
      const ob = await WireClient.tcp(twin.oracleUrl);
      await ob.startup(startup, password);
      const fa = new WireClient(twin.db.server().socket());
      await fa.startup(startup);
      const fb = new WireClient(twin.db.server().socket());
      await fb.startup(startup);
      return [oa, ob, fa, fb];
    };
    const [oa, ob, fa, fb] = await sides();
    type Step = [who: 'a' | 'b', sql: string];
    const steps: Step[] = [
      ['a', 'listen foo; listen "Bar"'],
      ['a', "notify foo, 'self'"],
      ['b', "notify foo, 'from b'; notify foo, 'from b'; notify foo, 'other'; notify bar, 'not listened'; select pg_notify('Bar', 'quoted')"],
      ['a', 'begin'],
      ['b', "notify foo, 'while a is in a transaction'"],
      ['a', 'select 1'],
      ['a', 'commit'],
      ['b', "begin; notify foo, 'rolled back'; rollback"],
      ['b', "begin; savepoint s; select pg_notify('foo', 'undone'); rollback to s; notify foo, 'kept'; commit"],
      ['a', 'select pg_listening_channels() as c order by 1'],
      ['b', "select pg_notify('', 'x')"],
      ['b', 'notify foo, ' + "'" + 'x'.repeat(8000) + "'"],
      ['a', 'unlisten *'],
      ['b', "notify foo, 'nobody'"],
      ['a', 'select pg_listening_channels()'],
    ];
    const run = async (a: WireClient, b: WireClient) => {
      const out: unknown[] = [];
      for (const [who, sql] of steps) {
        const [actor, other] = who === 'a' ? [a, b] : [b, a];
        actor.send(fe.query(sql));
        out.push({ [who]: await actor.untilReady() });
        out.push({ other: await other.collect(60) });
      }
      return out;
    };
    try {
      const expected = await run(oa, ob);
      const actual = await run(fa, fb);
      expect(actual).toEqual(expected);
    } finally {
      for (const c of [oa, ob, fa, fb]) c.end();
    }
  });
});

describe('bad input', () => {
  it('closes the connection on an unknown message type with 08P01, as Postgres does', async () => {
    await same([{ send: [fe.raw('!', Buffer.from('x'))] }]);
  });

  it('survives random garbage: only the garbage connection dies', async () => {
    const good = new WireClient(twin.db.server().socket());
    await good.startup({ user: 'postgres', database: 'g' });
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    for (let i = 0; i < 200; i++) {
      const bad = new WireClient(twin.db.server().socket());
      if (i % 2) await bad.startup({ user: 'postgres', database: 'g' });
      const junk = Buffer.from(Array.from({ length: 1 + (rnd() % 64) }, () => rnd() & 0xff));
      if (i % 5 === 0 && junk.length >= 5) junk.writeInt32BE(-1 - (rnd() % 1000), 1);
      bad.send(junk);
      bad.end();
    }
    good.send(fe.query('select 41 + 1'));
    const r = await good.untilReady();
    expect(r.find((m) => m.type === 'D')).toEqual({ type: 'D', values: [Buffer.from('42').toString('hex')] });
    good.end();
  });

  it('answers a truncated or oversized length with 08P01 and keeps other sessions alive', async () => {
    const f = new WireClient(twin.db.server().socket());
    await f.startup({ user: 'postgres', database: 'g' });
    const bad = Buffer.from([0x51, 0xff, 0xff, 0xff, 0xff]);
    f.send(bad);
    const msgs = await f.untilReady();
    expect(msgs[0]).toMatchObject({ type: 'E', C: '08P01', S: 'FATAL' });
    expect(f.closed).toBe(true);
  });
});
