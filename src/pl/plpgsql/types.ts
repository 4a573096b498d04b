/**
 * Declared types of PL/pgSQL variables: type names as written (`integer`, `varchar(20)`,
 * `numeric(10,2)[]`, `public.mood`), `table%ROWTYPE`, `table.column%TYPE`, `variable%TYPE`,
 * `record`, and `refcursor` (a cursor's name; kept as text here).
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_comp.c (plpgsql_parse_wordtype,
 * plpgsql_parse_cwordrowtype, plpgsql_build_datatype).
 */
import { lookupSystemRelation } from '../../catalog/system/scan.js';
import type { Catalog } from '../../catalog/catalog.js';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { lookupRelation } from '../../analyze/relation.js';
import { resolveTypeName } from '../../analyze/type-name.js';
import { parseScript } from '../../parser/parse.js';
import { OID } from '../../types/oids.js';
import { typeInfo } from '../../types/registry.js';
import { splitQualifiedName } from '../../analyze/regclass.js';

export interface PlType {
  readonly type: number;
  readonly typmod: number;
  /** A composite type (table row type, composite type) or `record`: the variable is a record. */
  readonly isRecord: boolean;
}

function typeOf(cat: Catalog, oid: number, typmod: number): PlType {
  const info = typeInfo(cat, oid);
  return { type: oid, typmod, isRecord: oid === OID.record || info.typtype === 'c' };
}

/**
 * Resolves a declared type. `variableType` answers `name%TYPE` for another variable.
 * @throws 42704 unknown type, 42P01 unknown table, 42703 unknown column.
 */
export function resolvePlType(cat: Catalog, searchPath: readonly string[], typname: string, variableType: (name: string) => PlType | undefined): PlType {
  const t = typname.trim();
  const row = /^(.*)%rowtype$/i.exec(t);
  if (row) {
    const parts = splitQualifiedName(row[1]);
    const rel = lookupRelation(cat, searchPath, parts.length === 2 ? { schema: parts[0], name: parts[1] } : { name: parts[parts.length - 1] });
    const sys = rel ? undefined : lookupSystemRelation(parts.length === 2 ? parts[0] : undefined, parts[parts.length - 1], searchPath);
    if (!rel && !sys) throw new PgError(SQLSTATE.undefined_table, `relation "${parts.join('.')}" does not exist`);
    // (a system catalog's row type is not a registered type here: its rows are plain records)
    return { type: rel ? rel.rowType : OID.record, typmod: -1, isRecord: true };
  }
  const pct = /^(.*)%type$/i.exec(t);
  if (pct) {
    const parts = splitQualifiedName(pct[1]);
    if (parts.length === 1) {
      const v = variableType(parts[0]);
      if (v) return v;
      throw new PgError(SQLSTATE.syntax_error, `variable "${parts[0]}" does not exist`);
    }
    const v = parts.length === 2 ? variableType(parts.join('.')) : undefined;
    if (v) return v;
    const col = parts[parts.length - 1];
    const relParts = parts.slice(0, -1);
    const rel = lookupRelation(cat, searchPath, relParts.length === 2 ? { schema: relParts[0], name: relParts[1] } : { name: relParts[0] });
    if (!rel) {
      // A system catalog's column (pg_class.oid%TYPE).
      const sys = lookupSystemRelation(relParts.length === 2 ? relParts[0] : undefined, relParts[relParts.length - 1], searchPath);
      if (!sys) throw new PgError(SQLSTATE.undefined_table, `relation "${relParts.join('.')}" does not exist`);
      const sc = sys.columns.find((x) => x.name === col);
      if (!sc) throw new PgError(SQLSTATE.undefined_column, `column "${col}" of relation "${sys.name}" does not exist`);
      return typeOf(cat, sc.type, -1);
    }
    const c = rel.columns.find((x) => x.name === col && !x.dropped);
    if (!c) throw new PgError(SQLSTATE.undefined_column, `column "${col}" of relation "${rel.name}" does not exist`);
    return typeOf(cat, c.type, c.typmod);
  }
  const lower = t.toLowerCase();
  if (lower === 'record') return { type: OID.record, typmod: -1, isRecord: true };
  if (lower === 'refcursor') return { type: OID.text, typmod: -1, isRecord: false };
  const stmts = parseScript(`SELECT NULL::${t}`);
  const cast = (stmts[0]?.stmt as Record<string, any>)?.SelectStmt?.targetList?.[0]?.ResTarget?.val?.TypeCast;
  if (!cast) throw new PgError(SQLSTATE.undefined_object, `type "${t}" does not exist`);
  const r = resolveTypeName(cat, searchPath, cast.typeName, () => undefined);
  return typeOf(cat, r.oid, r.typmod);
}
