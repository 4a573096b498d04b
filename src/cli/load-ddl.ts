/**
 * Finds the SQL a project's DDL lives in: single files, folders of `.sql` migrations applied in
 * name order (Supabase's `supabase/migrations`, Drizzle's output folder), and folders of
 * `<timestamp>_<name>/migration.sql` (Prisma's `prisma/migrations`).
 * Postgres counterpart: none.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The SQL files to apply, in order, for a list of files and migration folders. */
export function ddlFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (!statSync(p).isDirectory()) {
      out.push(p);
      continue;
    }
    for (const name of readdirSync(p).sort()) {
      const full = join(p, name);
      if (statSync(full).isDirectory()) {
        const m = join(full, 'migration.sql');
        try {
          if (statSync(m).isFile()) out.push(m);
        } catch {
          // a folder without migration.sql (Drizzle's meta/) holds no SQL
        }
      } else if (name.endsWith('.sql')) out.push(full);
    }
  }
  return out;
}
