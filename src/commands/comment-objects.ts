/**
 * COMMENT ON objects named with a parent (CONSTRAINT ... ON table / ON DOMAIN, TRIGGER / POLICY
 * ... ON table), routines (FUNCTION / PROCEDURE / ROUTINE) and EXTENSION: the pg_description key
 * of the object, with Postgres's lookup errors; and the relation-kind checks of COMMENT ON TABLE /
 * VIEW / MATERIALIZED VIEW / INDEX / SEQUENCE.
 * Postgres counterpart: src/backend/catalog/objectaddress.c (get_object_address and its
 * get_object_address_relobject / _domain_constraint helpers).
 * Known gaps: comments on built-in functions are 0A000.
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { formatTypeName } from '../catalog/ruleutils/format-type.js';
import { PLPGSQL_EXTENSION_OID } from '../catalog/system/pg-extension.js';
import { builtinProcsNamed } from '../catalog/system/procs.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { lookupRelation } from '../analyze/relation.js';
import { lookupTypeName } from '../analyze/type-name.js';
import { lookupRoutine } from './functioncmds.js';
import { checkOwner } from '../catalog/acl.js';

type AnyNode = Record<string, any>;

const CLASS = { pg_constraint: 2606, pg_proc: 1255, pg_trigger: 2620, pg_policy: 3256, pg_extension: 3079 } as const;

const KIND_OF: Record<string, { kinds: string; word: string }> = {
  OBJECT_TABLE: { kinds: 'rp', word: 'a table' },
  OBJECT_VIEW: { kinds: 'v', word: 'a view' },
  OBJECT_MATVIEW: { kinds: 'm', word: 'a materialized view' },
  OBJECT_INDEX: { kinds: 'iI', word: 'an index' },
  OBJECT_SEQUENCE: { kinds: 'S', word: 'a sequence' },
};

/** COMMENT ON TABLE of a view and the like: `"v" is not a table`. */
export function checkRelationKind(rel: RelationDef, objtype: string): void {
  const k = KIND_OF[objtype];
  if (k && !k.kinds.includes(rel.kind)) throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not ${k.word}`);
}

/** The `${classoid}.${objoid}.0` key of a constraint, routine, trigger, policy or extension. */
export function commentKey(session: Session, cat: Catalog, n: AnyNode): string {
  const sp = session.searchPath();
  const items = (n.object.List?.items ?? []) as AnyNode[];
  const names = (xs: AnyNode[]) => xs.map((x) => x.String.sval as string);
  /** The table of `CONSTRAINT / TRIGGER / POLICY name ON table`: every item but the last. */
  const parentTable = (): RelationDef => {
    const parts = names(items.slice(0, -1));
    const rel = lookupRelation(cat, sp, parts.length === 2 ? { schema: parts[0], name: parts[1] } : { name: parts[parts.length - 1] });
    if (!rel) throw new PgError(SQLSTATE.undefined_table, `relation "${parts.join('.')}" does not exist`);
    return rel;
  };
  const last = () => items[items.length - 1].String.sval as string;
  switch (n.objtype) {
    case 'OBJECT_TABCONSTRAINT': {
      const rel = parentTable();
      const con = cat.relationConstraints(rel.oid).find((c) => c.name === last());
      if (!con) throw new PgError(SQLSTATE.undefined_object, `constraint "${last()}" for table "${rel.name}" does not exist`);
      // (after the lookup: a missing object is reported first, as get_object_address does)
      checkOwner(cat, session.currentUser(), rel.owner, 'relation', rel.name);
      return `${CLASS.pg_constraint}.${con.oid}.0`;
    }
    case 'OBJECT_DOMCONSTRAINT': {
      const typeNames = names(items[0].TypeName.names as AnyNode[]);
      const oid = lookupTypeName(cat, sp, typeNames);
      if (oid === undefined) throw new PgError(SQLSTATE.undefined_object, `type "${typeNames.join('.')}" does not exist`);
      const t = cat.types.get(oid);
      if (!t?.domain) throw new PgError(SQLSTATE.wrong_object_type, `"${typeNames.join('.')}" is not a domain`);
      const check = t.domain.checks.find((c) => c.name === last());
      if (!check) throw new PgError(SQLSTATE.undefined_object, `constraint "${last()}" for domain ${formatTypeName(cat, sp, oid, null)} does not exist`);
      checkOwner(cat, session.currentUser(), t.owner, 'type', t.name);
      return `${CLASS.pg_constraint}.${check.oid}.0`;
    }
    case 'OBJECT_TRIGGER': {
      const rel = parentTable();
      const trg = cat.relationTriggers(rel.oid).find((t) => t.name === last());
      if (!trg) throw new PgError(SQLSTATE.undefined_object, `trigger "${last()}" for table "${rel.name}" does not exist`);
      // (after the lookup: a missing object is reported first, as get_object_address does)
      checkOwner(cat, session.currentUser(), rel.owner, 'relation', rel.name);
      return `${CLASS.pg_trigger}.${trg.oid}.0`;
    }
    case 'OBJECT_RULE': {
      const rel = parentTable();
      const rule = cat.relationRules(rel.oid).find((r) => r.name === last());
      if (!rule) throw new PgError(SQLSTATE.undefined_object, `rule "${last()}" for relation "${rel.name}" does not exist`);
      // (after the lookup: a missing object is reported first, as get_object_address does)
      checkOwner(cat, session.currentUser(), rel.owner, 'relation', rel.name);
      return `2618.${rule.oid}.0`;
    }
    case 'OBJECT_POLICY': {
      const rel = parentTable();
      const pol = cat.relationPolicies(rel.oid).find((p) => p.name === last());
      if (!pol) throw new PgError(SQLSTATE.undefined_object, `policy "${last()}" for table "${rel.name}" does not exist`);
      // (after the lookup: a missing object is reported first, as get_object_address does)
      checkOwner(cat, session.currentUser(), rel.owner, 'relation', rel.name);
      return `${CLASS.pg_policy}.${pol.oid}.0`;
    }
    case 'OBJECT_EXTENSION': {
      const name = n.object.String.sval as string;
      if (name === 'plpgsql') return `${CLASS.pg_extension}.${PLPGSQL_EXTENSION_OID}.0`;
      const ext = cat.extensions.get(name);
      if (!ext) throw new PgError(SQLSTATE.undefined_object, `extension "${name}" does not exist`);
      return `${CLASS.pg_extension}.${ext.oid}.0`;
    }
    default: {
      const owa = n.object.ObjectWithArgs as AnyNode;
      try {
        const f = lookupRoutine(session, cat, owa, n.objtype, false)!;
        // (CommentObject: check_object_ownership, in the statement's word)
        checkOwner(cat, session.currentUser(), f.owner, n.objtype === 'OBJECT_PROCEDURE' ? 'procedure' : n.objtype === 'OBJECT_ROUTINE' ? 'routine' : 'function', f.name);
        return `${CLASS.pg_proc}.${f.oid}.0`;
      } catch (e) {
        const objname = owa.objname as AnyNode[];
        const name = objname[objname.length - 1].String.sval as string;
        if (e instanceof PgError && e.code === SQLSTATE.undefined_function && builtinProcsNamed(name).length) {
          throw featureNotSupported('COMMENT ON a built-in function');
        }
        throw e;
      }
    }
  }
}
