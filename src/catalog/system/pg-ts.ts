/**
 * The text-search catalogs: pg_ts_parser, pg_ts_template, pg_ts_dict, pg_ts_config and
 * pg_ts_config_map, listing the built-in parser, templates, dictionaries and configurations
 * (src/tsearch/ts-config.ts).
 * Postgres counterpart: src/include/catalog/pg_ts_*.dat and snowball_create.sql.
 * Known gaps: the regproc columns (prsstart, tmplinit, ...) print as OIDs.
 */
import { defineRows, PG_CATALOG_NAMESPACE } from './registry.js';
import { allConfigs, allDictionaries, DEFAULT_PARSER_OID, extensionDictionaries, TS_TEMPLATES } from '../../tsearch/ts-config.js';
import { builtinProcsNamed } from './procs.js';

defineRows('pg_catalog', 'pg_ts_parser', {
  scope: 'catalog',
  *rows() {
    yield {
      oid: DEFAULT_PARSER_OID, prsname: 'default', prsnamespace: PG_CATALOG_NAMESPACE,
      prsstart: 3717, prstoken: 3718, prsend: 3719, prsheadline: 3720, prslextype: 3721,
    };
  },
});

defineRows('pg_catalog', 'pg_ts_template', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const t of TS_TEMPLATES) yield { oid: t.oid, tmplname: t.name, tmplnamespace: PG_CATALOG_NAMESPACE, tmplinit: t.init, tmpllexize: t.lexize };
    // An extension's template: its init / lexize functions are the extension's (by name).
    for (const { dict, ext } of extensionDictionaries(cat)) {
      const proc = (name: string) => builtinProcsNamed(name)[0]?.oid ?? 0;
      yield { oid: ext.template.oid, tmplname: ext.template.name, tmplnamespace: dict.namespace, tmplinit: proc(`${ext.template.name}_init`), tmpllexize: proc(`${ext.template.name}_lexize`) };
    }
  },
});

defineRows('pg_catalog', 'pg_ts_dict', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const d of allDictionaries(cat)) {
      yield { oid: d.oid, dictname: d.name, dictnamespace: d.namespace, dictowner: 10, dicttemplate: d.template, dictinitoption: d.initOption };
    }
  },
});

defineRows('pg_catalog', 'pg_ts_config', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const c of allConfigs(cat)) yield { oid: c.oid, cfgname: c.name, cfgnamespace: c.namespace, cfgowner: 10, cfgparser: c.parser };
  },
});

defineRows('pg_catalog', 'pg_ts_config_map', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const c of allConfigs(cat)) {
      for (const [type, dicts] of [...c.map].sort((a, b) => a[0] - b[0])) {
        let seq = 1;
        for (const d of dicts) yield { mapcfg: c.oid, maptokentype: type, mapseqno: seq++, mapdict: d };
      }
    }
  },
});
