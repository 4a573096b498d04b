/**
 * Small catalogs with fixed contents or simple sources: pg_am, pg_collation, pg_opclass, pg_enum,
 * pg_inherits (no inheritance: empty), pg_depend (the dependencies clients query: sequences owned
 * by columns, identity sequences, extension members are not listed).
 * Postgres counterpart: src/include/catalog/pg_am.dat, pg_collation.dat, pg_opclass.dat,
 * pg_enum.h, pg_depend.h.
 * Known gaps: ICU collations other than unicode are not listed; pg_depend has only the
 * sequence-ownership rows.
 */
import { defineRows, PG_CATALOG_NAMESPACE } from './registry.js';
import { OPCLASS_FACTS } from './builtin-data.js';
import { CLASS_OID, relationsInOrder, roleOid } from './common.js';
import { AM_OID } from './pg-class.js';

defineRows('pg_catalog', 'pg_am', {
  scope: 'catalog',
  *rows() {
    const handlers: Record<string, [string, string]> = {
      heap: ['heap_tableam_handler', 't'], btree: ['bthandler', 'i'], hash: ['hashhandler', 'i'], gist: ['gisthandler', 'i'],
      gin: ['ginhandler', 'i'], spgist: ['spghandler', 'i'], brin: ['brinhandler', 'i'],
    };
    const HANDLER_OIDS: Record<string, number> = { heap: 3, btree: 330, hash: 331, gist: 332, gin: 333, spgist: 334, brin: 335 };
    for (const [name, oid] of Object.entries(AM_OID)) yield { oid, amname: name, amhandler: HANDLER_OIDS[name], amtype: handlers[name][1] };
  },
});

defineRows('pg_catalog', 'pg_collation', {
  scope: 'catalog',
  *rows({ cat }) {
    const base = { collnamespace: PG_CATALOG_NAMESPACE, collowner: 10, collisdeterministic: true, collcollate: null, collctype: null, colllocale: null, collicurules: null, collversion: null };
    yield { ...base, oid: 100, collname: 'default', collprovider: 'd', collencoding: -1 };
    yield { ...base, oid: 950, collname: 'C', collprovider: 'c', collencoding: -1, collcollate: 'C', collctype: 'C' };
    yield { ...base, oid: 951, collname: 'POSIX', collprovider: 'c', collencoding: -1, collcollate: 'POSIX', collctype: 'POSIX' };
    yield { ...base, oid: 962, collname: 'ucs_basic', collprovider: 'b', collencoding: 6, colllocale: 'C', collversion: '1' };
    yield { ...base, oid: 811, collname: 'pg_c_utf8', collprovider: 'b', collencoding: 6, colllocale: 'C.UTF-8', collversion: '1' };
    yield { ...base, oid: 6411, collname: 'pg_unicode_fast', collprovider: 'b', collencoding: 6, colllocale: 'PG_UNICODE_FAST', collversion: '1' };
    yield { ...base, oid: 963, collname: 'unicode', collprovider: 'i', collencoding: -1, colllocale: 'und', collversion: '153.80' };
    for (const c of cat.collations.values()) {
      yield {
        oid: c.oid, collname: c.name, collnamespace: c.namespace, collowner: roleOid(c.owner), collprovider: c.provider, collisdeterministic: c.deterministic,
        collencoding: c.encoding, collcollate: c.collate, collctype: c.ctype, colllocale: c.locale, collicurules: c.icuRules, collversion: c.version,
      };
    }
  },
});

defineRows('pg_catalog', 'pg_opclass', {
  scope: 'catalog',
  *rows() {
    for (const [oid, method, name, family, intype, isDefault, keytype] of OPCLASS_FACTS) {
      yield { oid, opcmethod: method, opcname: name, opcnamespace: PG_CATALOG_NAMESPACE, opcowner: 10, opcfamily: family, opcintype: intype, opcdefault: isDefault, opckeytype: keytype };
    }
  },
});

defineRows('pg_catalog', 'pg_enum', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const t of cat.types.values()) {
      for (const l of t.enumInfo?.labels ?? []) yield { oid: l.oid, enumtypid: t.oid, enumsortorder: l.sortOrder, enumlabel: l.label };
    }
  },
});

defineRows('pg_catalog', 'pg_depend', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const r of relationsInOrder(cat)) {
      const o = r.kind === 'S' ? r.sequence?.ownedBy : undefined;
      if (!o) continue;
      yield { classid: CLASS_OID.pg_class, objid: r.oid, objsubid: 0, refclassid: CLASS_OID.pg_class, refobjid: o.relation, refobjsubid: o.attnum, deptype: r.sequence?.identity ? 'i' : 'a' };
    }
  },
});
