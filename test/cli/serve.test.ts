/**
 * `fauxgres serve`: the command loads the DDL it is given (files and migration folders, in name
 * order), listens on TCP and prints a connection string that the real `pg` client can use; a bad
 * file stops it with the statement's error and exit code 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import pg from 'pg';

const BIN = join(import.meta.dirname, '../../bin/fauxgres.js');

function serve(args: string[]): { child: ChildProcess; url: Promise<string>; exit: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('postgres://')) resolve(line.trim());
    });
    child.once('exit', () => reject(new Error(`fauxgres serve exited: ${stderr}`)));
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
  return { child, url, exit };
}

describe('fauxgres serve', () => {
  it('loads a schema file and a migrations folder and serves them over TCP', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fauxgres-serve-'));
    const migrations = join(dir, 'migrations');
    mkdirSync(join(migrations, '20240101_init'), { recursive: true });
    mkdirSync(join(migrations, '20240202_more'), { recursive: true });
    writeFileSync(join(migrations, '20240101_init', 'migration.sql'), 'create table notes (id serial primary key, body text not null);');
    writeFileSync(join(migrations, '20240202_more', 'migration.sql'), "insert into notes (body) values ('from the second migration');");
    const s = serve([join(import.meta.dirname, '../../examples/shop/schema.sql'), migrations]);
    try {
      const client = new pg.Client(await s.url);
      await client.connect();
      const notes = await client.query('select id, body from notes');
      const tables = await client.query("select count(*)::int as n from information_schema.tables where table_schema = 'public'");
      await client.end();
      expect(notes.rows).toEqual([{ id: 1, body: 'from the second migration' }]);
      expect(tables.rows[0].n).toBeGreaterThan(1);
    } finally {
      s.child.kill('SIGTERM');
      await s.exit;
    }
  });

  it('stops with the error of a statement that fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fauxgres-serve-'));
    const bad = join(dir, 'bad.sql');
    writeFileSync(bad, 'create table t (id int primary key);\ncreate table t (id int);');
    const s = serve([bad]);
    s.url.catch(() => {});
    const { code, stderr } = await s.exit;
    // What Postgres says to the same file, inside a transaction that is rolled back.
    const oracle = new pg.Client(process.env.PG_ORACLE_URL);
    await oracle.connect();
    await oracle.query('begin');
    const err = (await oracle.query('create table t (id int primary key);\ncreate table t (id int);').catch((e) => e)) as { code: string; message: string };
    await oracle.query('rollback');
    await oracle.end();
    expect({ code, stderr: stderr.trim() }).toEqual({ code: 1, stderr: `fauxgres: ${bad}: ERROR ${err.code}: ${err.message}` });
  });
});
