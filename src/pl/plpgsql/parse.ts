/**
 * Parsing PL/pgSQL bodies with libpg-query (Postgres's own PL/pgSQL grammar): a stored function
 * is parsed from a CREATE statement rebuilt from its catalog entry (the parameter list decides
 * the datums), once per function version. libpg-query reports grammar errors as bare messages;
 * they get Postgres's SQLSTATE and, where the offending token can be found, a position.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_gram.y, pl_scanner.c, pl_comp.c (do_compile).
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { FunctionDef } from '../../catalog/objects.js';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { parsePlpgsql } from '../../parser/parse.js';
import { OID } from '../../types/oids.js';
import { formatType, quoteIdentIfNeeded } from '../../types/registry.js';
import type { PlNode } from './tree.js';
import { restoreRecordDefaults } from './rec-defaults.js';

const MODE_WORD: Record<string, string> = { i: 'IN', o: 'OUT', b: 'INOUT', v: 'VARIADIC' };

/** A CREATE FUNCTION statement equivalent to the catalog entry (what libpg-query parses). */
export function plpgsqlSource(cat: Catalog, def: FunctionDef): string {
  let tag = '$fauxgres$';
  for (let i = 0; def.body.includes(tag); i++) tag = `$fauxgres${i}$`;
  const params = def.params.filter((p) => p.mode !== 't').map((p) => `${MODE_WORD[p.mode]} ${p.name ? quoteIdentIfNeeded(p.name) + ' ' : ''}${formatType(cat, p.type)}`);
  const table = def.params.filter((p) => p.mode === 't');
  let returns = '';
  if (def.kind === 'f') {
    if (table.length) returns = ` RETURNS TABLE (${table.map((p) => `${quoteIdentIfNeeded(p.name)} ${formatType(cat, p.type)}`).join(', ')})`;
    else returns = ` RETURNS ${def.retset ? 'SETOF ' : ''}${def.returnType === OID.trigger ? 'trigger' : formatType(cat, def.returnType)}`;
  }
  return `CREATE ${def.kind === 'p' ? 'PROCEDURE' : 'FUNCTION'} ${quoteIdentIfNeeded(def.name)}(${params.join(', ')})${returns} LANGUAGE plpgsql AS ${tag}${def.body}${tag}`;
}

/** Postgres's SQLSTATE for a PL/pgSQL grammar error message. */
function codeFor(message: string): string {
  if (/^syntax error/.test(message)) return SQLSTATE.syntax_error;
  if (/unrecognized exception condition/.test(message)) return SQLSTATE.undefined_object;
  if (/^parameter name ".*" used more than once$/.test(message)) return SQLSTATE.invalid_function_definition;
  if (/must have a default value, since it's declared NOT NULL/.test(message)) return SQLSTATE.null_value_not_allowed;
  if (/is declared CONSTANT/.test(message)) return '22005';
  if (/^RETURN (NEXT )?cannot have a parameter/.test(message) || /cannot use RETURN (NEXT|QUERY) in a non-SETOF function/.test(message)) return SQLSTATE.datatype_mismatch;
  if (/is not a scalar variable|is not a known variable|cannot be used outside a loop|no label|not a loop|too (many|few) parameters specified for RAISE|missing expression|missing/.test(message)) return SQLSTATE.syntax_error;
  if (/type .* does not exist/.test(message)) return SQLSTATE.undefined_object;
  if (/^variable ".*" does not exist$/.test(message)) return SQLSTATE.undefined_object;
  return SQLSTATE.syntax_error;
}

/** Errors Postgres reports from the compiler (with a `compilation of ...` CONTEXT), not the grammar. */
function isCompileError(message: string): boolean {
  return /unrecognized exception condition|too (many|few) parameters specified for RAISE|^parameter name ".*" used more than once$/.test(message);
}

/** Finds `token` in the body (as a word when it is one); -1 if absent. */
function tokenOffset(body: string, token: string): number {
  if (/^\w+$/.test(token)) {
    const m = new RegExp(`(^|[^\\w$])(${token.replace(/[$]/g, '\\$')})(?![\\w$])`, 'i').exec(body);
    return m ? m.index + m[1].length : -1;
  }
  return body.indexOf(token);
}

/**
 * Parses a PL/pgSQL function from CREATE text. Errors become PgErrors; `where` / `position`
 * are filled in as Postgres would report them at CREATE time.
 */
export function parseFunctionText(sql: string, name: string, body: string | undefined, bodyPos?: (off: number) => string | undefined): PlNode {
  let out: { plpgsql_funcs?: PlNode[] };
  try {
    out = parsePlpgsql(sql) as { plpgsql_funcs?: PlNode[] };
  } catch (e) {
    const message = e instanceof PgError ? e.message : String((e as Error).message ?? e);
    const err = new PgError(codeFor(message), message);
    if (/RETURN cannot have a parameter in function returning set/.test(message)) err.hint = 'Use RETURN NEXT or RETURN QUERY.';
    if (isCompileError(message)) err.where = `compilation of PL/pgSQL function "${name}" near line ${lineOfToken(body, message)}`;
    else if (body !== undefined && bodyPos) {
      const off = errorOffset(body, message);
      if (off >= 0) err.position = bodyPos(off);
    }
    throw err;
  }
  const fn = out.plpgsql_funcs?.[0]?.PLpgSQL_function;
  if (!fn) throw new PgError(SQLSTATE.syntax_error, 'syntax error');
  if (body !== undefined) {
    restoreRecordDefaults(fn, body);
    fn.compOptions = compileOptions(body);
  }
  return fn;
}

/** `#print_strict_params on|off` / `#variable_conflict ...` at the top of a body (the tree omits them). */
export interface CompileOptions {
  printStrictParams?: boolean;
  variableConflict?: 'error' | 'use_variable' | 'use_column';
}

/** Reads the compile options before the body's first DECLARE / BEGIN (pl_gram.y comp_options). */
function compileOptions(body: string): CompileOptions {
  const o: CompileOptions = {};
  const re = /\s+|--[^\n]*|\/\*[\s\S]*?\*\/|#\s*(\w+)\s+(\w+)/y;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (!m[1]) continue;
    const opt = m[1].toLowerCase();
    const val = m[2].toLowerCase();
    if (opt === 'print_strict_params') o.printStrictParams = val === 'on';
    else if (opt === 'variable_conflict' && (val === 'error' || val === 'use_variable' || val === 'use_column')) o.variableConflict = val;
  }
  return o;
}

