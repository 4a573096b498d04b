/**
 * COMMENT ON TABLE / COLUMN / VIEW / INDEX / SEQUENCE / SCHEMA / TYPE / DOMAIN / CONSTRAINT / OPERATOR:
 * stored per (catalog class, object, sub-id) as pg_description does; NULL or '' removes.
 * Postgres counterpart: src/backend/commands/comment.c.
 */
import { PG_STATISTIC_EXT, lookupStatistics } from './statistics.js';
import { PG_COLLATION } from './collationcmds.js';
import { lookupCollation } from '../catalog/collation-lookup.js';
import { checkOwner } from '../catalog/acl.js';
import { lookupOperatorWithArgs } from './operatorcmds.js';
import { publicationNamed } from './publication.js';
import { eventTriggerCommentKey } from './event-trigger.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { commandResult, type StatementResult } from '../session/dispatch.js';
import { lookupRelation } from '../analyze/relation.js';
import { lookupTypeName } from '../analyze/type-name.js';
import { checkRelationKind, commentKey } from './comment-objects.js';
import { formatType } from '../types/registry.js';

type AnyNode = Record<string, any>;

/** pg_class, pg_namespace, pg_type, pg_constraint OIDs (the classoid of pg_description). */
export const CLASS_OID = { pg_class: 1259, pg_namespace: 2615, pg_type: 1247, pg_constraint: 2606, pg_proc: 1255, pg_publication: 6104, pg_trigger: 2620, pg_policy: 3256, pg_extension: 3079, pg_operator: 2617 } as const;

/** The object word of COMMENT's ownership error per relation kind (aclcheck_error's NOT_OWNER). */
const OBJTYPE_WORD: Record<string, string> = { OBJECT_TABLE: 'table', OBJECT_VIEW: 'view', OBJECT_MATVIEW: 'materialized view', OBJECT_INDEX: 'index', OBJECT_SEQUENCE: 'sequence' };

export function commentOn(session: Session, n: AnyNode): StatementResult {
  const txn = session.transaction();
  const cat0 = txn.catalog;
  const sp = session.searchPath();
  const list = (o: AnyNode): string[] => ((o.List?.items ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  let key: string;
  switch (n.objtype) {
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_INDEX':
    case 'OBJECT_SEQUENCE': {
      const parts = list(n.object);
      const rel = lookupRelation(cat0, sp, parts.length === 2 ? { schema: parts[0], name: parts[1] } : { name: parts[0] });
      if (!rel) throw new PgError(SQLSTATE.undefined_table, `relation "${parts.join('.')}" does not exist`);
      checkRelationKind(rel, n.objtype);
      checkOwner(cat0, session.currentUser(), rel.owner, OBJTYPE_WORD[n.objtype as string], rel.name);
      key = `${CLASS_OID.pg_class}.${rel.oid}.0`;
      break;
    }
    case 'OBJECT_TABCONSTRAINT':
    case 'OBJECT_DOMCONSTRAINT': {
      // (commentKey checks the table's or domain's ownership)
      key = commentKey(session, cat0, n);
      break;
    }
    case 'OBJECT_FUNCTION':
    case 'OBJECT_PROCEDURE':
    case 'OBJECT_ROUTINE':
    case 'OBJECT_TRIGGER':
    case 'OBJECT_RULE':
    case 'OBJECT_POLICY':
    case 'OBJECT_EXTENSION':
      key = commentKey(session, cat0, n);
      break;
    case 'OBJECT_COLUMN': {
      const parts = list(n.object);
      const col = parts.pop() as string;
      const rel = lookupRelation(cat0, sp, parts.length === 2 ? { schema: parts[0], name: parts[1] } : { name: parts[0] });
      if (!rel) throw new PgError(SQLSTATE.undefined_table, `relation "${parts.join('.')}" does not exist`);
      const c = rel.columns.find((x) => x.name === col && !x.dropped);
      if (!c) throw new PgError(SQLSTATE.undefined_column, `column "${col}" of relation "${parts.join('.')}" does not exist`);
      checkOwner(cat0, session.currentUser(), rel.owner, 'relation', rel.name);
      key = `${CLASS_OID.pg_class}.${rel.oid}.${c.attnum}`;
      break;
    }
    case 'OBJECT_SCHEMA': {
      const name = n.object.String.sval as string;
      const ns = cat0.namespaceOid(name);
      if (ns === undefined) throw new PgError(SQLSTATE.invalid_schema_name, `schema "${name}" does not exist`);
      checkOwner(cat0, session.currentUser(), cat0.namespaces.get(ns)!.owner, 'schema', name);
      key = `${CLASS_OID.pg_namespace}.${ns}.0`;
      break;
    }
    case 'OBJECT_STATISTIC_EXT': {
      const parts = list(n.object);
      const st = lookupStatistics(cat0, sp, parts);
      if (!st) throw new PgError(SQLSTATE.undefined_object, `statistics object "${parts.join('.')}" does not exist`);
      checkOwner(cat0, session.currentUser(), st.owner, 'statistics object', st.name);
      key = `${PG_STATISTIC_EXT}.${st.oid}.0`;
      break;
    }
    case 'OBJECT_COLLATION': {
      const parts = list(n.object);
      const c = lookupCollation(cat0, sp, parts);
      if (c === undefined) throw new PgError(SQLSTATE.undefined_object, `collation "${parts.join('.')}" for encoding "UTF8" does not exist`);
      if (typeof c === 'string') throw featureNotSupported('COMMENT ON a built-in collation');
      checkOwner(cat0, session.currentUser(), c.owner, 'collation', c.name);
      key = `${PG_COLLATION}.${c.oid}.0`;
      break;
    }
    case 'OBJECT_EVENT_TRIGGER':
      key = eventTriggerCommentKey(session, cat0, n.object.String.sval as string);
      break;
    case 'OBJECT_PUBLICATION': {
      const name = n.object.String.sval as string;
      const pub = publicationNamed(cat0, name);
      if (!pub) throw new PgError(SQLSTATE.undefined_object, `publication "${name}" does not exist`);
      key = `${CLASS_OID.pg_publication}.${pub.oid}.0`;
      break;
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const names = (n.object.TypeName?.names ?? n.object.List?.items) as AnyNode[];
      const parts = names.map((x) => x.String.sval as string);
      const oid = lookupTypeName(cat0, sp, parts);
      if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `type "${parts.join('.')}" does not exist`);
      const t = cat0.types.get(oid);
      checkOwner(cat0, session.currentUser(), t?.owner ?? 'postgres', 'type', formatType(cat0, oid));
      key = `${CLASS_OID.pg_type}.${oid}.0`;
      break;
    }
    case 'OBJECT_OPERATOR': {
      const op = lookupOperatorWithArgs(session, cat0, n.object.ObjectWithArgs ?? n.object, false)!;
      checkOwner(cat0, session.currentUser(), op.owner, 'operator', op.name);
      if (op.builtin) throw featureNotSupported('COMMENT ON a built-in operator');
      key = `${CLASS_OID.pg_operator}.${op.oid}.0`;
      break;
    }
    default:
      throw featureNotSupported(`COMMENT ON ${String(n.objtype).replace('OBJECT_', '')}`);
  }
  const cat = txn.catalogForWrite();
  // An extension's built-in description is overridden by a comment, and removed by an empty one.
  if (n.comment === undefined || n.comment === null || n.comment === '') {
    if (n.objtype === 'OBJECT_EXTENSION') cat.comments.set(key, '');
    else cat.comments.delete(key);
  } else cat.comments.set(key, n.comment);
  return commandResult('COMMENT');
}
