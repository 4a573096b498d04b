/**
 * pg_database: the template databases, postgres, and the session's database (UTF8, ICU en-US, as
 * the oracle's cluster is initialised), and pg_tablespace.
 * Postgres counterpart: src/include/catalog/pg_database.h, pg_tablespace.h.
 * Known gaps: other databases of a real cluster do not exist; datfrozenxid is 0.
 */
import { aclText } from '../acl.js';
import { PgArray } from '../../types/values.js';
import { defineRows } from './registry.js';

const FIXED: Record<string, number> = { template1: 1, template0: 4, postgres: 5 };
/** OID of the session's database when it is not one of the built-in ones. */
export const USER_DATABASE_OID = 16384;

/** The OID of database `name` (the session's own database gets USER_DATABASE_OID). */
export function databaseOid(name: string, current: string): number {
  return FIXED[name] ?? (name === current ? USER_DATABASE_OID : 0);
}

const TEMPLATE_ACL = PgArray.of(['=c/postgres', 'postgres=CTc/postgres']);

defineRows('pg_catalog', 'pg_database', {
  scope: 'catalog',
  *rows({ session, cat }) {
    const current = session.databaseName();
    const names = ['postgres', 'template1', 'template0'];
    if (!names.includes(current)) names.push(current);
    for (const name of names) {
      const template = name.startsWith('template');
      yield {
        oid: databaseOid(name, current), datname: name, datdba: 10, encoding: 6, datlocprovider: 'i', datistemplate: template,
        datallowconn: name !== 'template0', dathasloginevt: false, datconnlimit: -1, datfrozenxid: 0, datminmxid: 1, dattablespace: 1663,
        datcollate: 'C.UTF-8', datctype: 'C.UTF-8', datlocale: 'en-US', daticurules: null, datcollversion: '153.80', datacl: template ? TEMPLATE_ACL : name === current && cat.databaseAcl ? PgArray.of(aclText(cat, cat.databaseAcl)) : null,
      };
    }
  },
});

defineRows('pg_catalog', 'pg_tablespace', {
  scope: 'catalog',
  *rows() {
    yield { oid: 1663, spcname: 'pg_default', spcowner: 10, spcacl: null, spcoptions: null };
    yield { oid: 1664, spcname: 'pg_global', spcowner: 10, spcacl: null, spcoptions: null };
  },
});
