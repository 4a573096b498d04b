/**
 * The PL/pgSQL parse tree as libpg-query's parsePlPgSQLSync prints it (JSON of Postgres's
 * PLpgSQL_function): typed loosely, with accessors that read the fields it omits when zero or
 * false (dno 0, varno 0, is_exit false...).
 *
 * Postgres counterpart: src/pl/plpgsql/src/plpgsql.h (the PLpgSQL_* node structs) and
 * libpg_query's pg_query_json_plpgsql.c.
 */

/** One node: `{ PLpgSQL_stmt_if: { ... } }`. */
export type PlNode = Record<string, any>;

/** Splits `{ Kind: body }`. */
export function plKind(n: PlNode): [string, PlNode] {
  const k = Object.keys(n)[0];
  return [k, n[k] ?? {}];
}

/** An expression node's text (`PLpgSQL_expr.query`). */
export function exprText(n: PlNode | undefined): string | undefined {
  return n?.PLpgSQL_expr?.query;
}

/** A statement's line (0 for the implicit final RETURN libpg-query adds). */
export function lineOf(body: PlNode): number {
  return body.lineno ?? 0;
}

/** Statements of a body list (absent when empty). */
export function stmtList(list: PlNode[] | undefined): PlNode[] {
  return list ?? [];
}

/** The datum number a variable node names (`dno` is omitted when 0). */
export function dnoOf(body: PlNode): number {
  return body.dno ?? 0;
}

/** The datatype name of a PLpgSQL_var / PLpgSQL_rec (`integer`, `users%rowtype`, `record`). */
export function typeNameOf(body: PlNode): string | undefined {
  return body.datatype?.PLpgSQL_type?.typname;
}

/** PL/pgSQL's elog levels (utils/elog.h). */
export const ELOG = { DEBUG5: 10, DEBUG1: 14, LOG: 15, INFO: 17, NOTICE: 18, WARNING: 19, ERROR: 21 } as const;

/** RAISE ... USING option kinds, in PLpgSQL_raise_option_type order. */
export const RAISE_OPTIONS = ['ERRCODE', 'MESSAGE', 'DETAIL', 'HINT', 'COLUMN', 'CONSTRAINT', 'DATATYPE', 'TABLE', 'SCHEMA'] as const;
