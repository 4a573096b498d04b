/**
 * Vitest global setup: starts one oracle (real PostgreSQL 18) for the whole run and hands its URL
 * to the test files through `PG_ORACLE_URL`, so each file can open its own databases on it.
 */
import { startOracle, type Oracle } from '../../src/conformance/oracle.js';

let oracle: Oracle | undefined;

export async function setup(): Promise<void> {
  oracle = await startOracle();
  process.env.PG_ORACLE_URL = oracle.url;
}

export async function teardown(): Promise<void> {
  await oracle?.stop();
}
