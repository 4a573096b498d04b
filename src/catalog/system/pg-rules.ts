/**
 * pg_rules: the CREATE RULE rules (views' _RETURN rules are left out, as Postgres's view does),
 * with pg_get_ruledef's text.
 * Postgres counterpart: src/backend/catalog/system_views.sql (pg_rules).
 */
import { defineRows } from './registry.js';
import { userRuleDefinition } from '../ruleutils/ruledef.js';

defineRows('pg_catalog', 'pg_rules', {
  scope: 'session',
  *rows({ cat, session }) {
    for (const r of [...cat.rules.values()].sort((a, b) => a.oid - b.oid)) {
      const rel = cat.relations.get(r.relation);
      if (!rel) continue;
      yield { schemaname: cat.namespaceName(rel.namespace), tablename: rel.name, rulename: r.name, definition: userRuleDefinition(cat, session, r, false) };
    }
  },
});
