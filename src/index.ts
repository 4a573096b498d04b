/**
 * fauxgres: PostgreSQL 18 emulated in memory, for tests.
 *
 * @example
 * import { Database } from 'fauxgres';
 * const db = await Database.create();
 * await db.exec('create table t (id int primary key)');
 */
export { Database, Connection, DatabaseSnapshot } from './database.js';
export { databaseTemplate, useTestDatabase } from './testing/test-database.js';
export type { DatabaseTemplate, TestHooks } from './testing/test-database.js';
export type { DatabaseOptions, QueryConfig, QueryResult } from './database.js';
export { PgError, isPgError } from './errors/pg-error.js';
export { SQLSTATE } from './errors/sqlstate.js';
export { createServer } from './protocol/tcp.js';
export type { FauxgresTcpServer, TcpServerOptions } from './protocol/tcp.js';
export { ProtocolServer } from './protocol/server.js';
export type { AuthMethod, AuthOptions } from './protocol/auth.js';
export { pgDropIn } from './clients/pg.js';
export { postgresDropIn } from './clients/postgres.js';
