/**
 * pg_policy and the pg_policies view: row-level security policies.
 * Postgres counterpart: src/include/catalog/pg_policy.h, system_views.sql (pg_policies).
 */
import { defineRows } from './registry.js';
import { PgArray } from '../../types/values.js';
import { nodeTree } from '../ruleutils/node-tree.js';
import { deparseExpr, Unprintable } from '../deparse.js';
import { relationExprText } from '../ruleutils/querydef.js';
import { deparseContextFor } from '../ruleutils/context.js';
import { PUBLIC } from '../acl.js';
import type { PolicyDef } from '../objects.js';

const CMD_WORD: Record<PolicyDef['cmd'], string> = { '*': 'ALL', r: 'SELECT', a: 'INSERT', w: 'UPDATE', d: 'DELETE' };

defineRows('pg_catalog', 'pg_policy', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const p of [...cat.policies.values()].sort((a, b) => a.oid - b.oid)) {
      yield {
        oid: p.oid, polname: p.name, polrelid: p.relation, polcmd: p.cmd, polpermissive: p.permissive, polroles: PgArray.of([...p.roles]),
        polqual: p.qual ? nodeTree({ kind: 'polqual', index: p.oid }) : null, polwithcheck: p.withCheck ? nodeTree({ kind: 'polwithcheck', index: p.oid }) : null,
      };
    }
  },
});

defineRows('pg_catalog', 'pg_policies', {
  scope: 'catalog',
  *rows({ cat, session }) {
    for (const p of [...cat.policies.values()].sort((a, b) => a.oid - b.oid)) {
      const rel = cat.relations.get(p.relation);
      if (!rel) continue;
      const ctx = deparseContextFor(cat, session, rel);
      const text = (e: PolicyDef['qual']) => {
        if (!e) return null;
        try {
          return relationExprText(cat, session, rel, e.expr);
        } catch (err) {
          if (!(err instanceof Unprintable)) throw err;
          return deparseExpr({ ...ctx, fallback: e.text }, e.expr);
        }
      };
      yield {
        schemaname: cat.namespaceName(rel.namespace), tablename: rel.name, policyname: p.name, permissive: p.permissive ? 'PERMISSIVE' : 'RESTRICTIVE',
        roles: PgArray.of(p.roles.map((r) => (r === PUBLIC ? 'public' : (cat.roles.get(r)?.name ?? String(r))))), cmd: CMD_WORD[p.cmd],
        qual: text(p.qual), with_check: text(p.withCheck),
      };
    }
  },
});
