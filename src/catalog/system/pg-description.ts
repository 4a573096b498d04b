/**
 * pg_description and pg_shdescription.
 * Postgres counterpart: src/include/catalog/pg_description.h, pg_shdescription.h.
 */
import { defineRows } from './registry.js';
import { descriptionRows, DATABASE_DESCRIPTIONS } from './descriptions.js';
import { databaseOid } from './pg-database.js';
import { CLASS_OID } from './common.js';

defineRows('pg_catalog', 'pg_description', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const r of descriptionRows(cat)) yield { ...r };
  },
});

defineRows('pg_catalog', 'pg_shdescription', {
  scope: 'catalog',
  *rows({ session }) {
    for (const [name, description] of Object.entries(DATABASE_DESCRIPTIONS)) {
      yield { objoid: databaseOid(name, session.databaseName()), classoid: CLASS_OID.pg_database, description };
    }
  },
});
