/**
 * pg_get_triggerdef(): a trigger as its CREATE TRIGGER statement, and the pieces
 * information_schema.triggers shows (events, condition, action statement).
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (pg_get_triggerdef_worker).
 * Known gaps: constraint triggers print without their FROM table.
 */
import type { Catalog } from '../catalog.js';
import type { SessionContext } from '../../session/session-context.js';
import { quoteIdent } from '../../functions/builtins/quote.js';
import { deparseExpr } from '../deparse.js';
import { deparseContextFor, qualifiedRelationName, relationName } from './context.js';
import { userFunction, userFunctions, type UserTrigger } from '../system/user-functions.js';

/** The events of a trigger in Postgres's order (INSERT, DELETE, UPDATE [OF cols], TRUNCATE). */
export function triggerEvents(cat: Catalog, t: UserTrigger, withColumns: boolean): string[] {
  const out: string[] = [];
  if (t.events.insert) out.push('INSERT');
  if (t.events.delete) out.push('DELETE');
  if (t.events.update) {
    const rel = cat.relations.get(t.relation);
    const cols = withColumns && t.updateColumns.length ? ` OF ${t.updateColumns.map((a) => quoteIdent(rel?.columns[a - 1]?.name ?? '?')).join(', ')}` : '';
    out.push('UPDATE' + cols);
  }
  if (t.events.truncate) out.push('TRUNCATE');
  return out;
}

/** The WHEN condition (OLD / NEW columns printed as old.x / new.x), or undefined. */
export function triggerCondition(cat: Catalog, session: SessionContext, t: UserTrigger, pretty: boolean): string | undefined {
  if (!t.when) return undefined;
  const rel = cat.relations.get(t.relation);
  const ctx = deparseContextFor(cat, session, rel, { pretty, fallback: t.when.text });
  return deparseExpr({
    ...ctx,
    varName: (v) => `${v.rti === 0 ? 'old' : 'new'}.${quoteIdent(rel?.columns[v.attno - 1]?.name ?? '?')}`,
    wholeRowName: (v) => `${v.rti === 0 ? 'old' : 'new'}.*`,
  }, t.when.expr);
}

/** `EXECUTE FUNCTION f('arg', ...)`. */
export function triggerAction(cat: Catalog, session: SessionContext, t: UserTrigger): string {
  const f = userFunction(cat, t.function);
  let name = f ? quoteIdent(f.name) : String(t.function);
  if (f) {
    // Qualified unless the search path finds this function first by its name.
    let visible = false;
    for (const s of session.searchPath()) {
      const ns = cat.namespaceOid(s);
      if (ns === undefined) continue;
      if ([...userFunctions(cat)].some((x) => x.namespace === ns && x.name === f.name)) {
        visible = ns === f.namespace;
        break;
      }
    }
    if (!visible) name = `${quoteIdent(cat.namespaceName(f.namespace))}.${name}`;
  }
  return `EXECUTE FUNCTION ${name}(${t.args.map((a) => `'${a.replace(/'/g, "''")}'`).join(', ')})`;
}

/** pg_get_triggerdef(oid, pretty). */
export function triggerDef(cat: Catalog, session: SessionContext, t: UserTrigger, pretty: boolean): string {
  const timing = t.timing === 'instead' ? 'INSTEAD OF' : t.timing.toUpperCase();
  const table = pretty ? relationName(cat, session.searchPath(), t.relation) : qualifiedRelationName(cat, t.relation);
  let s = `CREATE ${t.constraint ? 'CONSTRAINT ' : ''}TRIGGER ${quoteIdent(t.name)} ${timing} ${triggerEvents(cat, t, true).join(' OR ')} ON ${table}`;
  if (t.constraint) s += `${t.constraint.deferrable ? ' DEFERRABLE' : ' NOT DEFERRABLE'}${t.constraint.initiallyDeferred ? ' INITIALLY DEFERRED' : ' INITIALLY IMMEDIATE'}`;
  if (t.oldTable || t.newTable) {
    s += ' REFERENCING';
    if (t.oldTable) s += ` OLD TABLE AS ${quoteIdent(t.oldTable)}`;
    if (t.newTable) s += ` NEW TABLE AS ${quoteIdent(t.newTable)}`;
  }
  s += ` FOR EACH ${t.level === 'row' ? 'ROW' : 'STATEMENT'}`;
  const cond = triggerCondition(cat, session, t, pretty);
  if (cond !== undefined) s += ` WHEN (${cond})`;
  return `${s} ${triggerAction(cat, session, t)}`;
}
