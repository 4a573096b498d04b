/**
 * Whether an ALTER TABLE rewrote its table, and why (the table_rewrite event's reason bits),
 * read from the statement and the catalog before and after it: a column type change that is not
 * binary compatible, a column added with a volatile default or a stored generated value, SET
 * LOGGED / UNLOGGED.
 *
 * Postgres counterpart: src/backend/commands/tablecmds.c (ATRewriteTables, AT_REWRITE_* and
 * ATColumnChangeRequiresRewrite).
 * Known gaps: typed tables, domains with constraints and access-method changes never count.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { ColumnDef } from '../catalog/objects.js';
import { lookupRelation } from '../analyze/relation.js';
import { OID } from '../types/oids.js';

type AnyNode = Record<string, any>;

/** tablecmds.h's AT_REWRITE_* bits. */
export const AT_REWRITE = { persistence: 0x01, defaultVal: 0x02, columnRewrite: 0x04, accessMethod: 0x08 } as const;

/** Type changes Postgres makes without rewriting (binary-coercible casts, wider typmods). */
function changeKeepsData(from: ColumnDef, to: ColumnDef, timezone: string): boolean {
  if (from.type === to.type) {
    if (from.typmod === to.typmod || to.typmod === -1) return true;
    if (from.typmod === -1) return false;
    if (to.type === OID.varchar || to.type === OID.bpchar && from.typmod === to.typmod) return to.typmod >= from.typmod;
    if (to.type === OID.numeric) {
      // precision may grow while the scale stays
      const p = (m: number) => ((m - 4) >> 16) & 0xffff;
      const s = (m: number) => (m - 4) & 0xffff;
      return s(from.typmod) === s(to.typmod) && p(to.typmod) >= p(from.typmod);
    }
    return false;
  }
  const pair = `${from.type}>${to.type}`;
  if (BINARY_COMPATIBLE.has(pair)) return to.typmod === -1 || to.typmod >= from.typmod;
  // timestamp <-> timestamptz keep their bits when the session's zone is UTC
  if ((from.type === OID.timestamp && to.type === OID.timestamptz) || (from.type === OID.timestamptz && to.type === OID.timestamp)) {
    // (a zone with a fixed zero offset: UTC, GMT, '0' which shows as <+00>-00)
    return /^(utc|gmt|z|zulu|etc\/(utc|gmt)|[+-]?0+(:00)?|<[+-]?0+>[+-]?0+)$/i.test(timezone.trim());
  }
  return false;
}

const BINARY_COMPATIBLE = new Set([
  `${OID.text}>${OID.varchar}`, `${OID.varchar}>${OID.text}`, `${OID.varchar}>${OID.varchar}`, `${OID.bpchar}>${OID.varchar}`,
  `${OID.name}>${OID.text}`, `${OID.xml}>${OID.text}`, `${OID.cidr}>${OID.inet}`,
]);

/** The table ALTER TABLE rewrote and the reason bits, if it rewrote one. */
export function tableRewrite(before: Catalog, after: Catalog, searchPath: readonly string[], n: AnyNode, timezone: string): { oid: number; reason: number } | undefined {
  const rv = n.relation as AnyNode | undefined;
  if (!rv) return undefined;
  const rel0 = lookupRelation(before, searchPath, { schema: rv.schemaname, name: rv.relname });
  const rel1 = rel0 && after.relations.get(rel0.oid);
  if (!rel0 || !rel1 || (rel0.kind !== 'r' && rel0.kind !== 'm')) return undefined;
  let reason = 0;
  for (const c of (n.cmds ?? []) as AnyNode[]) {
    const cmd = c.AlterTableCmd as AnyNode | undefined;
    switch (cmd?.subtype) {
      case 'AT_AlterColumnType': {
        const from = rel0.columns.find((x) => !x.dropped && x.name === cmd.name);
        const to = rel1.columns.find((x) => !x.dropped && x.attnum === from?.attnum);
        if (from && to && !changeKeepsData(from, to, timezone)) reason |= AT_REWRITE.columnRewrite;
        break;
      }
      case 'AT_AddColumn': {
        const name = cmd.def?.ColumnDef?.colname as string | undefined;
        const col = rel1.columns.find((x) => !x.dropped && x.name === name);
        if (col && ((col.default?.volatile ?? false) || col.generated?.kind === 's' || col.identity)) reason |= AT_REWRITE.defaultVal;
        break;
      }
      case 'AT_SetLogged':
      case 'AT_SetUnLogged':
        if (rel0.persistence !== rel1.persistence) reason |= AT_REWRITE.persistence;
        break;
    }
  }
  return reason ? { oid: rel1.oid, reason } : undefined;
}
