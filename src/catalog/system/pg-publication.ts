/**
 * pg_publication, pg_publication_rel, pg_publication_namespace and the pg_publication_tables view.
 * Postgres counterpart: src/include/catalog/pg_publication*.h, catalog/pg_publication.c
 * (pg_get_publication_tables), system_views.sql (pg_publication_tables).
 */
import { defineRows } from './registry.js';
import { roleOid } from './common.js';
import { PgArray } from '../../types/values.js';
import { publishable } from '../../commands/publication.js';
import type { Catalog } from '../catalog.js';
import type { PublicationDef, RelationDef } from '../objects.js';

const byOid = (cat: Catalog): PublicationDef[] => [...cat.publications.values()].sort((a, b) => a.oid - b.oid);

defineRows('pg_catalog', 'pg_publication', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const p of byOid(cat)) {
      yield {
        oid: p.oid, pubname: p.name, pubowner: roleOid(p.owner), puballtables: p.allTables, pubinsert: p.insert, pubupdate: p.update,
        pubdelete: p.delete, pubtruncate: p.truncate, pubviaroot: p.viaRoot, pubgencols: p.generatedColumns,
      };
    }
  },
});

defineRows('pg_catalog', 'pg_publication_rel', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const p of byOid(cat)) for (const t of p.tables) yield { oid: t.oid, prpubid: p.oid, prrelid: t.relation, prqual: null, prattrs: null };
  },
});

defineRows('pg_catalog', 'pg_publication_namespace', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const p of byOid(cat)) for (const [oid, ns] of p.schemas) yield { oid, pnpubid: p.oid, pnnspid: ns };
  },
});

/** The leaf partitions of a partitioned table (itself when it is not partitioned). */
function leaves(cat: Catalog, rel: RelationDef): RelationDef[] {
  if (rel.kind !== 'p') return [rel];
  return (rel.partitions ?? []).flatMap((oid) => {
    const c = cat.relations.get(oid);
    return c ? leaves(cat, c) : [];
  });
}

/** The tables a publication publishes, as pg_get_publication_tables lists them. */
function publishedTables(cat: Catalog, p: PublicationDef): RelationDef[] {
  const named: RelationDef[] = [];
  if (p.allTables) {
    for (const r of cat.relations.values()) if (publishable(cat, r) && (p.viaRoot ? !r.partitionOf : r.kind === 'r')) named.push(r);
    return named;
  }
  for (const t of p.tables) {
    const r = cat.relations.get(t.relation);
    if (r) named.push(r);
  }
  for (const [, ns] of p.schemas) for (const r of cat.relations.values()) if (r.namespace === ns && publishable(cat, r) && (p.viaRoot ? !r.partitionOf : r.kind === 'r')) named.push(r);
  const out: RelationDef[] = [];
  const seen = new Set<number>();
  for (const r of named) {
    for (const x of p.viaRoot ? [r] : leaves(cat, r)) {
      if (seen.has(x.oid)) continue;
      seen.add(x.oid);
      out.push(x);
    }
  }
  return out;
}

defineRows('pg_catalog', 'pg_publication_tables', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const p of byOid(cat)) {
      for (const r of publishedTables(cat, p)) {
        const cols = r.columns.filter((c) => !c.dropped && (!c.generated || (c.generated.kind === 's' && p.generatedColumns === 's')));
        yield { pubname: p.name, schemaname: cat.namespaceName(r.namespace), tablename: r.name, attnames: PgArray.of(cols.map((c) => c.name)), rowfilter: null };
      }
    }
  },
});