/**
 * The body offset of a token on line `line` (1-based) or after it: the start of `find`'s last
 * matching group, or the last character of its match; -1 if not found.
 */
export function offsetFromLine(body: string, line: number, find: RegExp): number {
  let before = 0;
  for (let l = 1; l < line; l++) {
    const nl = body.indexOf('\n', before);
    if (nl < 0) break;
    before = nl + 1;
  }
  const re = find.flags.includes('d') ? find : new RegExp(find.source, find.flags + 'd');
  const m = re.exec(body.slice(before));
  if (!m) return -1;
  for (let g = m.length - 1; g >= 1; g--) {
    const at = m.indices?.[g];
    if (at) return before + at[0];
  }
  return before + m.index + m[0].length - 1;
}

export function escapeRe(s: string): string {
  return s.replace(/[$.*+?()[\]{}|^\\]/g, '\\$&');
}

/** Best guess of the body offset Postgres's grammar reports for an error (-1: none). */
function errorOffset(body: string, message: string): number {
  const near = /at or near "(.*)"$/.exec(message);
  if (near) return tokenOffset(body, near[1]);
  if (/at end of input$/.test(message)) return body.length;
  if (/^RETURN (NEXT )?cannot have a parameter/.test(message)) {
    const m = /\bRETURN\s+(?!NEXT\b|QUERY\b)([^;\s])/i.exec(body);
    return m ? m.index + m[0].length - 1 : -1;
  }
  const kw = /^(EXIT|CONTINUE) cannot be used outside a loop/.exec(message);
  if (kw) return tokenOffset(body, kw[1]);
  const aliased = /^variable "([^"]+)" does not exist$/.exec(message);
  if (aliased) {
    // `name ALIAS FOR $3` naming no datum: the target token.
    const m = new RegExp(`\\balias\\s+for\\s+(${aliased[1].replace(/[$]/g, '\\$')})(?![\\w$])`, 'i').exec(body);
    return m ? m.index + m[0].length - m[1].length : -1;
  }
  const constant = /^variable "([^"]+)" is declared CONSTANT$/.exec(message);
  if (constant) {
    // The assignment to it (`x :=`, `x[1] :=`, `x.f :=`, a FOR / INTO target), not its declaration.
    const name = escapeRe(constant[1]);
    const m = new RegExp(`(^|[^\\w$.])(${name})(?=\\s*(\\[[^\\]]*\\]\\s*|\\.\\s*\\w+\\s*)*:?=|\\s*(\\.\\s*\\w+\\s*)?,|\\s*(\\.\\s*\\w+\\s*)?\\s+in\\b)`, 'i').exec(body);
    return m ? m.index + m[1].length : -1;
  }
  const notNull = /^variable "([^"]+)" must have a default value, since it's declared NOT NULL$/.exec(message);
  if (notNull) {
    // The NOT NULL of its declaration.
    const m = new RegExp(`(^|[^\\w$])${escapeRe(notNull[1])}\\s[^;]*?\\b(not\\s+null)\\b`, 'i').exec(body);
    return m ? m.index + m[0].length - m[2].length : -1;
  }
  const quoted = /^"([^"]+)" is not a (known|scalar) variable/.exec(message);
  if (quoted) return tokenOffset(body, quoted[1]);
  return -1;
}

/** The line of the body a compile error's subject (a quoted name) appears on (1 if unknown). */
function lineOfToken(body: string | undefined, message: string): number {
  if (body === undefined) return 1;
  if (/used more than once/.test(message)) return 1;
  if (/parameters specified for RAISE/.test(message)) {
    const r = /\braise\b/i.exec(body);
    return r ? body.slice(0, r.index).split('\n').length : 1;
  }
  const m = /"([^"]+)"/.exec(message);
  const off = m ? tokenOffset(body, m[1]) : -1;
  if (off < 0) return 1;
  return body.slice(0, off).split('\n').length;
}
