/**
 * The postgres.js drop-in: the project's own `postgres` with every connection made through an
 * in-memory socket to a fauxgres protocol server.
 * Postgres counterpart: none (client side).
 */
import { createRequire } from 'node:module';
import type { ProtocolServer } from '../protocol/server.js';

/** The `postgres` module's default export (typed loosely so it stays a peer dependency). */
export type PostgresJsModule = (options?: Record<string, unknown>) => any;

const requireFromHere = createRequire(import.meta.url);

/** A postgres.js `sql` bound to `server`; options are postgres.js's own (max, transform, types, ...). */
export function postgresDropIn(server: ProtocolServer, options: Record<string, unknown> = {}, postgresModule?: PostgresJsModule): any {
  const postgres = postgresModule ?? (requireFromHere('postgres') as PostgresJsModule);
  return postgres({
    user: 'postgres',
    database: 'postgres',
    host: 'fauxgres',
    password: server.auth.password,
    ...options,
    socket: () => server.socket(),
  });
}
