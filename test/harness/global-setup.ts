/**
 * Vitest global setup: starts one oracle (real PostgreSQL 18) for the whole run, in a child
 * process (see oracle-process.ts for why), and hands its URL to the test files through
 * `PG_ORACLE_URL`. With PG_ORACLE_URL already set, that server is used and nothing is started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

let child: ChildProcess | undefined;

export async function setup(): Promise<void> {
  if (process.env.PG_ORACLE_URL) return;
  const script = fileURLToPath(new URL('./oracle-process.ts', import.meta.url));
  child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const proc = child;
  const url = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout! });
    rl.once('line', (line) => {
      try {
        resolve((JSON.parse(line) as { url: string }).url);
      } catch (e) {
        reject(new Error(`oracle process printed ${line}`));
      }
    });
    proc.once('exit', (code) => reject(new Error(`oracle process exited with ${code} before it was ready`)));
  });
  process.env.PG_ORACLE_URL = url;
}

export async function teardown(): Promise<void> {
  const proc = child;
  if (!proc || proc.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      resolve();
    }, 20_000);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    proc.stdin?.end();
  });
}
