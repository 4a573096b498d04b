/**
 * The parser seam: the only module that imports libpg-query (Postgres 18's own grammar, compiled
 * to WASM). Parse trees are cached by SQL text, so a repeated statement never re-parses.
 * Syntax errors become PgError 42601 with Postgres's message and 1-based `position`.
 *
 * Postgres counterpart: src/backend/parser/parser.c (raw_parser) and scan.l's error reporting.
 */
import { loadModule, parseSync, parsePlPgSQLSync } from 'libpg-query';
import type { Node } from '@pgsql/types';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

export type { Node } from '@pgsql/types';
export type * as Ast from '@pgsql/types';

/** One statement of a parsed script, with its own text. */
export interface RawStatement {
  readonly stmt: Node;
  /** Offset of the statement in the script (0-based, in characters). */
  readonly location: number;
  /** The statement's own text (without the terminating semicolon). */
  readonly text: string;
}

let loading: Promise<void> | undefined;
let loaded = false;

/** Loads the WASM parser once; every other export requires it to have resolved. */
export function initParser(): Promise<void> {
  if (!loading) loading = loadModule().then(() => { loaded = true; });
  return loading;
}

const cache = new Map<string, readonly RawStatement[]>();
const CACHE_LIMIT = 5000;
/** Statements longer than this (bulk literal INSERTs, scripts) are kept only when they come back. */
export const CACHEABLE_SQL_LENGTH = 8192;

/**
 * Long scripts: a schema applied to every new database comes back and is kept from its second
 * parse on (up to LONG_TEXT_BUDGET characters of text, least recently used dropped first); a
 * one-off bulk load is parsed once and never kept. `seenLong` remembers the texts parsed once.
 */
const longCache = new Map<string, readonly RawStatement[]>();
const seenLong = new Set<string>();
const SEEN_LONG_LIMIT = 16;
const LONG_TEXT_BUDGET = 1 << 20;
let longCached = 0;

function lookup(sql: string): readonly RawStatement[] | undefined {
  if (sql.length <= CACHEABLE_SQL_LENGTH) return cache.get(sql);
  const hit = longCache.get(sql);
  if (hit) {
    longCache.delete(sql);
    longCache.set(sql, hit);
  }
  return hit;
}

function remember(sql: string, stmts: readonly RawStatement[]): void {
  if (sql.length <= CACHEABLE_SQL_LENGTH) {
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    cache.set(sql, stmts);
    return;
  }
  if (sql.length > LONG_TEXT_BUDGET) return;
  if (!seenLong.delete(sql)) {
    if (seenLong.size >= SEEN_LONG_LIMIT) seenLong.delete(seenLong.values().next().value as string);
    seenLong.add(sql);
    return;
  }
  while (longCached + sql.length > LONG_TEXT_BUDGET) {
    const oldest = longCache.keys().next().value as string;
    longCache.delete(oldest);
    longCached -= oldest.length;
  }
  longCache.set(sql, stmts);
  longCached += sql.length;
}

/** Converts UTF-8 byte offsets (what libpg-query reports) into JS string offsets. */
function byteToCharOffsets(sql: string): ((byteOffset: number) => number) {
  // Fast path: pure ASCII text has identical offsets.
  let ascii = true;
  for (let i = 0; i < sql.length; i++) if (sql.charCodeAt(i) > 0x7f) { ascii = false; break; }
  if (ascii) return (b) => b;
  const buf = Buffer.from(sql, 'utf8');
  return (b) => buf.subarray(0, b).toString('utf8').length;
}

/** The statement's node type (`SelectStmt`, ...): its one key, read without building an array. */
export function stmtKind(st: RawStatement): string {
  for (const k in st.stmt) return k;
  return '';
}

/**
 * Parses a script into statements (cached by text). Throws PgError 42601 on a syntax error.
 * @example parseScript('SELECT 1; SELECT 2').length === 2
 */
