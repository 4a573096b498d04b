/**
 * pg_trigger and information_schema.triggers, from the catalog's triggers.
 * Postgres counterpart: src/include/catalog/pg_trigger.h, information_schema.sql (triggers).
 * Known gaps: the internal triggers Postgres creates for foreign keys (RI_ConstraintTrigger_*)
 * are not listed.
 */
import { vectorOf } from '../../types/catalog-types.js';
import { defineRows } from './registry.js';
import { userTriggers, type UserTrigger } from './user-functions.js';
import { triggerAction, triggerCondition, triggerEvents } from '../ruleutils/triggerdef.js';

/** pg_trigger.tgtype bits: ROW 1, BEFORE 2, INSERT 4, DELETE 8, UPDATE 16, TRUNCATE 32, INSTEAD 64. */
export function triggerType(t: UserTrigger): number {
  return (t.level === 'row' ? 1 : 0) | (t.timing === 'before' ? 2 : 0) | (t.events.insert ? 4 : 0) | (t.events.delete ? 8 : 0) |
    (t.events.update ? 16 : 0) | (t.events.truncate ? 32 : 0) | (t.timing === 'instead' ? 64 : 0);
}

defineRows('pg_catalog', 'pg_trigger', {
  scope: 'catalog',
  *rows({ cat }) {
    for (const t of userTriggers(cat)) {
      const args = new TextEncoder().encode(t.args.map((a) => a + '\0').join(''));
      yield {
        oid: t.oid, tgrelid: t.relation, tgparentid: t.parentTrigger ?? 0, tgname: t.name, tgfoid: t.function, tgtype: triggerType(t), tgenabled: t.enabled,
        tgisinternal: false, tgconstrrelid: 0, tgconstrindid: 0, tgconstraint: 0, tgdeferrable: !!t.constraint?.deferrable,
        tginitdeferred: !!t.constraint?.initiallyDeferred, tgnargs: t.args.length, tgattr: vectorOf([...t.updateColumns]), tgargs: args,
        tgqual: t.when ? `{FAUXGRES :trigwhen ${t.oid}}` : null, tgoldtable: t.oldTable ?? null, tgnewtable: t.newTable ?? null,
      };
    }
  },
});

defineRows('information_schema', 'triggers', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const db = session.databaseName();
    const all = [...userTriggers(cat)];
    for (const t of all) {
      const rel = cat.relations.get(t.relation);
      if (!rel) continue;
      const schema = cat.namespaceName(rel.namespace);
      // The SQL standard knows no TRUNCATE triggers: information_schema leaves that event out.
      for (const event of triggerEvents(cat, t, false).filter((e) => e !== 'TRUNCATE')) {
        // action_order: position among the table's triggers firing for the same event, timing
        // and level, in name order.
        const peers = all.filter((o) => o.relation === t.relation && o.timing === t.timing && o.level === t.level && triggerEvents(cat, o, false).includes(event));
        const order = peers.map((o) => o.name).sort().indexOf(t.name) + 1;
        yield {
          trigger_catalog: db, trigger_schema: schema, trigger_name: t.name, event_manipulation: event,
          event_object_catalog: db, event_object_schema: schema, event_object_table: rel.name, action_order: order,
          action_condition: triggerCondition(cat, session, t, false) ?? null, action_statement: triggerAction(cat, session, t),
          action_orientation: t.level === 'row' ? 'ROW' : 'STATEMENT', action_timing: t.timing === 'instead' ? 'INSTEAD OF' : t.timing.toUpperCase(),
          action_reference_old_table: t.oldTable ?? null, action_reference_new_table: t.newTable ?? null,
        };
      }
    }
  },
});
