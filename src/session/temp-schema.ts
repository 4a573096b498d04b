/**
 * The name of a session's temporary schema, `pg_temp_N` (Postgres numbers them by backend slot).
 * A leaf module so catalog views and functions can name it without importing the commands.
 * Postgres counterpart: src/backend/catalog/namespace.c (InitTempTableNamespace).
 */

/** The temporary schema name of the session with backend pid `pid`. */
export function tempSchemaNameFor(pid: number): string {
  return `pg_temp_${pid - 997}`;
}
