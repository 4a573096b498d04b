/**
 * Query builders and ORMs on node-postgres against fauxgres in memory, compared with the same code
 * on the oracle: Kysely, Drizzle (node-postgres driver), Knex (query builder, schema builder and
 * migrations) and TypeORM (repositories, query builder, transactions). Each scenario returns plain
 * data; both sides must return the same.
 */
import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { Kysely, PostgresDialect, sql as ksql, type Generated } from 'kysely';
import { drizzle } from 'drizzle-orm/node-postgres';
import { pgTable, serial, text, integer, numeric, boolean, timestamp } from 'drizzle-orm/pg-core';
import { eq, and, gt, desc, sql as dsql, count } from 'drizzle-orm';
import knexFactory, { type Knex } from 'knex';
import { DataSource, EntitySchema } from 'typeorm';
import { createTwin, type Twin } from '../harness/twin.js';

const SETUP = `
  create table authors (id serial primary key, name text not null unique, active boolean not null default true);
  create table books (id serial primary key, author_id int not null references authors on delete cascade, title text not null, price numeric(8,2) not null check (price >= 0), published timestamptz);
  insert into authors (name) values ('Le Guin'), ('Lem'), ('Tiptree');
  insert into books (author_id, title, price, published) values
    (1, 'The Dispossessed', 12.50, '1974-05-01 00:00:00+00'), (1, 'Lathe of Heaven', 9.99, null),
    (2, 'Solaris', 11.00, '1961-01-01 00:00:00+00'), (3, 'Her Smoke Rose Up Forever', 15.25, null);
`;

let twin: Twin;

function errorOutcome(e: unknown): unknown {
  const err = e as Record<string, unknown>;
  return { code: err.code, message: (err.message as string)?.replace(/^.* - /, ''), detail: err.detail, constraint: err.constraint };
}

async function settle(p: Promise<unknown>): Promise<unknown> {
  try {
    return await p;
  } catch (e) {
    return { error: errorOutcome(e) };
  }
}

/** A pg.Pool for each side: the oracle database and fauxgres in memory. */
function pools(): [pg.Pool, pg.Pool] {
  const { Pool } = twin.db.pg();
  return [new pg.Pool({ connectionString: twin.oracleUrl, max: 3 }), new Pool({ max: 3 }) as pg.Pool];
}

async function onBoth<T>(make: (pool: pg.Pool) => Promise<T>): Promise<[T, T]> {
  const [o, f] = pools();
  try {
    const expected = await make(o);
    const actual = await make(f);
    return [expected, actual];
  } finally {
    // Some libraries end the pool they were given themselves (TypeORM's destroy()).
    for (const p of [o, f]) if (!(p as unknown as { ending: boolean }).ending) await p.end();
  }
}

beforeAll(async () => {
  twin = await createTwin('clients_orms', SETUP);
});

afterAll(async () => {
  await twin?.close();
});

interface KyselyDb {
  authors: { id: Generated<number>; name: string; active: Generated<boolean> };
  books: { id: Generated<number>; author_id: number; title: string; price: string; published: Date | null };
}

describe('Kysely', () => {
  it('selects, joins, aggregates, inserts with returning, and runs transactions', async () => {
    const [expected, actual] = await onBoth(async (pool) => {
      const db = new Kysely<KyselyDb>({ dialect: new PostgresDialect({ pool }) });
      const out: unknown[] = [];
      out.push(await db.selectFrom('books').innerJoin('authors', 'authors.id', 'books.author_id').select(['books.title', 'authors.name', 'books.price']).where('books.price', '>', '10').orderBy('books.title').execute());
      out.push(await db.selectFrom('books').select((eb) => ['author_id', eb.fn.count<string>('id').as('n'), eb.fn.sum<string>('price').as('total')]).groupBy('author_id').orderBy('author_id').execute());
      out.push(await db.insertInto('authors').values({ name: 'Butler' }).returning(['name', 'active']).executeTakeFirstOrThrow());
      out.push(await db.updateTable('books').set({ price: ksql`price * 2` }).where('author_id', '=', 2).returning(['title', 'price']).execute());
      out.push(
        await settle(
          db.transaction().execute(async (trx) => {
            await trx.insertInto('authors').values({ name: 'Temp' }).execute();
            await trx.insertInto('authors').values({ name: 'Lem' }).execute();
          }),
        ),
      );
      out.push(await db.selectFrom('authors').select('name').orderBy('id').execute());
      await db.deleteFrom('authors').where('name', '=', 'Butler').execute();
      await db.updateTable('books').set({ price: ksql`price / 2` }).where('author_id', '=', 2).execute();
      return out;
    });
    expect(actual).toEqual(expected);
  });
});

