/**
 * pg_cursors: the session's open cursors (SQL DECLARE and PL/pgSQL OPEN), from session/cursors.ts.
 * Postgres counterpart: src/backend/utils/mmgr/portalmem.c (pg_cursor), system_views.sql.
 */
import { defineRows } from './registry.js';
import { cursorsOf } from '../../session/cursors.js';

defineRows('pg_catalog', 'pg_cursors', {
  scope: 'session',
  *rows({ session }) {
    for (const c of cursorsOf(session).map.values()) {
      yield { name: c.name, statement: c.statement, is_holdable: c.holdable, is_binary: c.binary, is_scrollable: c.scroll, creation_time: c.created };
    }
  },
});
