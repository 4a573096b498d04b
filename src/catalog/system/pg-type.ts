/**
 * pg_type: the built-in types fauxgres implements (facts recorded from Postgres), and user types:
 * enums, domains, composite row types of tables and views, extension base types, and the array
 * type of each.
 * Postgres counterpart: src/include/catalog/pg_type.h, catalog/pg_type.c, commands/typecmds.c.
 * Known gaps: no row types of system catalogs; extension types have no I/O function OIDs.
 */
import { PgArray } from '../../types/values.js';
import { aclText } from '../acl.js';
import type { Catalog } from '../catalog.js';
import type { SessionContext } from '../../session/session-context.js';
import type { UserTypeDef } from '../objects.js';
import { defineRows, PG_CATALOG_NAMESPACE, type RowObject } from './registry.js';
import { BUILTIN_TYPE_FACTS } from './builtin-data.js';
import { builtinFacts, typeFacts, typeFunctionOid } from './type-facts.js';
import { roleOid } from './common.js';
import { nodeTree } from '../ruleutils/node-tree.js';
import { deparseExpr } from '../deparse.js';
import { deparseContextFor } from '../ruleutils/context.js';

const COMMON = { typnamespace: PG_CATALOG_NAMESPACE, typowner: 10, typisdefined: true, typnotnull: false, typbasetype: 0, typtypmod: -1, typndims: 0, typdefaultbin: null, typdefault: null, typacl: null, typrelid: 0 };

let builtinRows: RowObject[] | undefined;
function builtins(): RowObject[] {
  return (builtinRows ??= BUILTIN_TYPE_FACTS.map((t) => ({
    ...COMMON, oid: t[0], typname: t[1], typlen: t[2], typbyval: t[3], typtype: t[4], typcategory: t[5], typispreferred: t[6], typdelim: t[7],
    typsubscript: t[8], typelem: t[9], typarray: t[10], typinput: t[11][0], typoutput: t[11][1], typreceive: t[11][2], typsend: t[11][3],
    typmodin: t[11][4], typmodout: t[11][5], typanalyze: t[11][6], typalign: t[12], typstorage: t[13], typcollation: t[14],
  })));
}

/** I/O functions of a built-in type: [input, output, receive, send]. */
function builtinIo(oid: number): readonly number[] {
  return builtinFacts.get(oid)?.[11] ?? [0, 0, 0, 0, 0, 0, 0];
}

function userTypeRow(cat: Catalog, session: SessionContext, t: UserTypeDef): RowObject {
  const f = typeFacts(cat, t.oid);
  const base = { ...COMMON, oid: t.oid, typname: t.name, typnamespace: t.namespace, typowner: roleOid(t.owner), typdelim: ',', typispreferred: false,
    typlen: f.len, typbyval: f.byval, typalign: f.align, typstorage: f.storage, typcollation: f.collation, typarray: t.arrayType ?? 0,
    typsubscript: 0, typelem: 0, typmodin: 0, typmodout: 0, typanalyze: 0, typacl: t.acl ? PgArray.of(aclText(cat, t.acl)) : null };
  if (t.elementType !== undefined) {
    return { ...base, typtype: 'b', typcategory: 'A', typsubscript: typeFunctionOid('array_subscript_handler'), typelem: t.elementType, typarray: 0,
      typinput: typeFunctionOid('array_in'), typoutput: typeFunctionOid('array_out'), typreceive: typeFunctionOid('array_recv'), typsend: typeFunctionOid('array_send'),
      typanalyze: typeFunctionOid('array_typanalyze') };
  }
  switch (t.kind) {
    case 'e':
      return { ...base, typtype: 'e', typcategory: 'E', typinput: typeFunctionOid('enum_in'), typoutput: typeFunctionOid('enum_out'), typreceive: typeFunctionOid('enum_recv'), typsend: typeFunctionOid('enum_send') };
    case 'c':
      return { ...base, typtype: 'c', typcategory: 'C', typrelid: t.relation ?? 0, typinput: typeFunctionOid('record_in'), typoutput: typeFunctionOid('record_out'), typreceive: typeFunctionOid('record_recv'), typsend: typeFunctionOid('record_send') };
    case 'r':
      return { ...base, typtype: 'r', typcategory: 'R', typinput: typeFunctionOid('range_in'), typoutput: typeFunctionOid('range_out'), typreceive: typeFunctionOid('range_recv'), typsend: typeFunctionOid('range_send'), typanalyze: typeFunctionOid('range_typanalyze') };
    case 'm':
      return { ...base, typtype: 'm', typcategory: 'R', typinput: typeFunctionOid('multirange_in'), typoutput: typeFunctionOid('multirange_out'), typreceive: typeFunctionOid('multirange_recv'), typsend: typeFunctionOid('multirange_send'), typanalyze: typeFunctionOid('multirange_typanalyze') };
    case 'd': {
      const d = t.domain!;
      const io = builtinIo(d.baseType);
      const baseCat = builtinFacts.get(d.baseType)?.[5] ?? (cat.types.get(d.baseType)?.kind === 'e' ? 'E' : 'U');
      const row: RowObject = { ...base, typtype: 'd', typcategory: baseCat, typinput: typeFunctionOid('domain_in'), typoutput: io[1], typreceive: typeFunctionOid('domain_recv'), typsend: io[3],
        typnotnull: d.notNull, typbasetype: d.baseType, typtypmod: d.baseTypmod };
      if (d.default) {
        row.typdefaultbin = nodeTree({ kind: 'domaindefault', type: t.oid });
        row.typdefault = deparseExpr({ ...deparseContextFor(cat, session, undefined, { domainValue: true }), fallback: d.default.text }, d.default.expr);
      }
      return row;
    }
    default:
      return { ...base, typtype: 'b', typcategory: 'S', typinput: 0, typoutput: 0, typreceive: 0, typsend: 0 };
  }
}

defineRows('pg_catalog', 'pg_type', {
  scope: 'catalog',
  fixed: () => builtins(),
  *rows({ cat, session }) {
    for (const t of cat.types.values()) yield userTypeRow(cat, session, t);
  },
});
