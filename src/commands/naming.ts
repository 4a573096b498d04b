/**
 * Postgres's choice of default names for constraints, indexes and sequences
 * (`orders_pkey`, `users_email_key`, `orders_price_check`, `orders_user_id_fkey`, `t_id_seq`),
 * truncated to 63 bytes and numbered on collision.
 * Postgres counterpart: src/backend/commands/indexcmds.c (ChooseRelationName), catalog/pg_constraint.c (ChooseConstraintName).
 */
import type { Catalog } from '../catalog/catalog.js';

const NAMEDATALEN = 63;

function byteLen(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Cuts `s` to at most `n` bytes of UTF-8 (never inside a character). */
export function truncBytes(s: string, n: number): string {
  let out = s;
  while (byteLen(out) > n) out = out.slice(0, -1);
  return out;
}

/** makeObjectName: name1_name2_label, shortening the longer of name1/name2 to fit. */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let n1 = name1;
  let n2 = name2 ?? '';
  const overhead = byteLen(label) + 1 + (name2 !== undefined ? 1 : 0);
  const avail = NAMEDATALEN - overhead;
  while (byteLen(n1) + byteLen(n2) > avail) {
    if (byteLen(n1) > byteLen(n2)) n1 = truncBytes(n1, byteLen(n1) - 1);
    else n2 = truncBytes(n2, byteLen(n2) - 1);
  }
  return name2 !== undefined ? `${n1}_${n2}_${label}` : `${n1}_${label}`;
}

/** A name not used by any relation (or constraint, when `constraints`) in the namespace. */
export function chooseName(cat: Catalog, ns: number, name1: string, name2: string | undefined, label: string, taken: Set<string>, checkRelations: boolean): string {
  let pass = 0;
  for (;;) {
    const lbl = pass === 0 ? label : label + pass;
    const name = makeObjectName(name1, name2, lbl);
    const usedRel = checkRelations && cat.relationIn(ns, name) !== undefined;
    let usedCon = taken.has(name);
    if (!usedCon) {
      for (const c of cat.constraints.values()) {
        if (c.namespace === ns && c.name === name) {
          usedCon = true;
          break;
        }
      }
    }
    if (!usedRel && !usedCon) {
      taken.add(name);
      return name;
    }
    pass++;
  }
}

/** Truncates an identifier to 63 bytes, as the lexer does. */
export function truncateIdentifier(s: string): string {
  return byteLen(s) > NAMEDATALEN ? truncBytes(s, NAMEDATALEN) : s;
}
