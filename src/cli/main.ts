/**
 * The `fauxgres` command line: `fauxgres serve [--port 5432] [--host 127.0.0.1] [--password pw]
 * [schema files or migration folders...]` loads the DDL into a new in-memory database and serves it
 * over TCP (psql, any driver); it prints the connection string and runs until interrupted.
 * Postgres counterpart: the postgres server binary's command line (very loosely).
 */
import { readFileSync } from 'node:fs';
import { Database } from '../database.js';
import { ddlFiles } from './load-ddl.js';

const USAGE = `usage: fauxgres serve [--port 5432] [--host 127.0.0.1] [--password pw] [schema.sql | migrations/ ...]

Loads the SQL files (folders: their .sql files, or <name>/migration.sql, in name order) into an
in-memory PostgreSQL 18 emulation and serves it over TCP until interrupted.`;

interface ServeArgs {
  port: number;
  host: string;
  password?: string;
  paths: string[];
}

function parseArgs(argv: string[]): ServeArgs {
  const args: ServeArgs = { port: 5432, host: '127.0.0.1', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--port' || a.startsWith('--port=') || a === '-p') args.port = Number(value());
    else if (a === '--host' || a.startsWith('--host=') || a === '-h') args.host = value();
    else if (a === '--password' || a.startsWith('--password=')) args.password = value();
    else if (a.startsWith('-')) throw new Error(`unknown option ${a}`);
    else args.paths.push(a);
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) throw new Error('--port must be a port number');
  return args;
}

/** Runs the CLI; resolves with the exit code (serve runs until a signal). */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'serve') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
  }
  let args: ServeArgs;
  try {
    args = parseArgs(rest);
  } catch (e) {
    process.stderr.write(`fauxgres: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const db = await Database.create({
    onNotice: () => {},
  });
  for (const file of ddlFiles(args.paths)) {
    try {
      await db.exec(readFileSync(file, 'utf8'));
    } catch (e) {
      const err = e as { code?: string; message: string; position?: string };
      process.stderr.write(`fauxgres: ${file}: ERROR ${err.code ?? ''}: ${err.message}\n`);
      return 1;
    }
    process.stdout.write(`loaded ${file}\n`);
  }
  const server = await db.listen({ port: args.port, host: args.host, password: args.password });
  process.stdout.write(`fauxgres (PostgreSQL 18 emulation) listening on ${server.host}:${server.port}\n${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
