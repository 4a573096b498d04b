/**
 * SQL quoting: quote_ident (double quotes unless the name is a plain lowercase identifier that
 * is not a reserved-ish keyword), quote_literal (single quotes, doubled; `E'...'` when the text
 * has a backslash), and the keyword list that decides quote_ident.
 *
 * Postgres counterpart: quote_identifier in src/backend/utils/adt/ruleutils.c, quote_literal_cstr
 * in quote.c; the keyword categories of src/include/parser/kwlist.h (all but UNRESERVED).
 * Known gaps: none known.
 */

/** Keywords quote_ident must quote (pg_get_keywords() with catcode <> 'U', Postgres 18). */
const QUOTED_KEYWORDS = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization between bigint binary bit boolean both case cast ' +
    'char character check coalesce collate collation column concurrently constraint create cross current_catalog ' +
    'current_date current_role current_schema current_time current_timestamp current_user dec decimal default deferrable ' +
    'desc distinct do else end except exists extract false fetch float for foreign freeze from full grant greatest group ' +
    'grouping having ilike in initially inner inout int integer intersect interval into is isnull join json json_array ' +
    'json_arrayagg json_exists json_object json_objectagg json_query json_scalar json_serialize json_table json_value ' +
    'lateral leading least left like limit localtime localtimestamp merge_action national natural nchar none normalize ' +
    'not notnull null nullif numeric offset on only or order out outer overlaps overlay placing position precision ' +
    'primary real references returning right row select session_user setof similar smallint some substring symmetric ' +
    'system_user table tablesample then time timestamp to trailing treat trim true union unique user using values ' +
    'varchar variadic verbose when where window with xmlattributes xmlconcat xmlelement xmlexists xmlforest ' +
    'xmlnamespaces xmlparse xmlpi xmlroot xmlserialize xmltable'
  ).split(' '),
);

/**
 * quote_ident: `abc` stays, `Abc` → `"Abc"`, `select` → `"select"`, `a"b` → `"a""b"`.
 */
export function quoteIdent(name: string): string {
  if (/^[a-z_][a-z0-9_]*$/.test(name) && !QUOTED_KEYWORDS.has(name)) return name;
  return '"' + name.replace(/"/g, '""') + '"';
}

/**
 * quote_literal: `it's` → `'it''s'`; a backslash doubles and switches to `E'...'`.
 */
export function quoteLiteral(s: string): string {
  const body = s.replace(/'/g, "''");
  if (s.includes('\\')) return "E'" + body.replace(/\\/g, '\\\\') + "'";
  return "'" + body + "'";
}
