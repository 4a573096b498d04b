/**
 * Analyzed expressions back to SQL text the way Postgres's ruleutils prints stored expressions
 * (pg_get_constraintdef, pg_get_expr, information_schema defaults): operators fully
 * parenthesized, constants labelled with their type unless they read back as that type
 * (`0`, `true`, `'EUR'::bpchar`, `(1)::numeric`), implicit casts shown as `(x)::type`.
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (get_rule_expr, get_const_expr).
 * Known gaps: CASE, subscripts, row expressions and sublinks fall back to the source text.
 */
import type { Catalog } from './catalog.js';
import type { Expr } from '../nodes/primnodes.js';
import { OID } from '../types/oids.js';
import { formatType, typeInfo, quoteIdentIfNeeded } from '../types/registry.js';
import type { Value } from '../types/values.js';
import { DEFAULT_IO_CONTEXT as DEFAULT_IO } from '../types/type-io.js';
import { domainBase } from '../analyze/coerce.js';

export interface DeparseContext {
  readonly cat: Catalog;
  /** Column name for a Var of the table the expression belongs to. */
  columnName(attno: number): string;
  /** Fallback text when a node cannot be printed. */
  readonly fallback?: string;
  /** Name a type as format_type would, qualified unless visible. */
  typeName?(oid: number): string;
}

class Unprintable extends Error {}

function typeLabel(ctx: DeparseContext, oid: number): string {
  // format_type_with_typemod(bpchar, -1) is "bpchar": plain "character" would mean character(1).
  if (oid === OID.bpchar) return 'bpchar';
  if (ctx.typeName) return ctx.typeName(oid);
  return formatType(ctx.cat, oid, -1);
}

function literal(s: string): string {
  return s.includes('\\') ? `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'` : `'${s.replace(/'/g, "''")}'`;
}

function constText(ctx: DeparseContext, type: number, value: Value): string {
  if (value === null) return `NULL::${typeLabel(ctx, type)}`;
  const base = domainBase(ctx.cat, type);
  if (base === OID.bool) return value ? 'true' : 'false';
  if (base === OID.regclass) {
    const rel = ctx.cat.relations.get(value as number);
    return rel ? `'${rel.name.replace(/'/g, "''")}'::regclass` : `'${value}'::regclass`;
  }
  const text = typeInfo(ctx.cat, base).io.output(value, DEFAULT_IO);
  if (base === OID.int4 && type === base) return text.startsWith('-') ? `'${text}'::integer` : text;
  if ((base === OID.numeric || base === OID.int8 || base === OID.float8) && /^[0-9+\-eE.]+$/.test(text)) {
    const shown = text.startsWith('-') ? `(${text})` : text;
    const needLabel = base !== OID.numeric || !/[eE.]/.test(text) || type !== base;
    return needLabel ? `${shown}::${typeLabel(ctx, type)}` : shown;
  }
  return `${literal(text)}::${typeLabel(ctx, type)}`;
}

/** ruleutils hides implicit casts at the top of the expression only (showimplicit = false). */
function top(ctx: DeparseContext, e: Expr): string {
  if (e.kind === 'CoerceExpr' && e.form !== 'explicit' && !e.handlesNull) return top(ctx, e.arg);
  return go(ctx, e);
}

function go(ctx: DeparseContext, e: Expr): string {
  switch (e.kind) {
    case 'Var':
      return quoteIdentIfNeeded(ctx.columnName(e.attno));
    case 'Const':
      return constText(ctx, e.type, e.value);
    case 'OpExpr': {
      if (e.args.length === 1) return `(${e.op} ${go(ctx, e.args[0])})`;
      return `(${go(ctx, e.args[0])} ${e.op} ${go(ctx, e.args[1])})`;
    }
    case 'FuncExpr':
      if (e.name === 'is distinct from' || e.name === 'is not distinct from') {
        return `(${go(ctx, e.args[0])} IS ${e.name === 'is distinct from' ? '' : 'NOT '}DISTINCT FROM ${go(ctx, e.args[1])})`;
      }
      if (!/^[a-z_][a-z0-9_]*$/.test(e.name)) throw new Unprintable();
      return `${e.name}(${e.args.map((a) => go(ctx, a)).join(', ')})`;
    case 'BoolExpr':
      if (e.op === 'not') return `(NOT ${go(ctx, e.args[0])})`;
      return `(${e.args.map((a) => go(ctx, a)).join(e.op === 'and' ? ' AND ' : ' OR ')})`;
    case 'NullTest':
      return `(${go(ctx, e.arg)} IS ${e.isNull ? '' : 'NOT '}NULL)`;
    case 'CoalesceExpr':
      return `COALESCE(${e.args.map((a) => go(ctx, a)).join(', ')})`;
    case 'MinMaxExpr':
      return `${e.op.toUpperCase()}(${e.args.map((a) => go(ctx, a)).join(', ')})`;
    case 'NullIfExpr':
      return `NULLIF(${go(ctx, e.args[0])}, ${go(ctx, e.args[1])})`;
    case 'CoerceExpr': {
      // Length coercions and domain checks are not printed; type changes are.
      if (e.type === e.arg.type || e.handlesNull) return go(ctx, e.arg);
      return `(${go(ctx, e.arg)})::${typeLabel(ctx, e.type)}`;
    }
    case 'ScalarArrayOpExpr': {
      const right = Array.isArray(e.right) ? `ARRAY[${e.right.map((a) => go(ctx, a)).join(', ')}]` : go(ctx, e.right);
      return `(${go(ctx, e.left)} ${e.op} ${e.useOr ? 'ANY' : 'ALL'} (${right}))`;
    }
    case 'ArrayExpr':
      return `ARRAY[${e.elements.map((a) => go(ctx, a)).join(', ')}]`;
    case 'SQLValueFunction':
      return e.op.toUpperCase();
    default:
      throw new Unprintable();
  }
}

/** The expression as ruleutils would print it (or the fallback text when it cannot). */
export function deparseExpr(ctx: DeparseContext, e: Expr): string {
  try {
    return top(ctx, e);
  } catch (err) {
    if (err instanceof Unprintable) return ctx.fallback ?? '?';
    throw err;
  }
}
