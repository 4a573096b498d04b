/**
 * Installed version of a package, read from node_modules (exports maps may hide package.json
 * from `require`).
 *
 * Postgres counterpart: none.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The `version` field of node_modules/<name>/package.json, or `unknown`. */
export function packageVersion(name: string): string {
  try {
    const path = fileURLToPath(new URL(`../../node_modules/${name}/package.json`, import.meta.url));
    return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** The version of this repository's package (fauxgres itself). */
export function projectVersion(): string {
  try {
    const path = fileURLToPath(new URL('../../package.json', import.meta.url));
    return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
