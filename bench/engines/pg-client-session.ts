/**
 * An EngineSession over anything shaped like node-postgres's `Client` (the real `pg` client on a
 * server, pg-mem's `createPg()` client, fauxgres's in-process `db.pg()` client).
 *
 * Postgres counterpart: none. `exec` sends the script as one simple-protocol query, as
 * `client.query(script)` does; `query` with params goes through the extended protocol.
 */
import type { EngineSession, QueryResultLike, ResetStrategy } from './adapter.js';

/** The part of node-postgres's Client the benchmark uses. */
export interface PgLikeClient {
  query(text: string, values?: unknown[]): Promise<QueryResultLike>;
  end(): Promise<void>;
}

/** Wraps a connected client; `strategies` is evaluated lazily with the session itself. */
export function pgClientSession(
  client: PgLikeClient,
  opts: {
    strategies?: (self: EngineSession) => readonly ResetStrategy[];
    /** Extra cleanup after `client.end()` (drop a database, close an instance, stop a listener). */
    afterClose?: () => Promise<void>;
  } = {},
): EngineSession {
  let closed = false;
  const session: EngineSession = {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: (sql, params) => (params ? client.query(sql, params as unknown[]) : client.query(sql)),
    resetStrategies: () => opts.strategies?.(session) ?? [],
    close: async () => {
      if (closed) return;
      closed = true;
      await client.end();
      await opts.afterClose?.();
    },
  };
  return session;
}
