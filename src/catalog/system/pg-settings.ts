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
import { settingFact, settingInBaseUnit } from '../../session/guc.js';

defineRows('pg_catalog', 'pg_settings', {
  scope: 'session',
  *rows({ session }) {
    for (const [name, unit, category, short_desc, extra_desc, context, vartype, min_val, max_val, enumvals, boot_val, default_val] of SETTING_FACTS) {
      const shown = session.getSetting(name, true);
      if (shown === null) continue;
      const fact = settingFact(name.toLowerCase());
      const setting = fact ? settingInBaseUnit(fact, shown) : shown;
      yield {
        name, setting, unit, category, short_desc, extra_desc, context, vartype,
        source: setting !== default_val ? 'session' : default_val === boot_val ? 'default' : 'configuration file',
        min_val, max_val, enumvals: enumvals ? PgArray.of([...enumvals]) : null,
        boot_val, reset_val: default_val, sourcefile: null, sourceline: null, pending_restart: false,
      };
    }
  },
});
