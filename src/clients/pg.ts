/**
 * The node-postgres drop-in: the project's own `pg` `Client` and `Pool`, with every connection
 * made through an in-memory socket to a fauxgres protocol server. Results, types, errors and
 * events are whatever that `pg` produces from real protocol messages.
 * Postgres counterpart: none (client side).
 */
import { createRequire } from 'node:module';
import type { ProtocolServer } from '../protocol/server.js';

/** The parts of the `pg` module the drop-in uses (typed loosely so `pg` stays a peer dependency). */
export interface PgModule {
  Client: new (config?: any) => any;
  Pool: new (config?: any) => any;
  types: unknown;
}

export interface PgDropIn {
  /** pg.Client: `new Client(config?)`, then `connect()`, `query()`, `end()`. */
  Client: new (config?: any) => any;
  /** pg.Pool whose every connection is its own fauxgres session. */
  Pool: new (config?: any) => any;
  /** pg.types, for custom type parsers. */
  types: unknown;
}

const requireFromHere = createRequire(import.meta.url);

function normalize(config: unknown): Record<string, unknown> {
  if (typeof config === 'string') return { connectionString: config };
  return { ...(config as Record<string, unknown> | undefined) };
}

/** `Client` and `Pool` classes of `pg` (the project's, unless one is passed) bound to `server`. */
export function pgDropIn(server: ProtocolServer, pgModule?: PgModule): PgDropIn {
  const pg = pgModule ?? (requireFromHere('pg') as PgModule);
  const Base = pg.Client;
  class Client extends Base {
    constructor(config?: unknown) {
      super({ user: 'postgres', database: 'postgres', password: server.auth.password, ...normalize(config), stream: () => server.socket() });
    }
  }
  class Pool extends pg.Pool {
    constructor(config?: unknown) {
      super({ ...normalize(config), Client });
    }
  }
  return { Client, Pool, types: pg.types };
}
