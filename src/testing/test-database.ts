/**
 * Per-test databases for test runners: a template database is built once (schema, seed data),
 * and every test gets a fresh fork of it, which costs O(number of tables) and shares memory with
 * the template until the test writes. Works with vitest, jest or mocha: pass the runner's
 * `beforeAll` / `beforeEach` (nothing here imports a test runner).
 *
 * Postgres counterpart: none (CREATE DATABASE ... TEMPLATE is the closest; ~190 ms there).
 */
import { Database, type DatabaseOptions } from '../database.js';

/** The hooks of a test runner (vitest's and jest's have these signatures). */
export interface TestHooks {
  beforeAll(fn: () => Promise<void> | void, timeout?: number): void;
  beforeEach(fn: () => Promise<void> | void, timeout?: number): void;
}

/** A template database: built once, forked per use. */
export interface DatabaseTemplate {
  /** The template itself (built on first use). Do not write to it from tests. */
  template(): Promise<Database>;
  /** A fresh fork of the template. */
  fork(): Promise<Database>;
}

/**
 * Builds `setup` into a template database on first use; each `fork()` is an independent copy.
 * @example
 * const shop = databaseTemplate(async (db) => {
 *   await db.exec(readFileSync('schema.sql', 'utf8'));
 *   await db.query("insert into products (name) values ('pen')");
 * });
 * const db = await shop.fork(); // in each test
 */
export function databaseTemplate(setup: (db: Database) => Promise<void> | void, options: DatabaseOptions = {}): DatabaseTemplate {
  let built: Promise<Database> | undefined;
  const template = () =>
    (built ??= (async () => {
      const db = await Database.create(options);
      await setup(db);
      return db;
    })());
  return {
    template,
    fork: async () => (await template()).fork(),
  };
}

/**
 * A fresh fork of a template database for every test of the file: the template is built in
 * `beforeAll`, each test's fork in `beforeEach`. Returns a getter for the current test's database.
 * @example
 * import { beforeAll, beforeEach, it, expect } from 'vitest';
 * import { useTestDatabase } from 'fauxgres';
 *
 * const db = useTestDatabase({ beforeAll, beforeEach }, async (db) => {
 *   await db.exec('create table users (id serial primary key, email text unique)');
 * });
 *
 * it('starts empty every time', async () => {
 *   await db().query("insert into users (email) values ('a@b.c')");
 *   expect((await db().query('select count(*)::int as n from users')).rows[0].n).toBe(1);
 * });
 */
export function useTestDatabase(hooks: TestHooks, setup: (db: Database) => Promise<void> | void, options: DatabaseOptions = {}): () => Database {
  const t = databaseTemplate(setup, options);
  let current: Database | undefined;
  hooks.beforeAll(async () => {
    await t.template();
  });
  hooks.beforeEach(async () => {
    current = await t.fork();
  });
  return () => {
    if (!current) throw new Error('fauxgres: useTestDatabase() database used outside a test (before beforeEach ran)');
    return current;
  };
}