export function parseScript(sql: string): readonly RawStatement[] {
  const hit = lookup(sql);
  if (hit) return hit;
  if (!loaded) throw new Error('fauxgres: parser not initialised (await initParser())');
  // An empty string is an empty query (EmptyQueryResponse), not a syntax error.
  if (sql.length === 0 || /^\s*$/.test(sql)) return [];
  let result;
  try {
    result = parseSync(sql);
  } catch (e) {
    throw toSyntaxError(e, sql);
  }
  const toChar = byteToCharOffsets(sql);
  const stmts: RawStatement[] = [];
  for (const s of result.stmts ?? []) {
    const startB = s.stmt_location ?? 0;
    const start = toChar(startB);
    const end = s.stmt_len ? toChar(startB + s.stmt_len) : sql.length;
    stmts.push({ stmt: s.stmt as Node, location: start, text: sql.slice(start, end) });
  }
  remember(sql, stmts);
  return stmts;
}

/** Parses a PL/pgSQL function body (for the PL/pgSQL interpreter). */
export function parsePlpgsql(createFunctionSql: string): unknown {
  try {
    return parsePlPgSQLSync(createFunctionSql);
  } catch (e) {
    throw toSyntaxError(e, createFunctionSql);
  }
}

/** Messages gram.y raises as 0A000 (ERRCODE_FEATURE_NOT_SUPPORTED) rather than as syntax errors. */
const GRAMMAR_NOT_SUPPORTED = new RegExp(
  '^(' +
    [
      'CREATE OR REPLACE CONSTRAINT TRIGGER is not supported',
      'constraints cannot be altered to be NOT VALID',
      'a column list with .* is only supported for ON DELETE actions',
      'MATCH PARTIAL not yet implemented',
      '.* constraints cannot be marked (DEFERRABLE|NOT VALID|NO INHERIT|NOT ENFORCED|ENFORCED)',
      'constraint triggers cannot be marked .*',
      'WITH CHECK OPTION not supported on recursive views',
      'CREATE ASSERTION is not yet implemented',
      'UNIQUE predicate is not yet implemented',
      'dropping an enum value is not implemented',
      'CREATE SCHEMA IF NOT EXISTS cannot include schema elements',
      'UNENCRYPTED PASSWORD is no longer supported',
      'current database cannot be changed',
      'CREATE EXTENSION \\.\\.\\. FROM is no longer supported',
      'only string constants are supported in JSON_TABLE path specification',
      'aggregates cannot have output arguments',
    ].join('|') +
    ')$',
);

function toSyntaxError(e: unknown, sql: string): PgError {
  const err = e as { message?: string; sqlDetails?: { message: string; cursorPosition: number } };
  const message = err.sqlDetails?.message ?? err.message ?? 'syntax error';
  // The grammar's own window-frame checks ("frame start cannot be UNBOUNDED FOLLOWING") are 42P20.
  const code = /^frame (start|end|starting) /.test(message)
    ? SQLSTATE.windowing_error
    : /^unrecognized partitioning strategy ".*"$/.test(message) || message.startsWith('unrecognized JSON encoding: ')
      ? SQLSTATE.invalid_parameter_value
      : /^role name ".*" is reserved$/.test(message)
        ? SQLSTATE.reserved_name
        : GRAMMAR_NOT_SUPPORTED.test(message)
          ? SQLSTATE.feature_not_supported
          : SQLSTATE.syntax_error;
  const out = new PgError(code, message);
  // (the grammar's hints, which the parser library does not pass on)
  if (message.startsWith('unrecognized row security option ')) out.hint = 'Only PERMISSIVE or RESTRICTIVE policies are supported currently.';
  const cursor = err.sqlDetails?.cursorPosition;
  if (cursor !== undefined && cursor >= 0) {
    out.position = String(byteToCharOffsets(sql)(cursor) + 1);
  }
  return out;
}
