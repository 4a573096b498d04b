/**
 * The pg_catalog views over relations: pg_tables, pg_views, pg_matviews, pg_indexes,
 * pg_sequences, and the pg_sequence catalog.
 * Postgres counterpart: src/backend/catalog/system_views.sql, src/include/catalog/pg_sequence.h.
 * Known gaps: pg_indexes lists no indexes of system catalogs.
 */
import { allSystemRelations, defineRows } from './registry.js';
import { relationsInOrder } from './common.js';
import { classRow } from './pg-class.js';
import { indexDef } from '../ruleutils/indexdef.js';
import { viewDefinition, viewQuery } from '../ruleutils/viewdef.js';
import type { Catalog } from '../catalog.js';
import type { RelationDef, RuleDef } from '../objects.js';
import type { SessionContext } from '../../session/session-context.js';

defineRows('pg_catalog', 'pg_tables', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const s of allSystemRelations()) {
      if (s.kind !== 'r') continue;
      yield { schemaname: s.schema, tablename: s.name, tableowner: 'postgres', tablespace: null, hasindexes: s.schema === 'pg_catalog', hasrules: false, hastriggers: false, rowsecurity: false };
    }
    for (const r of relationsInOrder(cat)) {
      if (r.kind !== 'r' && r.kind !== 'p') continue;
      const c = classRow(cat, r);
      yield { schemaname: cat.namespaceName(r.namespace), tablename: r.name, tableowner: r.owner, tablespace: null, hasindexes: c.relhasindex, hasrules: false, hastriggers: c.relhastriggers, rowsecurity: !!r.rlsEnabled };
    }
  },
});

defineRows('pg_catalog', 'pg_views', {
  scope: 'catalog',
  *rows({ cat, session }) {
    for (const s of allSystemRelations()) if (s.kind === 'v') yield { schemaname: s.schema, viewname: s.name, viewowner: 'postgres', definition: null };
    for (const r of relationsInOrder(cat)) {
      if (r.kind === 'v') yield { schemaname: cat.namespaceName(r.namespace), viewname: r.name, viewowner: r.owner, definition: viewDefinition(cat, session, r, false) };
    }
  },
});

defineRows('pg_catalog', 'pg_matviews', {
  scope: 'catalog',
  *rows({ cat, session }) {
    for (const r of relationsInOrder(cat)) {
      if (r.kind !== 'm') continue;
      yield {
        schemaname: cat.namespaceName(r.namespace), matviewname: r.name, matviewowner: r.owner, tablespace: null,
        hasindexes: cat.relationIndexes(r.oid).length > 0, ispopulated: !!r.view?.populated, definition: viewDefinition(cat, session, r, false),
      };
    }
  },
});

defineRows('pg_catalog', 'pg_indexes', {
  scope: 'catalog',
  *rows({ cat, session }) {
    for (const i of relationsInOrder(cat)) {
      if (i.kind !== 'i' || !i.index) continue;
      const table = cat.relations.get(i.index.relation);
      if (!table || (table.kind !== 'r' && table.kind !== 'm' && table.kind !== 'p')) continue;
      yield { schemaname: cat.namespaceName(i.namespace), tablename: table.name, indexname: i.name, tablespace: null, indexdef: indexDef(cat, session, i) };
    }
  },
});

defineRows('pg_catalog', 'pg_sequence', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const r of relationsInOrder(cat)) {
      const s = r.sequence;
      if (r.kind !== 'S' || !s) continue;
      yield { seqrelid: r.oid, seqtypid: s.type, seqstart: s.start, seqincrement: s.increment, seqmax: s.max, seqmin: s.min, seqcache: s.cache, seqcycle: s.cycle };
    }
  },
});

defineRows('pg_catalog', 'pg_sequences', {
  scope: 'session',
  *rows({ cat, session }) {
    for (const r of relationsInOrder(cat)) {
      const s = r.sequence;
      if (r.kind !== 'S' || !s) continue;
      const [last, , called] = session.sequenceRow(r.oid);
      yield {
        schemaname: cat.namespaceName(r.namespace), sequencename: r.name, sequenceowner: r.owner, data_type: s.type,
        start_value: s.start, min_value: s.min, max_value: s.max, increment_by: s.increment, cycle: s.cycle, cache_size: s.cache,
        last_value: called ? last : null,
      };
    }
  },
});

/** The OID of a view's `_RETURN` rule (derived from the view's OID). */
export function viewRuleOid(view: number): number {
  return 0x50000000 + view;
}

/**
 * A view's `_RETURN` rule action as pg_node_tree text: only the query's target list, each entry
 * with resno, resname and the table column it comes from (resorigtbl / resorigcol), which is what
 * tools parse from it (PostgREST and postgres-meta find keys seen through views this way).
 */
function ruleAction(cat: Catalog, session: SessionContext, r: RelationDef): string {
  let tl: readonly { name: string; resjunk: boolean; origin?: { relation: number; attnum: number } }[] = [];
  try {
    tl = viewQuery(cat, session, r).targetList;
  } catch {
    tl = [];
  }
  const entries = tl.filter((t) => !t.resjunk).map((t, i) => `{TARGETENTRY :resno ${i + 1} :resname ${t.name} :ressortgroupref 0 :resorigtbl ${t.origin?.relation ?? 0} :resorigcol ${t.origin?.attnum ?? 0} :resjunk false}`);
  return `({QUERY :commandType 1 :querySource 0 :canSetTag true :targetList (${entries.join(' ')}) :viewOid ${r.oid}})`;
}

defineRows('pg_catalog', 'pg_rewrite', {
  scope: 'session',
  *rows({ cat, session }) {
    for (const r of relationsInOrder(cat)) {
      if (r.kind !== 'v' && r.kind !== 'm') continue;
      yield { oid: viewRuleOid(r.oid), rulename: '_RETURN', ev_class: r.oid, ev_type: '1', ev_enabled: 'O', is_instead: true, ev_qual: '<>', ev_action: ruleAction(cat, session, r) };
    }
    // CREATE RULE rules (their qual and actions as a summary tree: fauxgres keeps them raw).
    for (const rule of cat.rules.values()) yield userRuleRow(rule);
  },
});

const CMD_TYPE = { INSERT: 3, UPDATE: 2, DELETE: 4, SELECT: 1, NOTHING: 5 } as const;
const STMT_CMD: Record<string, number> = { SelectStmt: 1, UpdateStmt: 2, InsertStmt: 3, DeleteStmt: 4 };

function userRuleRow(rule: RuleDef): import('./registry.js').RowObject {
  const qs = rule.instead ? (rule.qual ? 3 : 2) : 1;
  const actions = rule.actions.length
    ? rule.actions.map((a) => `{QUERY :commandType ${STMT_CMD[Object.keys(a as object)[0]] ?? 6} :querySource ${qs} :canSetTag true}`)
    : [`{QUERY :commandType ${CMD_TYPE.NOTHING} :querySource 0 :canSetTag true}`];
  return {
    oid: rule.oid,
    rulename: rule.name,
    ev_class: rule.relation,
    ev_type: String(CMD_TYPE[rule.event]),
    ev_enabled: rule.enabled,
    is_instead: rule.instead,
    ev_qual: rule.qual ? '{EXPR}' : '<>',
    ev_action: `(${actions.join(' ')})`,
  };
}
