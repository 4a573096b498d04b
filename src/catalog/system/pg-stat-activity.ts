/**
 * pg_stat_activity: one row per open session of the database (client backends; Postgres also
 * lists its background processes, which fauxgres does not have): pid (pg_backend_pid()), database,
 * user, application_name, state ('active' while a statement runs, else 'idle', 'idle in
 * transaction' or 'idle in transaction (aborted)'), the latest query string and its start, the
 * transaction and backend start times.
 * Postgres counterpart: pg_stat_get_activity in src/backend/utils/adt/pgstatfuncs.c.
 * Known gaps: no background-process rows; client_addr/client_port are NULL (as for a Unix-socket
 * connection); wait events, backend_xid/xmin and query_id are NULL.
 */
import type { Session } from '../../session/session.js';
import { databaseOid } from './pg-database.js';
import { defineRows } from './registry.js';
import { readingMicros } from '../../session/clock.js';

defineRows('pg_catalog', 'pg_stat_activity', {
  scope: 'session',
  *rows({ session }) {
    const me = session as unknown as Session;
    const current = me.databaseName();
    const all = [...(me.db.sessions as Set<unknown>)] as Session[];
    for (const s of all.sort((a, b) => a.pid - b.pid)) {
      if (s.databaseName() !== current || !s.activity) continue;
      const act = s.activity;
      const state = act.running || s === me
        ? 'active'
        : s.failed ? 'idle in transaction (aborted)' : s.inBlock ? 'idle in transaction' : 'idle';
      const app = s.getSetting('application_name', true);
      yield {
        datid: databaseOid(current, current), datname: current, pid: s.pid, leader_pid: null, usesysid: 10, usename: s.sessionUser(),
        application_name: app ?? '', client_addr: null, client_hostname: null, client_port: -1,
        backend_start: act.backendStart, xact_start: s.txn ? s.txn.startTimestamp : null, query_start: act.queryStart === null ? null : readingMicros(act.queryStart),
        state_change: act.stateChange === null ? null : readingMicros(act.stateChange), wait_event_type: null, wait_event: null, state, backend_xid: null, backend_xmin: null,
        query_id: null, query: act.query, backend_type: 'client backend',
      };
    }
  },
});
