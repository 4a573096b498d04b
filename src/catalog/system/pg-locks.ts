/**
 * pg_locks: refused with 0A000 until the lock manager's relation, advisory and transaction-id
 * locks are mapped to Postgres's rows (an empty view would be a wrong answer: Postgres always
 * shows at least the querying backend's own locks).
 * Postgres counterpart: pg_lock_status in src/backend/utils/adt/lockfuncs.c.
 */
import { featureNotSupported } from '../../errors/pg-error.js';
import { defineRows } from './registry.js';

defineRows('pg_catalog', 'pg_locks', {
  scope: 'session',
  rows() {
    throw featureNotSupported('pg_locks');
  },
});
