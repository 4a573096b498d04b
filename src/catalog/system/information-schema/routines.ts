/**
 * information_schema.routines and parameters: the functions fauxgres has (built-ins, and the
 * functions of installed extensions), described as the SQL standard does.
 * Postgres counterpart: src/backend/catalog/information_schema.sql (routines, parameters).
 * Known gaps: aggregates are left out as Postgres leaves them out.
 */
import type { Catalog } from '../../catalog.js';
import { defineRows, PG_CATALOG_NAMESPACE, type RowContext, type RowObject } from '../registry.js';
import { userFunctions } from '../user-functions.js';
import { deparseExpr } from '../../deparse.js';
import { deparseContextFor } from '../../ruleutils/context.js';
import { builtinProcs, type BuiltinProc } from '../procs.js';
import { describeType, yesNo } from './data-type.js';

/** The namespace of a function, or undefined when its extension is not installed. */
function procNamespace(cat: Catalog, p: BuiltinProc): number | undefined {
  if (!p.extension) return PG_CATALOG_NAMESPACE;
  return cat.extensions.get(p.extension)?.namespace;
}

function typeColumns(cat: Catalog, type: number, prefix: 'udt' | 'type_udt'): RowObject {
  const d = describeType(cat, type, -1);
  return {
    data_type: d.data_type, character_maximum_length: d.character_maximum_length, character_octet_length: d.character_octet_length,
    numeric_precision: d.numeric_precision, numeric_precision_radix: d.numeric_precision_radix, numeric_scale: d.numeric_scale,
    datetime_precision: d.datetime_precision, interval_type: d.interval_type, [`${prefix}_schema`]: d.udt_schema, [`${prefix}_name`]: d.udt_name,
  };
}

function userRoutineRows(cat: Catalog, db: string): RowObject[] {
  const out: RowObject[] = [];
  for (const f of userFunctions(cat)) {
    const schema = cat.namespaceName(f.namespace);
    const proc = f.kind === 'p';
    out.push({
      specific_catalog: db, specific_schema: schema, specific_name: `${f.name}_${f.oid}`,
      routine_catalog: db, routine_schema: schema, routine_name: f.name, routine_type: proc ? 'PROCEDURE' : 'FUNCTION',
      ...(proc ? {} : typeColumns(cat, f.returnType, 'type_udt')), type_udt_catalog: proc ? null : db, dtd_identifier: proc ? null : '0',
      routine_body: f.language === 'sql' ? 'SQL' : 'EXTERNAL', routine_definition: f.body, external_language: f.language.toUpperCase(),
      parameter_style: 'GENERAL', is_deterministic: yesNo(f.volatility === 'i'), sql_data_access: 'MODIFIES', is_null_call: proc ? null : yesNo(f.strict),
      schema_level_routine: 'YES', max_dynamic_result_sets: 0, security_type: f.securityDefiner ? 'DEFINER' : 'INVOKER', as_locator: 'NO', is_udt_dependent: 'NO',
    });
  }
  return out;
}

const MODES: Record<string, string> = { i: 'IN', o: 'OUT', b: 'INOUT', v: 'IN', t: 'OUT' };

function userParameterRows(cat: Catalog, session: RowContext['session'], db: string): RowObject[] {
  const out: RowObject[] = [];
  for (const f of userFunctions(cat)) {
    const schema = cat.namespaceName(f.namespace);
    f.params.forEach((p, i) => {
      out.push({
        specific_catalog: db, specific_schema: schema, specific_name: `${f.name}_${f.oid}`, ordinal_position: i + 1,
        parameter_mode: MODES[p.mode], is_result: 'NO', as_locator: 'NO', parameter_name: p.name || null,
        ...typeColumns(cat, p.type, 'udt'), udt_catalog: db, dtd_identifier: String(i + 1),
        parameter_default: p.default ? deparseExpr({ ...deparseContextFor(cat, session, undefined), fallback: p.default.text }, p.default.expr) : null,
      });
    });
  }
  return out;
}

defineRows('information_schema', 'routines', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const db = session.databaseName();
    yield* userRoutineRows(cat, db);
    for (const p of builtinProcs()) {
      const ns = procNamespace(cat, p);
      if (ns === undefined || p.agg || !p.fn) continue;
      const schema = cat.namespaceName(ns);
      const f = p.fn;
      yield {
        specific_catalog: db, specific_schema: schema, specific_name: `${p.name}_${p.oid}`,
        routine_catalog: db, routine_schema: schema, routine_name: p.name, routine_type: 'FUNCTION',
        ...typeColumns(cat, f.catalogSignature?.returnType ?? f.returnType, 'type_udt'), type_udt_catalog: db, dtd_identifier: '0',
        routine_body: 'EXTERNAL', routine_definition: p.name, external_name: p.extension ? `$libdir/${p.extension}` : null,
        external_language: p.extension ? 'C' : 'INTERNAL', parameter_style: 'GENERAL', is_deterministic: yesNo(f.volatility === 'i'),
        sql_data_access: 'MODIFIES', is_null_call: yesNo(f.strict), schema_level_routine: 'YES', max_dynamic_result_sets: 0,
        security_type: 'INVOKER', as_locator: 'NO', is_udt_dependent: 'NO',
      };
    }
  },
});

defineRows('information_schema', 'parameters', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const db = session.databaseName();
    yield* userParameterRows(cat, session, db);
    for (const p of builtinProcs()) {
      const ns = procNamespace(cat, p);
      if (ns === undefined || p.agg || !p.fn) continue;
      const schema = cat.namespaceName(ns);
      const f = p.fn;
      for (let i = 0; i < p.argTypes.length; i++) {
        const t = p.argTypes[i];
        const variadic = f.variadic !== undefined && i === p.argTypes.length - 1;
        const row: RowObject = {
          specific_catalog: db, specific_schema: schema, specific_name: `${p.name}_${p.oid}`, ordinal_position: i + 1,
          parameter_mode: 'IN', is_result: 'NO', as_locator: 'NO', parameter_name: f.argNames?.[i] || null,
          ...typeColumns(cat, variadic ? f.variadic! : t, 'udt'), udt_catalog: db, dtd_identifier: String(i + 1),
        };
        yield row;
      }
    }
  },
});
