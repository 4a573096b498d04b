/**
 * Reads and writes `test/regress/expected/<name>.out`: a header naming the SHA-256 of the .sql file
 * it was recorded from (so the runner can refuse stale recordings), then one block per statement
 * (see result-format.ts), blocks separated by a blank line.
 *
 * Postgres counterpart: the expected/*.out files of src/test/regress (there compared as a whole
 * with diff; here block by block, so each statement is its own test).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** test/regress, resolved from this file. */
export const REGRESS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'regress');
/** Folder of the .sql inputs. */
export const SQL_DIR = join(REGRESS_DIR, 'sql');
/** Folder of the recorded .out files. */
export const EXPECTED_DIR = join(REGRESS_DIR, 'expected');

/** SHA-256 (hex) of a .sql file's text. */
export function sqlHash(sqlText: string): string {
  return createHash('sha256').update(sqlText, 'utf8').digest('hex');
}

/** A parsed .out file. */
export interface ExpectedFile {
  /** Hash of the .sql text it was recorded from. */
  readonly sqlHash: string;
  /** Server version it was recorded from (informational). */
  readonly serverVersion: string;
  /** Formatted blocks, one per statement, in order. */
  readonly blocks: readonly string[];
}

/** Serializes a recording. */
export function writeExpected(name: string, hash: string, serverVersion: string, blocks: readonly string[]): string {
  const head = [
    `-- fauxgres regression expectations for sql/${name}.sql, recorded from real Postgres; do not edit.`,
    `-- Re-record with: npm run record ${name}`,
    `-- sql-sha256: ${hash}`,
    `-- server: ${serverVersion}`,
  ];
  return `${head.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

/** Parses a .out file; throws if its header is malformed. */
export function parseExpected(text: string): ExpectedFile {
  const hash = /^-- sql-sha256: ([0-9a-f]{64})$/m.exec(text);
  if (!hash) throw new Error('no "-- sql-sha256:" header line');
  const server = /^-- server: (.*)$/m.exec(text);
  const blocks: string[] = [];
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (/^-- #\d+ /.test(line)) {
      if (current) blocks.push(trimBlock(current));
      current = [line];
    } else if (current) {
      current.push(line);
    }
  }
  if (current) blocks.push(trimBlock(current));
  return { sqlHash: hash[1], serverVersion: server?.[1] ?? '', blocks };
}

function trimBlock(lines: string[]): string {
  let end = lines.length;
  while (end > 0 && lines[end - 1] === '') end--;
  return lines.slice(0, end).join('\n');
}

/** Reads and parses `expected/<name>.out`. */
export function readExpected(name: string): ExpectedFile {
  return parseExpected(readFileSync(join(EXPECTED_DIR, `${name}.out`), 'utf8'));
}

/** Lists the test names (file names without .sql) in test/regress/sql, sorted. */
export function listRegressNames(): string[] {
  return readdirSync(SQL_DIR)
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -4))
    .sort();
}
