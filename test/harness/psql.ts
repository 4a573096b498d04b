/**
 * psql for client tests: finds Debian's `psql` and installs `postgresql-client` with apt when it is
 * missing (CI machines start without it), then runs scripts against a connection string.
 *
 * Postgres counterpart: none (test harness).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';

function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** The psql binary, installed from Debian's packages if needed. */
export function ensurePsql(): string {
  const found = which('psql');
  if (found) return found;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (args: string[]) => execFileSync(sudo.length ? sudo[0] : args[0], sudo.length ? [...sudo.slice(1), ...args] : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', 'postgresql-client']);
  const installed = which('psql');
  if (!installed) throw new Error('psql is missing and postgresql-client could not be installed');
  return installed;
}

/**
 * Runs psql on a script (stdin) and returns stdout and stderr merged in order, as a user sees them.
 * Asynchronous: the server under test may live in this very process.
 */
export function runPsql(psql: string, url: string, script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', `"${psql}" -X -q --no-psqlrc -v ON_ERROR_STOP=0 -P pager=off "$URL" 2>&1`], {
      env: { ...process.env, URL: url, PGTZ: 'UTC', PGCLIENTENCODING: 'UTF8', LC_ALL: 'C.UTF-8' },
    });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`psql timed out; output so far:\n${out}`));
    }, 30_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
    child.stdin.end(script);
  });
}
