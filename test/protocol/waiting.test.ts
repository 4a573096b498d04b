/**
 * Waiting through the wire protocol: a statement that waits for another connection's transaction
 * keeps the client's query pending (simple and extended protocol) until the holder ends, and a
 * CancelRequest ends the wait with Postgres's 57014. Outcomes compared with the oracle.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { Database } from '../../src/index.js';

const SETUP = 'DROP TABLE IF EXISTS stock; CREATE TABLE stock (sku text PRIMARY KEY, qty int NOT NULL); INSERT INTO stock VALUES (\'pen\', 10)';

/** Runs the scenario with two clients of `make` and returns what the waiting client saw. */
async function scenario(make: () => pg.Client, cancel: (victim: pg.Client) => Promise<void>): Promise<unknown[]> {
  const a = make();
  const b = make();
  await a.connect();
  await b.connect();
  const seen: unknown[] = [];
  try {
    await a.query(SETUP);
    await a.query('BEGIN');
    await a.query("UPDATE stock SET qty = qty - 1 WHERE sku = 'pen'");
    // Extended protocol (parameters), waiting for a.
    const waiting = b.query({ text: 'UPDATE stock SET qty = qty - $1 WHERE sku = $2 RETURNING qty', values: [2, 'pen'], rowMode: 'array' });
    let settled = false;
    void waiting.then(() => (settled = true), () => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    seen.push({ settledWhileHeld: settled });
    await a.query('COMMIT');
    seen.push((await waiting).rows);
    // Simple protocol, then cancelled.
    await a.query('BEGIN');
    await a.query("SELECT * FROM stock WHERE sku = 'pen' FOR UPDATE");
    const cancelled = b.query("UPDATE stock SET qty = 0 WHERE sku = 'pen'").then(
      () => 'no error',
      (e: { code: string; message: string }) => `${e.code} ${e.message}`,
    );
    await new Promise((r) => setTimeout(r, 50));
    await cancel(b);
    seen.push(await cancelled);
    await a.query('ROLLBACK');
    seen.push((await b.query({ text: 'SELECT qty FROM stock', rowMode: 'array' })).rows);
  } finally {
    await a.end();
    await b.end();
  }
  return seen;
}

describe('waiting through the wire protocol', () => {
  it('keeps the query pending, resumes after COMMIT, cancels with 57014', async () => {
    const url = process.env.PG_ORACLE_URL as string;
    const oracleCancel = async (victim: pg.Client) => {
      const admin = new pg.Client(url);
      await admin.connect();
      await admin.query('SELECT pg_cancel_backend($1)', [(victim as unknown as { processID: number }).processID]);
      await admin.end();
    };
    const expected = await scenario(() => new pg.Client(url), oracleCancel);
    // The scenario did what it means to on the oracle: the query waited, then was cancelled.
    expect(expected[0]).toEqual({ settledWhileHeld: false });
    expect(String(expected[2])).toMatch(/^57014 /);

    const db = await Database.create();
    const { Client } = db.pg();
    const server = db.server();
    const fauxCancel = async (victim: pg.Client) => {
      // A CancelRequest on a new connection, as libpq sends it.
      const v = victim as unknown as { processID: number; secretKey: number };
      const msg = Buffer.alloc(16);
      msg.writeInt32BE(16, 0);
      msg.writeInt32BE(80877102, 4);
      msg.writeInt32BE(v.processID, 8);
      msg.writeInt32BE(v.secretKey, 12);
      const conn = server.accept({ write: () => undefined, close: () => undefined });
      conn.receive(msg);
    };
    const actual = await scenario(() => new Client() as unknown as pg.Client, fauxCancel);
    expect(actual).toEqual(expected);
  });
});