const dAuthors = pgTable('authors', { id: serial('id').primaryKey(), name: text('name').notNull(), active: boolean('active').notNull().default(true) });
const dBooks = pgTable('books', {
  id: serial('id').primaryKey(),
  authorId: integer('author_id').notNull(),
  title: text('title').notNull(),
  price: numeric('price', { precision: 8, scale: 2 }).notNull(),
  published: timestamp('published', { withTimezone: true }),
});

describe('Drizzle (node-postgres)', () => {
  it('runs its queries, relations-free joins, aggregates and transactions', async () => {
    const [expected, actual] = await onBoth(async (pool) => {
      const db = drizzle(pool);
      const out: unknown[] = [];
      out.push(await db.select().from(dBooks).where(and(gt(dBooks.price, '10'), eq(dBooks.authorId, 1))).orderBy(desc(dBooks.price)));
      out.push(await db.select({ name: dAuthors.name, books: count(dBooks.id) }).from(dAuthors).leftJoin(dBooks, eq(dBooks.authorId, dAuthors.id)).groupBy(dAuthors.name).orderBy(dAuthors.name));
      out.push(await db.insert(dAuthors).values({ name: 'Atwood' }).returning());
      out.push(await db.update(dBooks).set({ price: dsql`${dBooks.price} + 1` }).where(eq(dBooks.title, 'Solaris')).returning({ title: dBooks.title, price: dBooks.price }));
      out.push(
        await settle(
          db.transaction(async (tx) => {
            await tx.insert(dAuthors).values({ name: 'Inside' });
            await tx.insert(dBooks).values({ authorId: 999, title: 'Orphan', price: '1' });
          }),
        ),
      );
      out.push(await db.select({ name: dAuthors.name }).from(dAuthors).orderBy(dAuthors.id));
      out.push(await db.execute(dsql`select count(*)::int as n from ${dBooks}`).then((r) => r.rows));
      await db.delete(dAuthors).where(eq(dAuthors.name, 'Atwood'));
      await db.update(dBooks).set({ price: dsql`${dBooks.price} - 1` }).where(eq(dBooks.title, 'Solaris'));
      return out;
    });
    expect(actual).toEqual(expected);
  });
});

describe('Knex', () => {
  it('builds schemas, runs migrations and queries', async () => {
    const [expected, actual] = await onBoth(async (pool) => {
      const knex: Knex = knexFactory({
        client: 'pg',
        connection: {},
        pool: { min: 0, max: 1 },
      });
      // Knex's pg client acquires connections from its own pool; hand it ours.
      const client = knex.client as unknown as { acquireRawConnection: () => Promise<unknown>; destroyRawConnection: (c: unknown) => Promise<void> };
      client.acquireRawConnection = async () => pool.connect();
      client.destroyRawConnection = async (c) => (c as pg.PoolClient).release();
      const out: unknown[] = [];
      const migrations = {
        getMigrations: async () => ['001_tags', '002_book_tags'],
        getMigrationName: (m: string) => m,
        getMigration: async (m: string) =>
          m === '001_tags'
            ? {
                up: (k: Knex) => k.schema.createTable('tags', (t) => {
                  t.increments('id');
                  t.string('label', 40).notNullable().unique();
                  t.timestamp('created_at', { useTz: true }).defaultTo(k.raw("'2024-01-01 00:00:00+00'"));
                }),
                down: (k: Knex) => k.schema.dropTable('tags'),
              }
            : {
                up: (k: Knex) => k.schema.createTable('book_tags', (t) => {
                  t.integer('book_id').notNullable().references('books.id').onDelete('CASCADE');
                  t.integer('tag_id').notNullable().references('tags.id');
                  t.primary(['book_id', 'tag_id']);
                }),
                down: (k: Knex) => k.schema.dropTable('book_tags'),
              },
      };
      out.push(await knex.migrate.latest({ migrationSource: migrations }));
      out.push(await knex.schema.hasTable('tags'));
      out.push(await knex.schema.hasTable('nope'));
      out.push(await knex.schema.hasColumn('tags', 'label'));
      out.push(await knex('tags').insert([{ label: 'scifi' }, { label: 'classic' }]).returning(['id', 'label', 'created_at']));
      out.push(await knex('book_tags').insert({ book_id: 3, tag_id: 1 }).returning('*'));
      out.push(await settle(knex('tags').insert({ label: 'scifi' })));
      out.push(await knex('books').join('book_tags', 'books.id', 'book_tags.book_id').join('tags', 'tags.id', 'book_tags.tag_id').select('books.title', 'tags.label'));
      out.push(await knex('books').where('price', '>', 10).orderBy('id').pluck('title'));
      out.push(await knex.migrate.rollback({ migrationSource: migrations }, true));
      out.push(await knex.schema.hasTable('tags'));
      await knex.schema.dropTableIfExists('knex_migrations').dropTableIfExists('knex_migrations_lock');
      await knex.destroy();
      return out;
    });
    expect(actual).toEqual(expected);
  });
});

interface AuthorRow {
  id: number;
  name: string;
  active: boolean;
}
interface BookRow {
  id: number;
  author_id: number;
  title: string;
  price: string;
  published: Date | null;
}

