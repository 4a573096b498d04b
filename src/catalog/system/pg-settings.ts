/**
 * pg_settings: the session's settings with Postgres's metadata (settings-data.ts); values in the
 * setting's base unit (work_mem 4MB reads 4096 with unit kB).
 * Postgres counterpart: src/backend/utils/misc/guc_funcs.c (show_all_settings), system_views.sql.
 * Known gaps: source is 'default', 'configuration file' (what initdb writes) or 'session' (never
 * 'database' / 'user'); reset_val is the installation default; sourcefile is never set.
 */
import { PgArray } from '../../types/values.js';
import { defineRows } from './registry.js';
import { SETTING_FACTS } from './settings-data.js';

const MEMORY_KB: Record<string, number> = { B: 1 / 1024, kB: 1, MB: 1024, GB: 1024 * 1024, TB: 1024 * 1024 * 1024 };
const TIME_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, min: 60000, h: 3600000, d: 86400000 };

/** A value as SHOW prints it, in the setting's base unit as pg_settings shows it. */
export function inBaseUnit(value: string, unit: string | null): string {
  if (!unit) return value;
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$/.exec(value);
  if (!m || !m[2]) return value;
  const n = Number(m[1]);
  const um = /^(\d*)(kB|MB|GB|B|ms|s|min|h|d|us)$/.exec(unit);
  if (!um) return value;
  const unitSize = Number(um[1] || '1');
  const mem = MEMORY_KB[m[2]];
  const memBase = MEMORY_KB[um[2]];
  if (mem !== undefined && memBase !== undefined) return String(Math.round((n * mem) / (memBase * unitSize)));
  const t = TIME_MS[m[2]];
  const tBase = TIME_MS[um[2]];
  if (t !== undefined && tBase !== undefined) return String(Math.round((n * t) / (tBase * unitSize)));
  return value;
}

defineRows('pg_catalog', 'pg_settings', {
  scope: 'session',
  *rows({ session }) {
    for (const [name, unit, category, short_desc, extra_desc, context, vartype, min_val, max_val, enumvals, boot_val, default_val] of SETTING_FACTS) {
      const shown = session.getSetting(name, true);
      if (shown === null) continue;
      const setting = inBaseUnit(shown, unit);
      yield {
        name, setting, unit, category, short_desc, extra_desc, context, vartype,
        source: setting !== default_val ? 'session' : default_val === boot_val ? 'default' : 'configuration file',
        min_val, max_val, enumvals: enumvals ? PgArray.of([...enumvals]) : null,
        boot_val, reset_val: default_val, sourcefile: null, sourceline: null, pending_restart: false,
      };
    }
  },
});
