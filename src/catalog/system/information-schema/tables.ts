/**
 * information_schema.tables, views and schemata.
 * Postgres counterpart: src/backend/catalog/information_schema.sql (tables, views, schemata).
 * Known gaps: view_definition is NULL for system views.
 */
import type { RelationDef } from '../../objects.js';
import { allSystemRelations, defineRows } from '../registry.js';
import { relationsInOrder } from '../common.js';
import { yesNo } from './data-type.js';
import { viewDefinition } from '../../ruleutils/viewdef.js';
import { tempSchemaNameFor } from '../../../session/temp-schema.js';
import type { Session } from '../../../session/session.js';
import { DELETE_EVENT, viewUpdatableEvents } from '../../../rewrite/updatable-view.js';

const UPDATE_EVENT = 1 << 2;
const INSERT_EVENT = 1 << 3;

/** System views Postgres reports as insertable (simple views over one catalog). */
const INSERTABLE_SYSTEM_VIEWS = new Set(['pg_group', 'pg_stat_database_conflicts']);

defineRows('information_schema', 'tables', {
  scope: 'catalog',
  *fixed({ session }) {
    const db = session.databaseName();
    for (const s of allSystemRelations()) {
      yield {
        table_catalog: db, table_schema: s.schema, table_name: s.name, table_type: s.kind === 'r' ? 'BASE TABLE' : 'VIEW',
        is_insertable_into: yesNo(s.kind === 'r' || INSERTABLE_SYSTEM_VIEWS.has(s.name)), is_typed: 'NO',
      };
    }
  },
  *rows({ cat, session }) {
    const db = session.databaseName();
    // Only the session's own temporary schema reads LOCAL TEMPORARY (pg_my_temp_schema()).
    const ownTemp = cat.namespaceOid(tempSchemaNameFor(session.backendPid()));
    for (const r of relationsInOrder(cat)) {
      if (r.kind !== 'r' && r.kind !== 'v' && r.kind !== 'p') continue;
      const temp = r.namespace === ownTemp;
      yield {
        table_catalog: db, table_schema: cat.namespaceName(r.namespace), table_name: r.name,
        table_type: temp ? 'LOCAL TEMPORARY' : r.kind === 'v' ? 'VIEW' : 'BASE TABLE',
        is_insertable_into: yesNo(r.kind !== 'v' || (viewUpdatableEvents(session as unknown as Session, r).events & INSERT_EVENT) !== 0), is_typed: 'NO', commit_action: null,
      };
    }
  },
});

defineRows('information_schema', 'views', {
  scope: 'catalog',
  *fixed({ session }) {
    const db = session.databaseName();
    for (const s of allSystemRelations()) {
      if (s.kind !== 'v') continue;
      const ins = yesNo(INSERTABLE_SYSTEM_VIEWS.has(s.name));
      yield {
        table_catalog: db, table_schema: s.schema, table_name: s.name, view_definition: null, check_option: 'NONE',
        is_updatable: ins, is_insertable_into: ins, is_trigger_updatable: 'NO', is_trigger_deletable: 'NO', is_trigger_insertable_into: 'NO',
      };
    }
  },
  *rows({ cat, session }) {
    const db = session.databaseName();
    for (const r of relationsInOrder(cat)) {
      if (r.kind !== 'v') continue;
      const events = viewUpdatableEvents(session as unknown as Session, r).events;
      yield {
        table_catalog: db, table_schema: cat.namespaceName(r.namespace), table_name: r.name,
        view_definition: viewDefinition(cat, session, r, false), check_option: r.options?.includes('check_option=cascaded') ? 'CASCADED' : r.options?.includes('check_option=local') ? 'LOCAL' : 'NONE',
        is_updatable: yesNo((events & (UPDATE_EVENT | DELETE_EVENT)) === (UPDATE_EVENT | DELETE_EVENT)), is_insertable_into: yesNo((events & INSERT_EVENT) !== 0), is_trigger_updatable: 'NO', is_trigger_deletable: 'NO', is_trigger_insertable_into: 'NO',
      };
    }
  },
});

defineRows('information_schema', 'schemata', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const db = session.databaseName();
    yield { catalog_name: db, schema_name: 'pg_toast', schema_owner: 'postgres' };
    for (const ns of cat.namespaces.values()) {
      yield { catalog_name: db, schema_name: ns.name, schema_owner: ns.owner };
    }
  },
});
