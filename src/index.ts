/**
 * fauxgres: PostgreSQL 18 emulated in memory, for tests.
 *
 * @example
 * import { Database } from 'fauxgres';
 * const db = await Database.create();
 * await db.exec('create table t (id int primary key)');
 */
export { Database, Connection } from './database.js';
export type { DatabaseOptions, QueryConfig, QueryResult } from './database.js';
export { PgError, isPgError } from './errors/pg-error.js';
export { SQLSTATE } from './errors/sqlstate.js';
