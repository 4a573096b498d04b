/**
 * Publishing a transaction's catalog when another transaction committed DDL meanwhile: a
 * three-way merge of the catalog's maps. Catalog records are immutable (DDL replaces them), so
 * what the transaction changed is exactly the entries whose value is no longer the one it started
 * from; those changes are applied on top of the catalog committed since. Table locks keep two
 * transactions from changing the same table; changes to the same entry otherwise resolve as
 * last-committer-wins.
 *
 * Postgres counterpart: none (Postgres's catalogs are tables with row-level MVCC; this gives the
 * same result for DDL on different objects).
 */
import { Catalog } from '../catalog/catalog.js';

/** `theirs` (committed since `base`) plus what `ours` changed relative to `base`. */
export function mergeCatalogs(base: Catalog, ours: Catalog, theirs: Catalog): Catalog {
  const out = theirs.clone();
  const b = base as unknown as Record<string, unknown>;
  const o = ours as unknown as Record<string, unknown>;
  const t = out as unknown as Record<string, unknown>;
  for (const field of Object.keys(o)) {
    const ov = o[field];
    if (!(ov instanceof Map)) {
      // Immutable list fields (pg_auth_members, default ACLs): ours wins if this transaction replaced it.
      if (field !== 'version' && ov !== b[field]) t[field] = ov;
      continue;
    }
    const bv = b[field] as Map<unknown, unknown>;
    const tv = t[field] as Map<unknown, unknown>;
    for (const [k, v] of ov) if (bv.get(k) !== v || !bv.has(k)) tv.set(k, v);
    for (const k of bv.keys()) if (!ov.has(k)) tv.delete(k);
  }
  out.bump();
  return out;
}
