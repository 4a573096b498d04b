/**
 * The DETAIL of "cannot ... relation" errors that name the relation's kind.
 * Postgres counterpart: src/backend/catalog/pg_class.c (errdetail_relkind_not_supported).
 */

const KIND_PLURAL: Record<string, string> = {
  r: 'tables',
  i: 'indexes',
  S: 'sequences',
  t: 'TOAST tables',
  v: 'views',
  m: 'materialized views',
  c: 'composite types',
  f: 'foreign tables',
  p: 'partitioned tables',
  I: 'partitioned indexes',
};

/** `This operation is not supported for views.` for relkind `v`. */
export function relkindNotSupportedDetail(kind: string): string {
  return `This operation is not supported for ${KIND_PLURAL[kind] ?? 'this relation'}.`;
}
