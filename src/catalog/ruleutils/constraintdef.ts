/**
 * pg_get_constraintdef(): a table or domain constraint as the clause that would create it.
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (pg_get_constraintdef_worker).
 */
import { flattenRelOptions } from '../../commands/reloptions.js';
import type { Catalog } from '../catalog.js';
import type { ConstraintDef, RelationDef } from '../objects.js';
import type { SessionContext } from '../../session/session-context.js';
import { quoteIdent } from '../../functions/builtins/quote.js';
import { deparseExpr } from '../deparse.js';
import { deparseContextFor, relationName } from './context.js';
import { exclusionKeyText } from '../../commands/exclusion.js';

const FK_ACTION: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/** decompile_column_index_array: with `period` the last column is marked (WITHOUT OVERLAPS / PERIOD). */
function columnList(rel: RelationDef, attnums: readonly number[], period?: 'WITHOUT OVERLAPS' | 'PERIOD'): string {
  return attnums
    .map((a, i) => {
      const name = quoteIdent(rel.columns[a - 1]?.name ?? `column${a}`);
      if (!period || i < attnums.length - 1) return name;
      return period === 'PERIOD' ? `PERIOD ${name}` : `${name} WITHOUT OVERLAPS`;
    })
    .join(', ');
}

function deferrability(c: { deferrable: boolean; deferred: boolean }): string {
  return (c.deferrable ? ' DEFERRABLE' : '') + (c.deferred ? ' INITIALLY DEFERRED' : '');
}

/** pg_get_constraintdef(oid, pretty) for a table constraint. */
export function constraintDef(cat: Catalog, session: SessionContext, c: ConstraintDef, pretty = false): string {
  const rel = cat.relation(c.relation);
  switch (c.kind) {
    case 'p':
    case 'u': {
      const idx = c.index !== undefined ? cat.relations.get(c.index)?.index : undefined;
      let s = c.kind === 'p' ? 'PRIMARY KEY ' : `UNIQUE ${idx?.nullsNotDistinct ? 'NULLS NOT DISTINCT ' : ''}`;
      s += `(${columnList(rel, c.columns, c.period ? 'WITHOUT OVERLAPS' : undefined)})`;
      if (idx && idx.include.length) s += ` INCLUDE (${columnList(rel, idx.include)})`;
      return s + deferrability(c);
    }
    case 'f': {
      const fk = c.fk!;
      const ref = cat.relation(fk.refRelation);
      let s = `FOREIGN KEY (${columnList(rel, c.columns, c.period ? 'PERIOD' : undefined)}) REFERENCES ${relationName(cat, session.searchPath(), ref.oid)}(${columnList(ref, fk.refColumns, c.period ? 'PERIOD' : undefined)})`;
      if (fk.match === 'f') s += ' MATCH FULL';
      if (fk.onUpdate !== 'a') s += ` ON UPDATE ${FK_ACTION[fk.onUpdate]}`;
      if (fk.onDelete !== 'a') {
        s += ` ON DELETE ${FK_ACTION[fk.onDelete]}`;
        if (fk.deleteSetColumns?.length) s += ` (${columnList(rel, fk.deleteSetColumns)})`;
      }
      s += deferrability(c);
      if (c.notEnforced) return s + ' NOT ENFORCED';
      return c.validated ? s : s + ' NOT VALID';
    }
    case 'c': {
      const ctx = deparseContextFor(cat, session, rel, { pretty, fallback: c.check!.text });
      let s = `CHECK (${deparseExpr(ctx, c.check!.expr)})`;
      if (c.noInherit) s += ' NO INHERIT';
      if (c.notEnforced) return s + ' NOT ENFORCED';
      return c.validated ? s : s + ' NOT VALID';
    }
    case 'x': {
      const idxRel = cat.relation(c.index!);
      const idx = idxRel.index!;
      const keys = idx.keys.map((k, i) => {
        const text = exclusionKeyText(cat, session, rel, idxRel, i);
        return `${k.attnum ? text : `(${text})`} WITH ${idx.exclusion![i].name}`;
      });
      let s = `EXCLUDE USING ${idx.method} (${keys.join(', ')})`;
      if (idx.include.length) s += ` INCLUDE (${columnList(rel, idx.include)})`;
      if (idxRel.options?.length) s += ` WITH (${flattenRelOptions(idxRel.options)})`;
      if (idx.predicate) {
        const ctx = deparseContextFor(cat, session, rel, { pretty, fallback: idx.predicate.text });
        s += ` WHERE (${deparseExpr(ctx, idx.predicate.expr)})`;
      }
      return s + deferrability(c);
    }
    case 'n':
      return `NOT NULL ${quoteIdent(rel.columns[c.columns[0] - 1].name)}${c.noInherit ? ' NO INHERIT' : ''}${c.validated ? '' : ' NOT VALID'}`;
  }
}

/** pg_get_constraintdef(oid, pretty) for a domain CHECK constraint. */
export function domainCheckDef(cat: Catalog, session: SessionContext, check: { expr: { expr: import('../../nodes/primnodes.js').Expr; text: string }; validated: boolean }, pretty = false): string {
  const ctx = deparseContextFor(cat, session, undefined, { pretty, fallback: check.expr.text, domainValue: true });
  return `CHECK (${deparseExpr(ctx, check.expr.expr)})${check.validated ? '' : ' NOT VALID'}`;
}
