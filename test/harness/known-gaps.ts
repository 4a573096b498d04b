/**
 * Reads test/regress/known-gaps.txt: statements fauxgres does not support yet. For each listed
 * statement the runner requires fauxgres to raise SQLSTATE 0A000 (feature_not_supported); a wrong
 * answer is never a known gap, and a listed statement that now matches its recording fails with
 * "now passes, remove it from known-gaps".
 *
 * Format, one entry per line: `<file>:<statement number>  <reason>`, e.g.
 * `ddl.sql:42  ALTER TYPE ... ADD VALUE not supported yet` (the `.sql` suffix is optional; statement
 * numbers are the 1-based `#N` of the .out blocks). Blank lines and lines starting with `#` are
 * ignored.
 *
 * Postgres counterpart: none (pg_regress has resultmap/alternative outputs, not gaps).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGRESS_DIR } from './expected-file.js';

/** Path of the known-gaps file. */
export const KNOWN_GAPS_PATH = join(REGRESS_DIR, 'known-gaps.txt');

/** One entry of the known-gaps file. */
export interface KnownGap {
  /** Test name (file name without .sql). */
  readonly name: string;
  /** 1-based statement number. */
  readonly statement: number;
  readonly reason: string;
  /** 1-based line in known-gaps.txt. */
  readonly line: number;
}

/** Parses the known-gaps text; throws on a malformed line. */
export function parseKnownGaps(text: string): KnownGap[] {
  const gaps: KnownGap[] = [];
  text.split('\n').forEach((raw, k) => {
    const l = raw.trim();
    if (l === '' || l.startsWith('#')) return;
    const m = /^([A-Za-z0-9_.-]+?)(?:\.sql)?:(\d+)\s+(\S.*)$/.exec(l);
    if (!m) throw new Error(`known-gaps.txt line ${k + 1}: expected "<file>:<statement number>  <reason>", got: ${raw}`);
    gaps.push({ name: m[1], statement: Number(m[2]), reason: m[3], line: k + 1 });
  });
  return gaps;
}

/** Reads known-gaps.txt (empty when the file is absent). */
export function readKnownGaps(): KnownGap[] {
  return existsSync(KNOWN_GAPS_PATH) ? parseKnownGaps(readFileSync(KNOWN_GAPS_PATH, 'utf8')) : [];
}

/**
 * test/regress/pending.txt: statements whose fauxgres outcome does not match Postgres yet (same
 * format). Unlike a known gap this is a recorded failure, not an accepted one: the engine-core
 * issue is not resolved while the file has entries. The runner requires each listed statement to
 * still differ (so a fix is noticed and the entry removed) and reports the count.
 */
export const PENDING_PATH = join(REGRESS_DIR, 'pending.txt');

export function readPending(): KnownGap[] {
  return existsSync(PENDING_PATH) ? parseKnownGaps(readFileSync(PENDING_PATH, 'utf8')) : [];
}
