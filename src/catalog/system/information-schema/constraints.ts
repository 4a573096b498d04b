/**
 * information_schema views over constraints: table_constraints, key_column_usage,
 * referential_constraints, constraint_column_usage, constraint_table_usage, check_constraints,
 * domain_constraints.
 * Postgres counterpart: src/backend/catalog/information_schema.sql.
 * Known gaps: none known for the constraint kinds fauxgres has.
 */
import type { Catalog } from '../../catalog.js';
import type { ConstraintDef } from '../../objects.js';
import type { SessionContext } from '../../../session/session-context.js';
import { defineRows, type RowObject } from '../registry.js';
import { yesNo } from './data-type.js';
import { constraintDef, domainCheckDef } from '../../ruleutils/constraintdef.js';

const TYPE_NAMES: Record<string, string> = { p: 'PRIMARY KEY', u: 'UNIQUE', f: 'FOREIGN KEY', c: 'CHECK', n: 'CHECK' };
const RULES: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
const MATCH: Record<string, string> = { s: 'NONE', f: 'FULL', p: 'PARTIAL' };

/** Table constraints in a stable order (by OID); exclusion constraints are not in the SQL standard's views. */
function tableConstraints(cat: Catalog): ConstraintDef[] {
  return [...cat.constraints.values()].filter((c) => c.kind !== 'x' && cat.relations.get(c.relation)?.kind !== 'i').sort((a, b) => a.oid - b.oid);
}

function names(cat: Catalog, session: SessionContext, c: ConstraintDef): RowObject {
  const db = session.databaseName();
  const rel = cat.relation(c.relation);
  return {
    constraint_catalog: db, constraint_schema: cat.namespaceName(c.namespace), constraint_name: c.name,
    table_catalog: db, table_schema: cat.namespaceName(rel.namespace), table_name: rel.name,
  };
}

defineRows('information_schema', 'table_constraints', {
  scope: 'catalog',
  *rows({ cat, session }) {
    for (const c of tableConstraints(cat)) {
      const idx = c.kind === 'u' && c.index !== undefined ? cat.relations.get(c.index)?.index : undefined;
      yield {
        ...names(cat, session, c), constraint_type: TYPE_NAMES[c.kind], is_deferrable: yesNo(c.deferrable), initially_deferred: yesNo(c.deferred),
        enforced: c.notEnforced ? 'NO' : 'YES', nulls_distinct: c.kind === 'u' ? yesNo(!idx?.nullsNotDistinct) : null,
      };
    }
  },
});

/** The constraint that owns a unique index (what a foreign key references). */
function indexConstraint(cat: Catalog, index: number): ConstraintDef | undefined {
  const con = cat.relations.get(index)?.index?.constraint;
  return con !== undefined ? cat.constraints.get(con) : undefined;
}

defineRows('information_schema', 'key_column_usage', {
  scope: 'catalog',
  *rows({ cat, session }) {
    for (const c of tableConstraints(cat)) {
      if (c.kind !== 'p' && c.kind !== 'u' && c.kind !== 'f') continue;
      const rel = cat.relation(c.relation);
      const refKey = c.fk ? indexConstraint(cat, c.fk.refIndex)?.columns : undefined;
      for (let i = 0; i < c.columns.length; i++) {
        const pos = c.fk && refKey ? refKey.indexOf(c.fk.refColumns[i]) + 1 : null;
        yield { ...names(cat, session, c), column_name: rel.columns[c.columns[i] - 1].name, ordinal_position: i + 1, position_in_unique_constraint: pos || null };
      }
    }
  },
});

defineRows('information_schema', 'referential_constraints', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const db = session.databaseName();
    for (const c of tableConstraints(cat)) {
      if (!c.fk) continue;
      const uc = indexConstraint(cat, c.fk.refIndex);
      yield {
        constraint_catalog: db, constraint_schema: cat.namespaceName(c.namespace), constraint_name: c.name,
        unique_constraint_catalog: uc ? db : null, unique_constraint_schema: uc ? cat.namespaceName(uc.namespace) : null, unique_constraint_name: uc?.name ?? null,
        match_option: MATCH[c.fk.match], update_rule: RULES[c.fk.onUpdate], delete_rule: RULES[c.fk.onDelete],
      };
    }
  },
});

defineRows('information_schema', 'constraint_column_usage', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const db = session.databaseName();
    for (const c of tableConstraints(cat)) {
      const rel = cat.relation(c.fk ? c.fk.refRelation : c.relation);
      const cols = c.fk ? c.fk.refColumns : c.columns;
      for (const a of new Set(cols)) {
        yield {
          table_catalog: db, table_schema: cat.namespaceName(rel.namespace), table_name: rel.name, column_name: rel.columns[a - 1].name,
          constraint_catalog: db, constraint_schema: cat.namespaceName(c.namespace), constraint_name: c.name,
        };
      }
    }
  },
});

defineRows('information_schema', 'constraint_table_usage', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const db = session.databaseName();
    for (const c of tableConstraints(cat)) {
      if (c.kind === 'n' || c.kind === 'c') continue;
      const rel = cat.relation(c.fk ? c.fk.refRelation : c.relation);
      yield {
        table_catalog: db, table_schema: cat.namespaceName(rel.namespace), table_name: rel.name,
        constraint_catalog: db, constraint_schema: cat.namespaceName(c.namespace), constraint_name: c.name,
      };
    }
  },
});

/** `CHECK (expr)` without the keyword and the outer parentheses. */
function checkClause(def: string): string {
  return def.replace(/^CHECK \(/, '').replace(/\)( NOT VALID| NO INHERIT)*$/, '');
}

defineRows('information_schema', 'check_constraints', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const db = session.databaseName();
    for (const c of tableConstraints(cat)) {
      if (c.kind !== 'c' && c.kind !== 'n') continue;
      const clause = c.kind === 'n' ? `${cat.relation(c.relation).columns[c.columns[0] - 1].name} IS NOT NULL` : checkClause(constraintDef(cat, session, c));
      yield { constraint_catalog: db, constraint_schema: cat.namespaceName(c.namespace), constraint_name: c.name, check_clause: clause };
    }
    for (const t of cat.types.values()) {
      const d = t.domain;
      if (!d) continue;
      const schema = cat.namespaceName(t.namespace);
      if (d.notNull) yield { constraint_catalog: db, constraint_schema: schema, constraint_name: `${t.name}_not_null`, check_clause: 'VALUE IS NOT NULL' };
      for (const k of d.checks) yield { constraint_catalog: db, constraint_schema: schema, constraint_name: k.name, check_clause: checkClause(domainCheckDef(cat, session, k)) };
    }
  },
});

defineRows('information_schema', 'domain_constraints', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const db = session.databaseName();
    for (const t of cat.types.values()) {
      const d = t.domain;
      if (!d) continue;
      const schema = cat.namespaceName(t.namespace);
      const base = { constraint_catalog: db, constraint_schema: schema, domain_catalog: db, domain_schema: schema, domain_name: t.name, is_deferrable: 'NO', initially_deferred: 'NO' };
      if (d.notNull) yield { ...base, constraint_name: `${t.name}_not_null` };
      for (const k of d.checks) yield { ...base, constraint_name: k.name };
    }
  },
});