const AuthorEntity = new EntitySchema<AuthorRow>({
  name: 'authors',
  columns: { id: { type: Number, primary: true, generated: true }, name: { type: String }, active: { type: Boolean, default: true } },
});
const BookEntity = new EntitySchema<BookRow>({
  name: 'books',
  columns: {
    id: { type: Number, primary: true, generated: true },
    author_id: { type: Number },
    title: { type: String },
    price: { type: 'numeric', precision: 8, scale: 2 },
    published: { type: 'timestamptz', nullable: true },
  },
});

describe('TypeORM', () => {
  it('finds, saves, queries and runs transactions through repositories', async () => {
    const [expected, actual] = await onBoth(async (pool) => {
      const ds = new DataSource({ type: 'postgres', entities: [AuthorEntity, BookEntity], synchronize: false, poolSize: 1 });
      // Use our pool as TypeORM's driver pool.
      const driver = ds.driver as unknown as { master: pg.Pool; createPool: () => Promise<pg.Pool> };
      driver.createPool = async () => pool;
      await ds.initialize();
      const authors = ds.getRepository(AuthorEntity);
      const books = ds.getRepository(BookEntity);
      const out: unknown[] = [];
      out.push(await authors.find({ order: { id: 'ASC' } }));
      out.push(await books.findOne({ where: { title: 'Solaris' } }));
      out.push(await authors.save({ name: 'Jemisin' }));
      out.push(await books.createQueryBuilder('b').select('b.author_id', 'author').addSelect('sum(b.price)', 'total').groupBy('b.author_id').orderBy('b.author_id').getRawMany());
      out.push(
        await settle(
          ds.transaction(async (m) => {
            await m.getRepository(AuthorEntity).save({ name: 'Rolled' });
            await m.query('select 1/0');
          }),
        ),
      );
      out.push(await authors.count());
      await authors.delete({ name: 'Jemisin' });
      out.push(await ds.query('select title from books where price > $1 order by id', [10]));
      await ds.destroy();
      return out;
    });
    expect(actual).toEqual(expected);
  });
});

const SyncAuthor = new EntitySchema<{ id: number; name: string; bio: string | null; created: Date; books: unknown[] }>({
  name: 'sync_author',
  columns: {
    id: { type: Number, primary: true, generated: true },
    name: { type: String, unique: true },
    bio: { type: 'text', nullable: true },
    created: { type: 'timestamptz', createDate: true },
  },
  relations: { books: { type: 'one-to-many', target: 'sync_book', inverseSide: 'author' } },
});
const SyncBook = new EntitySchema<{ id: string; title: string; price: string; author: unknown }>({
  name: 'sync_book',
  columns: {
    id: { type: 'uuid', primary: true, generated: 'uuid' },
    title: { type: 'varchar', length: 200 },
    price: { type: 'numeric', precision: 8, scale: 2, default: 0 },
  },
  relations: { author: { type: 'many-to-one', target: 'sync_author', onDelete: 'CASCADE' } },
  indices: [{ columns: ['title'] }],
});

describe('TypeORM synchronize', () => {
  it('creates the schema from entities, then finds nothing to change', async () => {
    const [expected, actual] = await onBoth(async (pool) => {
      const ddl: string[] = [];
      const ds = new DataSource({
        type: 'postgres',
        entities: [SyncAuthor, SyncBook],
        synchronize: false,
        logging: ['query'],
        logger: { logQuery: (q: string) => void (/^(create|alter|drop)/i.test(q) && ddl.push(q)), logQueryError: () => {}, logQuerySlow: () => {}, logSchemaBuild: () => {}, logMigration: () => {}, log: () => {} },
      });
      const driver = ds.driver as unknown as { createPool: () => Promise<pg.Pool> };
      driver.createPool = async () => pool;
      await ds.initialize();
      await ds.synchronize();
      const first = ddl.splice(0);
      await ds.synchronize();
      const second = ddl.splice(0);
      const author = await ds.getRepository(SyncAuthor).save({ name: 'Ursula' });
      const book = await ds.getRepository(SyncBook).save({ title: 'Lathe', author });
      const columns = await ds.query(
        "select table_name, column_name, data_type, is_nullable, column_default, character_maximum_length, numeric_precision, numeric_scale from information_schema.columns where table_name like 'sync_%' order by table_name, ordinal_position",
      );
      const constraints = await ds.query(
        "select conrelid::regclass::text as rel, contype, pg_get_constraintdef(oid) as def from pg_constraint where conrelid::regclass::text like 'sync_%' order by 1, 2, 3",
      );
      await ds.query('drop table sync_book, sync_author');
      await ds.destroy();
      return { first, second, columns, constraints, bookPrice: book.price, bookHasId: typeof book.id === 'string' };
    });
    expect(actual).toEqual(expected);
  });
});

