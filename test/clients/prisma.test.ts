/**
 * Prisma (7, with the `@prisma/adapter-pg` driver adapter over node-postgres) against fauxgres in
 * memory, compared with the same calls on the oracle. The client is generated in the test setup
 * with `prisma generate` (offline: generation does not run the schema engine, so the binary Prisma
 * would download is replaced by a stub through PRISMA_SCHEMA_ENGINE_BINARY).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { createTwin, type Twin } from '../harness/twin.js';

const SETUP = `
  create table authors (id serial primary key, name text not null unique, active boolean not null default true);
  create table books (id serial primary key, author_id int not null references authors on delete cascade, title text not null, price numeric(8,2) not null, published timestamptz);
  insert into authors (name) values ('Le Guin'), ('Lem');
  insert into books (author_id, title, price, published) values (1, 'The Dispossessed', 12.50, '1974-05-01 00:00:00+00'), (2, 'Solaris', 11.00, null);
`;

const FIXTURE = join(import.meta.dirname, '../fixtures/prisma');
const GENERATED = join(import.meta.dirname, '../.generated');

let twin: Twin;
type PrismaClientLike = any;
let PrismaClient: new (options: { adapter: unknown }) => PrismaClientLike;

beforeAll(async () => {
  mkdirSync(GENERATED, { recursive: true });
  const stub = join(GENERATED, 'schema-engine-stub.sh');
  writeFileSync(stub, '#!/bin/sh\necho "schema engine not available offline" >&2\nexit 1\n', { mode: 0o755 });
  execFileSync(process.execPath, [join(import.meta.dirname, '../../node_modules/prisma/build/index.js'), 'generate'], {
    cwd: FIXTURE,
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
    stdio: 'pipe',
  });
  ({ PrismaClient } = await import(pathToFileURL(join(GENERATED, 'prisma-client/client.ts')).href));
  twin = await createTwin('clients_prisma', SETUP);
}, 120_000);

afterAll(async () => {
  await twin?.close();
});

function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}

async function settle(p: Promise<unknown>): Promise<unknown> {
  try {
    return plain(await p);
  } catch (e) {
    const err = e as { code?: string; meta?: unknown; name: string };
    return { error: { name: err.name, code: err.code, meta: err.meta } };
  }
}

describe('Prisma with @prisma/adapter-pg', () => {
  it('finds, creates with relations, aggregates, updates and runs transactions', async () => {
    const run = async (pool: pg.Pool) => {
      const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
      const out: unknown[] = [];
      out.push(plain(await prisma.author.findMany({ orderBy: { id: 'asc' }, include: { books: { orderBy: { id: 'asc' } } } })));
      out.push(plain(await prisma.book.findFirst({ where: { price: { gt: 11.5 } }, select: { title: true, price: true } })));
      out.push(plain(await prisma.author.create({ data: { name: "Butler", books: { create: [{ title: "Kindred", price: "9.75" }] } }, include: { books: true } })));
      out.push(plain(await prisma.book.aggregate({ _sum: { price: true }, _count: true, _max: { price: true } })));
      out.push(plain(await prisma.book.groupBy({ by: ['authorId'], _count: { _all: true }, orderBy: { authorId: 'asc' } })));
      out.push(await settle(prisma.author.create({ data: { name: 'Lem' } })));
      out.push(
        await settle(
          prisma.$transaction(async (tx: PrismaClientLike) => {
            await tx.author.create({ data: { name: 'Rolled back' } });
            await tx.book.create({ data: { title: 'Orphan', price: '1', authorId: 999 } });
          }),
        ),
      );
      out.push(plain(await prisma.author.updateMany({ where: { name: { startsWith: 'L' } }, data: { active: false } })));
      out.push(plain(await prisma.author.findMany({ select: { name: true, active: true }, orderBy: { name: 'asc' } })));
      out.push(plain(await prisma.$queryRaw`select count(*)::int as n from books where price > ${10}`));
      await prisma.author.delete({ where: { name: 'Butler' } });
      await prisma.author.updateMany({ data: { active: true } });
      await prisma.$disconnect();
      return out;
    };
    const { Pool } = twin.db.pg();
    const oraclePool = new pg.Pool({ connectionString: twin.oracleUrl, max: 2 });
    const fauxPool = new Pool({ max: 2 }) as pg.Pool;
    try {
      const expected = await run(oraclePool);
      const actual = await run(fauxPool);
      expect(actual).toEqual(expected);
    } finally {
      for (const p of [oraclePool, fauxPool]) if (!(p as unknown as { ending: boolean }).ending) await p.end();
    }
  });
});
