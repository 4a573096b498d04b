/**
 * Where a routine's body sits in its CREATE statement, so errors found in the body at creation
 * (analysis of SQL-function statements, PL/pgSQL syntax) point into the statement the client
 * sent: `AS $$ ... $$` maps one to one; `'...'` strings account for doubled quotes.
 *
 * Postgres counterpart: src/backend/catalog/pg_proc.c (function_parse_error_transpose,
 * match_prosrc_to_query).
 */

/** Maps 0-based offsets in the body text to 0-based offsets in `sql`, or undefined if not found. */
export function bodyOffsetMapper(sql: string, asLocation: number | undefined, body: string): ((off: number) => number) | undefined {
  if (asLocation === undefined) return undefined;
  let i = asLocation;
  if (/^as/i.test(sql.slice(i, i + 2))) i += 2;
  while (i < sql.length && /\s/.test(sql[i])) i++;
  const dollar = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i));
  if (dollar) {
    const start = i + dollar[0].length;
    if (sql.slice(start, start + body.length) !== body) return undefined;
    return (off) => start + off;
  }
  if (sql[i] === 'E' || sql[i] === 'e') i++;
  if (sql[i] !== "'") return undefined;
  const start = i + 1;
  // Walk the literal, recording where each body character came from.
  const map: number[] = [];
  let j = start;
  while (j < sql.length && map.length < body.length) {
    if (sql[j] === "'" && sql[j + 1] === "'") {
      map.push(j);
      j += 2;
      continue;
    }
    if (sql[j] === "'") break;
    map.push(j);
    j++;
  }
  return (off) => (off < map.length ? map[off] : j);
}
