/**
 * pg_event_trigger: the event triggers CREATE EVENT TRIGGER made.
 * Postgres counterpart: src/include/catalog/pg_event_trigger.h.
 */
import { defineRows } from './registry.js';
import { roleOid } from './common.js';
import { PgArray } from '../../types/values.js';

defineRows('pg_catalog', 'pg_event_trigger', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const t of [...cat.eventTriggers.values()].sort((a, b) => a.oid - b.oid)) {
      yield {
        oid: t.oid, evtname: t.name, evtevent: t.event, evtowner: roleOid(t.owner), evtfoid: t.func, evtenabled: t.enabled,
        evttags: t.tags ? PgArray.of([...t.tags]) : null,
      };
    }
  },
});
