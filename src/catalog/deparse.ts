/**
 * Analyzed expressions back to SQL text the way Postgres's ruleutils prints stored expressions
 * (pg_get_expr, pg_get_constraintdef, pg_get_indexdef, information_schema defaults).
 *
 * Plain mode parenthesizes every operator, boolean and test node (`((a > 0) AND (b < 10))`) and
 * prints implicit casts as `(x)::type`. Pretty mode (the `true` argument psql passes) drops the
 * parentheses a reader does not need: an operand keeps them only when it is not "simple" for its
 * parent (an arithmetic operand of higher precedence, or the left operand of the same precedence,
 * is simple; so is any operator under AND/OR/NOT, AND under AND/OR, OR under OR, and anything
 * inside a function-like node), and casts print as `x::type`. Constants are labelled with their
 * type unless they read back as that type (`0`, `1.5`, `true`, `'x'::text`, `'-1'::integer`).
 * Implicit casts are hidden at the top of the expression only.
 *
 * Postgres counterpart: src/backend/utils/adt/ruleutils.c (get_rule_expr, get_const_expr,
 * isSimpleNode).
 * Known gaps: sublinks, field selection and row comparisons fall back to the source text.
 */
import { systemColumnName } from '../analyze/system-columns.js';
import { configName, configOf, regdictionaryOut } from '../tsearch/ts-config.js';
import { deparseWindowFunc } from './deparse-window.js';
import type { Catalog } from './catalog.js';
import type { Expr } from '../nodes/primnodes.js';
import type { Query } from '../nodes/query.js';
import { OID } from '../types/oids.js';
import { formatType, typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import { DEFAULT_IO_CONTEXT as DEFAULT_IO } from '../types/type-io.js';
import { domainBase } from '../analyze/coerce.js';
import { quoteIdent } from '../functions/builtins/quote.js';

export interface DeparseContext {
  readonly cat: Catalog;
  /** Column name for a Var of the table the expression belongs to. */
  columnName(attno: number): string;
  /** Print column names as given, unquoted (a domain's VALUE). */
  readonly rawColumnNames?: boolean;
  /** Fallback text when a node cannot be printed. */
  readonly fallback?: string;
  /** Name a type as format_type would (with its modifier), qualified unless visible. */
  typeName?(oid: number, typmod: number): string;
  /** Text for an expression printed other than by its structure (a join column in a view definition), or undefined. */
  exprOverride?(e: Expr): string | undefined;
  /** Name a user function as ruleutils does (generate_function_name: qualified unless visible). */
  functionName?(oid: number): string;
  /** Name a relation as regclass output would (for regclass constants). */
  relationName?(oid: number): string;
  /** Pretty mode: fewer parentheses. */
  readonly pretty?: boolean;
  /** Indentation of multi-line constructs (CASE), as in view definitions. */
  readonly indent?: number;
  /** Name of a column reference of any query level (view definitions); overrides columnName. */
  varName?(v: Extract<Expr, { kind: 'Var' }>): string;
  /** How a whole-row reference (`t.*`, analyzed as a RowExpr of its columns) prints, if not as ROW(...). */
  wholeRowName?(v: Extract<Expr, { kind: 'Var' }>): string;
  /** Text of a whole sublink (EXPLAIN's `(SubPlan 1)`); `operand` prints a test expression. */
  sublink?(e: Extract<Expr, { kind: 'SubLink' }>, operand: (x: Expr) => string): string;
  /** Text of a subquery of a sublink (starting with a space), when printing queries. */
  subquery?(q: Query, kind: 'expr'): string;
}

/** Thrown for a node the deparser cannot print; deparseExpr turns it into the fallback text. */
export class Unprintable extends Error {}

function typeLabel(ctx: DeparseContext, oid: number, typmod = -1): string {
  // format_type_with_typemod(bpchar, -1) is "bpchar": plain "character" would mean character(1).
  if (oid === OID.bpchar && typmod < 0) return 'bpchar';
  if (ctx.typeName) return ctx.typeName(oid, typmod);
  return formatType(ctx.cat, oid, typmod);
}

/** A regconfig constant's name (qualified unless in pg_catalog or public). */
function regconfigOutIn(cat: Catalog, oid: number): string {
  try {
    return configName(cat, ['public'], configOf(oid, cat));
  } catch {
    return String(oid);
  }
}

/** A string literal as ruleutils writes it (standard_conforming_strings: backslashes stay). */
function literal(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A constant; `showType` false only where Postgres omits the label (array elements keep it). */
function constText(ctx: DeparseContext, type: number, typmod: number, value: Value): string {
  if (value === null) return `NULL::${typeLabel(ctx, type, typmod)}`;
  const base = domainBase(ctx.cat, type);
  const label = () => `::${typeLabel(ctx, type, typmod)}`;
  if (base === OID.bool && type === base) return value ? 'true' : 'false';
  if (base === OID.regclass) {
    const name = ctx.relationName ? ctx.relationName(value as number) : String(value);
    return `${literal(name)}::regclass`;
  }
  if (base === OID.regconfig) return `${literal(regconfigOutIn(ctx.cat, value as number))}::regconfig`;
  if (base === OID.regdictionary) return `${literal(regdictionaryOut(null, value as number))}::regdictionary`;
  const text = typeInfo(ctx.cat, base).io.output(value, DEFAULT_IO);
  const numeric = /^[0-9][0-9+\-eE.]*$/.test(text);
  switch (base) {
    case OID.int4:
      if (numeric && type === base) return text;
      break;
    case OID.numeric:
      // A number with a point or exponent reads back as numeric; an integer would read as int.
      if (numeric && /[.eE]/.test(text)) return type === base && typmod < 0 ? text : `${text}${label()}`;
      break;
  }
  return `${literal(text)}${label()}`;
}

type Parent = Expr | 'top' | 'fn';

const ARITH_LOW = '+-';
const ARITH_HIGH = '*/%';

/** Whether `e` needs no parentheses as a child of `parent` in pretty mode (isSimpleNode). */
function isSimple(e: Expr, parent: Parent): boolean {
  if (parent === 'top' || parent === 'fn') return true;
  if (isDistinct(e)) return underFunctionLike(parent);
  switch (e.kind) {
    case 'Var':
    case 'Const':
    case 'Param':
    case 'FuncExpr':
    case 'CoalesceExpr':
    case 'MinMaxExpr':
    case 'NullIfExpr':
    case 'ArrayExpr':
    case 'RowExpr':
    case 'SQLValueFunction':
    case 'Aggref':
    case 'SubscriptExpr':
    case 'CaseExpr':
    case 'FieldSelect':
      return true;
    case 'CoerceExpr':
      return e.type === e.arg.type || e.handlesNull ? isSimple(e.arg, parent) : true;
    case 'OpExpr':
      return parent.kind === 'OpExpr' ? arithmeticSimple(e, parent) : underFunctionLike(parent);
    case 'NullTest':
    case 'BooleanTest':
    case 'ScalarArrayOpExpr':
    case 'SubLink':
      return underFunctionLike(parent);
    case 'BoolExpr':
      if (parent.kind === 'BoolExpr') {
        if (e.op === 'not' || e.op === 'and') return parent.op === 'and' || parent.op === 'or';
        return parent.op === 'or';
      }
      return underFunctionLike(parent);
    default:
      return false;
  }
}

function isDistinct(e: Expr): boolean {
  return e.kind === 'FuncExpr' && (e.name === 'is distinct from' || e.name === 'is not distinct from');
}

function underFunctionLike(parent: Expr): boolean {
  switch (parent.kind) {
    case 'BoolExpr':
    case 'ArrayExpr':
    case 'RowExpr':
    case 'CoalesceExpr':
    case 'MinMaxExpr':
    case 'NullIfExpr':
    case 'Aggref':
    case 'SubscriptExpr':
      return true;
    default:
      return false;
  }
}

function arithmeticSimple(e: Extract<Expr, { kind: 'OpExpr' }>, parent: Extract<Expr, { kind: 'OpExpr' }>): boolean {
  const op = e.op;
  const pop = parent.op;
  if (op.length !== 1 || pop.length !== 1 || e.args.length !== 2) return false;
  const lo = ARITH_LOW.includes(op);
  const hi = ARITH_HIGH.includes(op);
  const plo = ARITH_LOW.includes(pop);
  const phi = ARITH_HIGH.includes(pop);
  if (!(lo || hi) || !(plo || phi)) return false;
  if (hi && plo) return true;
  if (lo && phi) return false;
  return parent.args[0] === e;
}

/** A child expression, parenthesized in pretty mode when it is not simple for its parent. */
function child(ctx: DeparseContext, e: Expr, parent: Expr): string {
  const s = go(ctx, e, parent);
  if (!ctx.pretty) return s;
  return isSimple(e, parent) ? s : `(${s})`;
}

/** Wraps a node's own text in parentheses in plain mode. */
function own(ctx: DeparseContext, s: string): string {
  return ctx.pretty ? s : `(${s})`;
}

/** ruleutils hides implicit casts at the top of the expression only (showimplicit = false). */
function top(ctx: DeparseContext, e: Expr): string {
  if (e.kind === 'CoerceExpr' && e.form !== 'explicit' && !e.handlesNull) return top(ctx, e.arg);
  return go(ctx, e, 'top');
}

function args(ctx: DeparseContext, list: readonly Expr[]): string {
  return list.map((a) => go(ctx, a, 'fn')).join(', ');
}

function go(ctx: DeparseContext, e: Expr, parent: Parent): string {
  const special = ctx.exprOverride?.(e);
  if (special !== undefined) return special;
  switch (e.kind) {
    case 'Param':
      return `$${e.index + 1}`;
    case 'Var':
      if (ctx.varName) return ctx.varName(e);
      if (e.levelsUp !== 0) throw new Unprintable();
      if (e.attno < 0) return systemColumnName(e.attno);
      return ctx.rawColumnNames ? ctx.columnName(e.attno) : quoteIdent(ctx.columnName(e.attno));
    case 'Const':
      return constText(ctx, e.type, e.typmod, e.value);
    case 'OpExpr': {
      if (e.args.length === 1) return own(ctx, `${e.op} ${child(ctx, e.args[0], e)}`);
      return own(ctx, `${child(ctx, e.args[0], e)} ${e.op} ${child(ctx, e.args[1], e)}`);
    }
    case 'FuncExpr':
      if (e.name === 'is distinct from') return own(ctx, `${child(ctx, e.args[0], e)} IS DISTINCT FROM ${child(ctx, e.args[1], e)}`);
      if (e.name === 'is not distinct from') {
        const inner = `${child(ctx, e.args[0], e)} IS DISTINCT FROM ${child(ctx, e.args[1], e)}`;
        return own(ctx, `NOT ${ctx.pretty ? inner : `(${inner})`}`);
      }
      if (e.display) return e.display(e.args.map((a) => go(ctx, a, 'fn')), (x) => go(ctx, x, 'fn'));
      if (e.fn.oid !== undefined && ctx.functionName && ctx.cat.functions.has(e.fn.oid)) return `${ctx.functionName(e.fn.oid)}(${args(ctx, e.args)})`;
      if (!/^[a-z_][a-z0-9_]*$/.test(e.name)) throw new Unprintable();
      return `${e.name}(${args(ctx, e.args)})`;
    case 'BoolExpr':
      if (e.op === 'not') return own(ctx, `NOT ${child(ctx, e.args[0], e)}`);
      return own(ctx, e.args.map((a) => child(ctx, a, e)).join(e.op === 'and' ? ' AND ' : ' OR '));
    case 'NullTest':
      return own(ctx, `${child(ctx, e.arg, e)} IS ${e.isNull ? '' : 'NOT '}NULL`);
    case 'BooleanTest': {
      const t = { true: 'IS TRUE', not_true: 'IS NOT TRUE', false: 'IS FALSE', not_false: 'IS NOT FALSE', unknown: 'IS UNKNOWN', not_unknown: 'IS NOT UNKNOWN' }[e.test];
      return own(ctx, `${child(ctx, e.arg, e)} ${t}`);
    }
    case 'CoalesceExpr':
      return `COALESCE(${args(ctx, e.args)})`;
    case 'MinMaxExpr':
      return `${e.op.toUpperCase()}(${args(ctx, e.args)})`;
    case 'NullIfExpr':
      return `NULLIF(${args(ctx, e.args)})`;
    case 'CoerceExpr': {
      // Domain checks are not printed; length coercions and type changes are.
      if (e.handlesNull || (e.type === e.arg.type && e.typmod === e.arg.typmod)) return go(ctx, e.arg, parent);
      if (e.arg.kind === 'Const' && e.arg.type === OID.unknown) return constText(ctx, e.type, e.typmod, e.arg.value);
      const inner = ctx.pretty ? child(ctx, e.arg, e) : `(${go(ctx, e.arg, e)})`;
      return `${inner}::${typeLabel(ctx, e.type, e.typmod)}`;
    }
    case 'ScalarArrayOpExpr': {
      const right = Array.isArray(e.right) ? `ARRAY[${args(ctx, e.right)}]` : child(ctx, e.right, e);
      return own(ctx, `${child(ctx, e.left, e)} ${e.op} ${e.useOr ? 'ANY' : 'ALL'} (${right})`);
    }
    case 'ArrayExpr':
      return `ARRAY[${args(ctx, e.elements)}]`;
    case 'RowExpr':
      if (e.wholeRow && ctx.wholeRowName && e.args[0]?.kind === 'Var') return ctx.wholeRowName(e.args[0]);
      return `ROW(${args(ctx, e.args)})`;
    case 'SQLValueFunction':
      return e.op.toUpperCase();
    case 'CaseExpr': {
      const ind = ' '.repeat(ctx.indent ?? 0);
      const inner = { ...ctx, indent: (ctx.indent ?? 0) + 4 };
      let s = `\n${ind}CASE`;
      for (const w of e.whens) s += `\n${ind}    WHEN ${go(inner, w.cond, e)} THEN ${go(inner, w.result, e)}`;
      if (!(e.elseResult.kind === 'Const' && e.elseResult.value === null && e.whens.length)) s += `\n${ind}    ELSE ${go(inner, e.elseResult, e)}`;
      return s + `\n${ind}END`;
    }
    case 'Aggref': {
      if (e.directArgs) {
        // name(direct args) WITHIN GROUP (ORDER BY aggregated args)
        let s = `${e.name}(${args(ctx, e.directArgs)}) WITHIN GROUP (ORDER BY `;
        s += (e.orderBy ?? []).map((k) => go(ctx, k.expr, 'fn') + (k.descending ? ' DESC' : '') + (k.descending && !k.nullsFirst ? ' NULLS LAST' : '') + (!k.descending && k.nullsFirst ? ' NULLS FIRST' : '')).join(', ') + ')';
        if (e.filter) s += ` FILTER (WHERE ${go(ctx, e.filter, 'top')})`;
        return s;
      }
      let s = `${e.name}(`;
      if (e.star) s += '*';
      else s += (e.distinct ? 'DISTINCT ' : '') + args(ctx, e.args);
      if (e.orderBy?.length) {
        s += ' ORDER BY ' + e.orderBy.map((k) => go(ctx, k.expr, 'fn') + (k.descending ? ' DESC' : '') + (k.descending && !k.nullsFirst ? ' NULLS LAST' : '') + (!k.descending && k.nullsFirst ? ' NULLS FIRST' : '')).join(', ');
      }
      s += ')';
      if (e.filter) s += ` FILTER (WHERE ${go(ctx, e.filter, 'top')})`;
      return s;
    }
    case 'WindowFunc':
      return deparseWindowFunc(e, (x) => go(ctx, x, 'fn'), (x) => go(ctx, x, 'top'), (l) => args(ctx, l));
    case 'SubLink': {
      if (ctx.sublink) return ctx.sublink(e, (x) => child(ctx, x, e));
      if (!ctx.subquery) throw new Unprintable();
      const sub = ctx.subquery(e.subquery, 'expr');
      switch (e.subLinkType) {
        case 'EXISTS':
          return `(EXISTS (${sub}))`;
        case 'EXPR':
          return `(${sub})`;
        case 'ARRAY':
          return `ARRAY(${sub})`;
        case 'ANY':
        case 'ALL': {
          const tests = e.testExprs ?? [];
          if (tests.length !== 1) throw new Unprintable();
          const left = child(ctx, tests[0], e);
          if (e.subLinkType === 'ANY' && e.opName === '=') return `(${left} IN (${sub}))`;
          return `(${left} ${e.opName} ${e.subLinkType} (${sub}))`;
        }
        default:
          throw new Unprintable();
      }
    }
    case 'FieldSelect': {
      // `(arg).field`, the field named from the argument's composite type (ruleutils's FieldSelect).
      const info = typeInfo(ctx.cat, e.arg.type);
      const col = info.relation !== undefined ? ctx.cat.relation(info.relation).columns.filter((c) => !c.dropped)[e.fieldIndex] : undefined;
      if (!col) throw new Unprintable();
      return `(${go(ctx, e.arg, e)}).${quoteIdent(col.name)}`;
    }
    case 'SubscriptExpr': {
      let s = child(ctx, e.arg, e);
      for (const i of e.indexes) {
        const lo = i.lower ? go(ctx, i.lower, 'fn') : '';
        const hi = i.upper ? go(ctx, i.upper, 'fn') : '';
        s += i.isSlice ? `[${lo}:${hi}]` : `[${hi}]`;
      }
      return s;
    }
    default:
      throw new Unprintable();
  }
}

/** The expression as ruleutils would print it; throws Unprintable for nodes it cannot print. */
export function deparseExprStrict(ctx: DeparseContext, e: Expr): string {
  return top(ctx, e);
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
