/**
 * pg_largeobject_metadata (one row per large object: owner, ACL) and pg_largeobject (its
 * contents, LOBLKSIZE bytes per page).
 * Postgres counterpart: src/include/catalog/pg_largeobject_metadata.h, pg_largeobject.h.
 * Known gaps: pg_largeobject is readable by everyone (Postgres revokes SELECT from PUBLIC).
 */
import { defineRows } from './registry.js';
import { PgArray } from '../../types/values.js';
import { aclText } from '../acl.js';
import { roleOid } from './common.js';
import { largeObjectPages } from '../large-object.js';

defineRows('pg_catalog', 'pg_largeobject_metadata', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const lo of [...cat.largeObjects.values()].sort((a, b) => a.oid - b.oid)) {
      yield { oid: lo.oid, lomowner: roleOid(lo.owner), lomacl: lo.acl ? PgArray.of(aclText(cat, lo.acl)) : null };
    }
  },
});

defineRows('pg_catalog', 'pg_largeobject', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const lo of [...cat.largeObjects.values()].sort((a, b) => a.oid - b.oid)) {
      for (const [pageno, data] of largeObjectPages(lo)) yield { loid: lo.oid, pageno, data };
    }
  },
});
