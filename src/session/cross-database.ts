/**
 * Three-part relation names (`db.schema.table`): allowed when `db` is the current database, else
 * 0A000 "cross-database references are not implemented", checked once per parsed statement.
 * Postgres counterpart: RangeVarGetRelidExtended in src/backend/catalog/namespace.c.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { RawStatement } from '../parser/parse.js';

interface Reference {
  readonly catalog: string;
  readonly text: string;
  readonly location: number;
}

const found = new WeakMap<RawStatement, readonly Reference[]>();
const NONE: readonly Reference[] = [];
const THREE_PARTS = /[\w"$]\s*\.\s*(?:"(?:[^"]|"")*"|[\w$]+)\s*\.\s*["\w$]/;

function collect(node: unknown, out: Reference[]): void {
  if (Array.isArray(node)) {
    for (const x of node) collect(x, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const o = node as Record<string, unknown>;
  const rv = o.RangeVar as { catalogname?: string; schemaname?: string; relname: string; location?: number } | undefined;
  if (rv?.catalogname) out.push({ catalog: rv.catalogname, text: `${rv.catalogname}.${rv.schemaname}.${rv.relname}`, location: rv.location ?? -1 });
  for (const k in o) collect(o[k], out);
}

/** Throws 0A000 when the statement names a relation in another database. */
export function checkCrossDatabase(st: RawStatement, database: string, sql: string, toPosition: (sql: string, loc: number) => string | undefined): void {
  let refs = found.get(st);
  if (!refs) {
    // Without two dots in a row of names there is no three-part name: skip the tree walk.
    if (!THREE_PARTS.test(st.text ?? sql)) {
      if (st.text !== undefined) found.set(st, NONE);
      return;
    }
    const out: Reference[] = [];
    collect(st.stmt, out);
    refs = out;
    found.set(st, refs);
  }
  for (const r of refs) {
    if (r.catalog !== database) {
      throw new PgError(SQLSTATE.feature_not_supported, `cross-database references are not implemented: "${r.text}"`, { position: toPosition(sql, r.location) });
    }
  }
}
