/**
 * The pg_stat_statements extension (1.12) as an application schema sees it: CREATE EXTENSION
 * creates the pg_stat_statements and pg_stat_statements_info views with Postgres's columns, and
 * the functions behind them. fauxgres keeps no statement statistics, so querying them raises the
 * error Postgres raises when the module is not in shared_preload_libraries (55000), which is
 * what a server without the library preloaded answers.
 * Postgres counterpart: contrib/pg_stat_statements/pg_stat_statements.c, pg_stat_statements--1.*.sql.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { fn } from './registry.js';

const EXT = 'pg_stat_statements';
const notLoaded = (): never => {
  throw new PgError(SQLSTATE.object_not_in_prerequisite_state, 'pg_stat_statements must be loaded via "shared_preload_libraries"');
};

const B = OID.int8;
const F = OID.float8;
const COLUMNS: [string, number][] = [
  ['userid', OID.oid], ['dbid', OID.oid], ['toplevel', OID.bool], ['queryid', B], ['query', OID.text], ['plans', B],
  ['total_plan_time', F], ['min_plan_time', F], ['max_plan_time', F], ['mean_plan_time', F], ['stddev_plan_time', F],
  ['calls', B], ['total_exec_time', F], ['min_exec_time', F], ['max_exec_time', F], ['mean_exec_time', F], ['stddev_exec_time', F],
  ['rows', B], ['shared_blks_hit', B], ['shared_blks_read', B], ['shared_blks_dirtied', B], ['shared_blks_written', B],
  ['local_blks_hit', B], ['local_blks_read', B], ['local_blks_dirtied', B], ['local_blks_written', B], ['temp_blks_read', B],
  ['temp_blks_written', B], ['shared_blk_read_time', F], ['shared_blk_write_time', F], ['local_blk_read_time', F],
  ['local_blk_write_time', F], ['temp_blk_read_time', F], ['temp_blk_write_time', F], ['wal_records', B], ['wal_fpi', B],
  ['wal_bytes', OID.numeric], ['wal_buffers_full', B], ['jit_functions', B], ['jit_generation_time', F], ['jit_inlining_count', B],
  ['jit_inlining_time', F], ['jit_optimization_count', B], ['jit_optimization_time', F], ['jit_emission_count', B],
  ['jit_emission_time', F], ['jit_deform_count', B], ['jit_deform_time', F], ['parallel_workers_to_launch', B],
  ['parallel_workers_launched', B], ['stats_since', OID.timestamptz], ['minmax_stats_since', OID.timestamptz],
];

fn('pg_stat_statements', [OID.bool], OID.record, notLoaded, {
  extension: EXT, volatility: 'v', retset: true, argNames: ['showtext'], outColumns: COLUMNS.map(([name, type]) => ({ name, type })),
});
fn('pg_stat_statements_info', [], OID.record, notLoaded, {
  extension: EXT, volatility: 'v', outColumns: [{ name: 'dealloc', type: B }, { name: 'stats_reset', type: OID.timestamptz }],
});
fn('pg_stat_statements_reset', [OID.oid, OID.oid, B, OID.bool], OID.timestamptz, notLoaded, {
  extension: EXT, volatility: 'v', defaults: 4, argNames: ['userid', 'dbid', 'queryid', 'minmax_only'], argDefaults: [0, 0, 0n, false],
});

/** The views CREATE EXTENSION pg_stat_statements creates in `schema` (quoted identifier). */
export function pgStatStatementsViews(schema: string): string {
  return `CREATE VIEW ${schema}.pg_stat_statements AS SELECT * FROM ${schema}.pg_stat_statements(true);
CREATE VIEW ${schema}.pg_stat_statements_info AS SELECT * FROM ${schema}.pg_stat_statements_info();`;
}
