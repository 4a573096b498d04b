/**
 * pg_extension (plpgsql, always installed, plus those CREATE EXTENSION added), pg_language and
 * pg_available_extensions.
 * Postgres counterpart: src/include/catalog/pg_extension.h, pg_language.dat, the extensions'
 * control files.
 */
import { defineRows, PG_CATALOG_NAMESPACE } from './registry.js';

/** Postgres's OIDs for the plpgsql extension and language. */
export const PLPGSQL_EXTENSION_OID = 13494;
export const PLPGSQL_LANGUAGE_OID = 13498;

/** The extensions fauxgres emulates: [name, default version, relocatable, description]. */
export const AVAILABLE: readonly (readonly [string, string, string])[] = [
  ['btree_gin', '1.3', 'support for indexing common datatypes in GIN'],
  ['citext', '1.8', 'data type for case-insensitive character strings'],
  ['fuzzystrmatch', '1.2', 'determine similarities and distance between strings'],
  ['hstore', '1.8', 'data type for storing sets of (key, value) pairs'],
  ['moddatetime', '1.0', 'functions for tracking last modification time'],
  ['pg_stat_statements', '1.12', 'track planning and execution statistics of all SQL statements executed'],
  ['pg_trgm', '1.6', 'text similarity measurement and index searching based on trigrams'],
  ['pgcrypto', '1.4', 'cryptographic functions'],
  ['plpgsql', '1.0', 'PL/pgSQL procedural language'],
  ['unaccent', '1.1', 'text search dictionary that removes accents'],
  ['uuid-ossp', '1.1', 'generate universally unique identifiers (UUIDs)'],
];

defineRows('pg_catalog', 'pg_extension', {
  scope: 'catalog',
  *rows({ cat }) {
    yield { oid: PLPGSQL_EXTENSION_OID, extname: 'plpgsql', extowner: 10, extnamespace: PG_CATALOG_NAMESPACE, extrelocatable: false, extversion: '1.0', extconfig: null, extcondition: null };
    for (const e of cat.extensions.values()) {
      yield { oid: e.oid, extname: e.name, extowner: 10, extnamespace: e.namespace, extrelocatable: true, extversion: e.version, extconfig: null, extcondition: null };
    }
  },
});

defineRows('pg_catalog', 'pg_available_extensions', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const [name, version, comment] of AVAILABLE) {
      const installed = name === 'plpgsql' ? '1.0' : (cat.extensions.get(name)?.version ?? null);
      yield { name, default_version: version, installed_version: installed, comment };
    }
  },
});

defineRows('pg_catalog', 'pg_language', {
  scope: 'catalog',
  *rows() {
    yield { oid: 12, lanname: 'internal', lanowner: 10, lanispl: false, lanpltrusted: false, lanplcallfoid: 0, laninline: 0, lanvalidator: 2246, lanacl: null };
    yield { oid: 13, lanname: 'c', lanowner: 10, lanispl: false, lanpltrusted: false, lanplcallfoid: 0, laninline: 0, lanvalidator: 2247, lanacl: null };
    yield { oid: 14, lanname: 'sql', lanowner: 10, lanispl: false, lanpltrusted: true, lanplcallfoid: 0, laninline: 0, lanvalidator: 2248, lanacl: null };
    yield { oid: PLPGSQL_LANGUAGE_OID, lanname: 'plpgsql', lanowner: 10, lanispl: true, lanpltrusted: true, lanplcallfoid: 13495, laninline: 13496, lanvalidator: 13497, lanacl: null };
  },
});
