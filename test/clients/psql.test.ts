/**
 * psql (Debian's postgresql-client) against `fauxgres serve`'s TCP server, compared with psql
 * against the oracle: a script of statements and errors (psql prints the error position with a
 * LINE/caret from the server's `position` field), and the describe commands, which run psql's
 * own catalog queries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTwin, type Twin } from '../harness/twin.js';
import { ensurePsql, runPsql } from '../harness/psql.js';
import type { FauxgresTcpServer } from '../../src/protocol/tcp.js';

const SETUP = `
  create schema shop;
  create type shop.status as enum ('new', 'paid', 'shipped');
  create table shop.customers (id int generated always as identity primary key, email text not null unique, name varchar(80), created timestamptz not null default '2024-01-01 00:00:00+00');
  comment on table shop.customers is 'People who buy things';
  create table shop.orders (id bigserial primary key, customer int not null references shop.customers on delete cascade, status shop.status not null default 'new', total numeric(10,2) check (total >= 0), note text);
  create index orders_customer_idx on shop.orders (customer);
  create view shop.big_orders as select id, total from shop.orders where total > 100;
  create table public.plain (a int, b text default 'x');
  create materialized view shop.order_counts as select customer, count(*) as n from shop.orders group by customer;
  create unique index order_counts_customer on shop.order_counts (customer);
  create function shop.order_total(customer_id int, min_total numeric default 0) returns numeric language sql stable
    as $$ select coalesce(sum(total), 0) from shop.orders where customer = customer_id and total >= min_total $$;
  create function shop.touch() returns trigger language plpgsql as $$ begin new.note := coalesce(new.note, 'touched'); return new; end $$;
  create trigger orders_touch before insert on shop.orders for each row execute function shop.touch();
`;

let twin: Twin;
let server: FauxgresTcpServer;
let psql: string;

beforeAll(async () => {
  psql = ensurePsql();
  twin = await createTwin('clients_psql', SETUP);
  server = await twin.db.listen({ port: 0 });
});

afterAll(async () => {
  await server?.close();
  await twin?.close();
});

async function compare(script: string): Promise<void> {
  const expected = await runPsql(psql, twin.oracleUrl, script);
  const u = new URL(server.url);
  u.pathname = `/${twin.name}`;
  const actual = await runPsql(psql, u.toString(), script);
  expect(actual).toEqual(expected);
}

describe('psql over TCP', () => {
  it('runs a script with results, errors and transactions like Postgres', async () => {
    await compare(`
insert into shop.customers (email, name) values ('a@x.io', 'Ann'), ('b@x.io', null);
select id, email, name, created from shop.customers order by id;
insert into shop.customers (email) values ('a@x.io');
insert into shop.orders (customer, total) values (1, -5);
select * from shop.nope;
select email,
       nonexistent
  from shop.customers;
begin;
insert into shop.orders (customer, total, status) values (1, 250.5, 'paid');
select 1/0;
select 1;
rollback;
\\echo after rollback
select count(*) as orders from shop.orders;
select total, status from shop.orders;
select 'multi' as a \\; select 'statement' as b;
\\x on
select * from shop.customers where id = 1;
\\x off
`);
  });

  it('copies with \\copy in and out', async () => {
    await compare(`
\\copy public.plain (a, b) from stdin
1\tone
2\t\\N
\\.
\\copy public.plain to stdout with (format csv, header)
\\copy (select a * 10 as ten, b from public.plain order by a) to stdout
`);
  });

  // \\dt+ is left out: it prints on-disk sizes (pages, free-space maps) that an in-memory database only estimates.
  for (const cmd of ['\\dn', '\\dt shop.*', '\\d shop.customers', '\\d+ shop.orders', '\\dv shop.*', '\\ds shop.*', '\\di shop.*', '\\dT shop.*', '\\df shop.*', '\\du', '\\d shop.big_orders', '\\dm shop.*', '\\d shop.order_counts', '\\d+ shop.order_counts', '\\dx', '\\l']) {
    it(`answers ${cmd} like Postgres`, async () => {
      await compare(`${cmd}\n`);
    });
  }
});
