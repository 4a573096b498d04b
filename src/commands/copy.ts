/**
 * COPY: `COPY table [(cols)] FROM STDIN | 'file'` and `COPY table [(cols)] | (query) TO STDOUT |
 * 'file'` in text and CSV formats with Postgres's options (HEADER, DELIMITER, NULL, QUOTE, ESCAPE,
 * FORCE_QUOTE, FORCE_NOT_NULL, FORCE_NULL, DEFAULT, ENCODING 'UTF8', FREEZE), its escapes and its
 * errors with their `COPY t, line n[, column c]: "..."` context. Rows go through the normal INSERT
 * path (defaults, constraints, generated columns, triggers); the COPY is one statement: all or none.
 * STDIN data comes from the wire protocol's COPY sub-protocol (Session.copyInData); STDOUT data goes
 * back to it as lines (StatementResult.copyOut).
 * Postgres counterpart: src/backend/commands/copy.c, copyfrom.c, copyfromparse.c, copyto.c.
 * Known gaps: FORMAT binary, WHERE, ON_ERROR, PROGRAM, FK checks run per row rather than at the
 * end of the statement (a row may not reference a later row of the same COPY).
 */
import { rlsApplies } from '../rewrite/row-security.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { parseScript, type RawStatement } from '../parser/parse.js';
import type { Session } from '../session/session.js';
import { executeStatement, type StatementResult } from '../session/dispatch.js';
import { EngineValue } from '../session/params.js';
import { outputFunction } from '../session/output.js';
import { lookupRelation } from '../analyze/relation.js';
import { domainBase } from '../analyze/coerce.js';
import { typeInfo, quoteIdentIfNeeded } from '../types/registry.js';
import type { RelationDef, ColumnDef } from '../catalog/objects.js';
import type { Value } from '../types/values.js';
import { runInsert } from './dml.js';
import { hoistSetOpInto } from './create-table-as.js';

type AnyNode = Record<string, any>;

export interface CopyOptions {
  csv: boolean;
  header: boolean | 'match';
  delimiter: string;
  nullString: string;
  quote: string;
  escape: string;
  forceQuote: string[] | '*';
  forceNotNull: string[] | '*';
  forceNull: string[] | '*';
  defaultString?: string;
}

/** What COPY ... TO STDOUT hands the protocol: CopyOutResponse's column count and the data lines. */
export interface CopyOut {
  readonly columns: number;
  readonly lines: string[];
}

function optionValue(d: AnyNode): unknown {
  const arg = d.arg;
  if (arg === undefined) return undefined;
  if (arg.String) return arg.String.sval;
  if (arg.Integer) return arg.Integer.ival ?? 0;
  if (arg.Boolean) return arg.Boolean.boolval ?? false;
  if (arg.A_Star) return '*';
  if (arg.List) return (arg.List.items as AnyNode[]).map((x) => x.String.sval as string);
  if (arg.TypeName) return (arg.TypeName.names as AnyNode[]).map((x) => x.String.sval).pop();
  return undefined;
}

function boolOption(name: string, v: unknown): boolean {
  if (v === undefined || v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  const s = String(v).toLowerCase();
  if (['true', 'on', 'yes', '1'].includes(s)) return true;
  if (['false', 'off', 'no', '0'].includes(s)) return false;
  throw new PgError(SQLSTATE.invalid_parameter_value, `${name} requires a Boolean value`);
}

/** Reads COPY's option list (both the WITH (...) form and the old `CSV HEADER` keywords parse to it). */
export function copyOptions(list: readonly AnyNode[] | undefined, isFrom: boolean): CopyOptions {
  const seen = new Set<string>();
  const raw = new Map<string, unknown>();
  for (const item of list ?? []) {
    const d = item.DefElem;
    const name = d.defname as string;
    if (seen.has(name)) throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options').at(d.location);
    seen.add(name);
    raw.set(name, optionValue(d));
  }
  const format = raw.has('format') ? String(raw.get('format')).toLowerCase() : 'text';
  if (format === 'binary') throw featureNotSupported('COPY FORMAT binary');
  if (format !== 'text' && format !== 'csv') throw new PgError(SQLSTATE.invalid_parameter_value, `COPY format "${format}" not recognized`);
  const csv = format === 'csv';
  for (const k of raw.keys()) {
    if (!['format', 'header', 'delimiter', 'null', 'quote', 'escape', 'force_quote', 'force_not_null', 'force_null', 'encoding', 'freeze', 'default'].includes(k)) {
      if (['on_error', 'log_verbosity', 'reject_limit'].includes(k)) throw featureNotSupported(`COPY option ${k}`);
      throw new PgError(SQLSTATE.syntax_error, `option "${k}" not recognized`);
    }
  }
  const enc = raw.get('encoding');
  if (enc !== undefined && !/^utf-?8$/i.test(String(enc))) throw featureNotSupported(`COPY ENCODING ${String(enc)}`);
  let header: boolean | 'match' = false;
  if (raw.has('header')) {
    const h = raw.get('header');
    header = typeof h === 'string' && h.toLowerCase() === 'match' ? 'match' : boolOption('header', h);
    if (header === 'match' && !isFrom) throw new PgError(SQLSTATE.feature_not_supported, 'cannot use "match" with HEADER in COPY TO');
  }
  const delimiter = (raw.get('delimiter') as string | undefined) ?? (csv ? ',' : '\t');
  const nullString = (raw.get('null') as string | undefined) ?? (csv ? '' : '\\N');
  const quote = (raw.get('quote') as string | undefined) ?? '"';
  const escape = (raw.get('escape') as string | undefined) ?? quote;
  if ([...delimiter].length !== 1) throw new PgError(SQLSTATE.feature_not_supported, 'COPY delimiter must be a single one-byte character');
  if (/[\r\n]/.test(delimiter)) throw new PgError(SQLSTATE.invalid_parameter_value, 'COPY delimiter cannot be newline or carriage return');
  if (/[\r\n]/.test(nullString)) throw new PgError(SQLSTATE.invalid_parameter_value, 'COPY null representation cannot use newline or carriage return');
  if (!csv && (raw.has('quote') || raw.has('escape') || raw.has('force_quote') || raw.has('force_not_null') || raw.has('force_null'))) {
    const which = raw.has('quote') ? 'QUOTE' : raw.has('escape') ? 'ESCAPE' : raw.has('force_quote') ? 'FORCE_QUOTE' : raw.has('force_not_null') ? 'FORCE_NOT_NULL' : 'FORCE_NULL';
    throw new PgError(SQLSTATE.feature_not_supported, `COPY ${which} requires CSV mode`);
  }
  if (!csv && /^[\\.a-z0-9]$/i.test(delimiter)) throw new PgError(SQLSTATE.invalid_parameter_value, `COPY delimiter cannot be "${delimiter}"`);
  const cols = (v: unknown): string[] | '*' => (v === '*' ? '*' : ((v as string[] | undefined) ?? []));
  return {
    csv,
    header,
    delimiter,
    nullString,
    quote,
    escape,
    forceQuote: cols(raw.get('force_quote')),
    forceNotNull: cols(raw.get('force_not_null')),
    forceNull: cols(raw.get('force_null')),
    defaultString: raw.get('default') as string | undefined,
  };
}

function targetRelation(session: Session, rv: AnyNode): RelationDef {
  const rel = lookupRelation(session.catalog(), session.searchPath(), { schema: rv.schemaname, name: rv.relname });
  if (!rel) {
    const name = rv.schemaname ? `${rv.schemaname}.${rv.relname}` : rv.relname;
    throw new PgError(SQLSTATE.undefined_table, `relation "${name}" does not exist`);
  }
  return rel;
}

function targetColumns(rel: RelationDef, attlist: AnyNode[] | undefined, forInsert: boolean): ColumnDef[] {
  const live = rel.columns.filter((c) => !c.dropped);
  // Without a column list, generated columns are neither read nor written.
  if (!attlist?.length) return live.filter((c) => !c.generated);
  return attlist.map((a) => {
    const name = a.String.sval as string;
    const c = live.find((x) => x.name === name);
    if (!c) throw new PgError(SQLSTATE.undefined_column, `column "${name}" of relation "${rel.name}" does not exist`);
    if (forInsert && c.generated) {
      throw new PgError(SQLSTATE.invalid_column_reference, `column "${name}" is a generated column`, { detail: 'Generated columns cannot be used in COPY.' });
    }
    return c;
  });
}

function qualifiedName(session: Session, rel: RelationDef): string {
  return `${quoteIdentIfNeeded(session.catalog().namespaceName(rel.namespace))}.${quoteIdentIfNeeded(rel.name)}`;
}

// ---- text and CSV field splitting ---------------------------------------------------------------

/** Splits COPY data into lines (a CSV quoted field may contain newlines). */
function* dataLines(data: string, o: CopyOptions): Generator<string> {
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < data.length; i++) {
    const ch = data[i];
    if (o.csv) {
      if (inQuote) {
        if (ch === o.escape && o.escape !== o.quote && data[i + 1] === o.quote) {
          i++;
          continue;
        }
        if (ch === o.quote) {
          if (o.escape === o.quote && data[i + 1] === o.quote) {
            i++;
            continue;
          }
          inQuote = false;
        }
        continue;
      }
      if (ch === o.quote) {
        inQuote = true;
        continue;
      }
    } else if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      yield data.slice(start, i);
      if (ch === '\r' && data[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < data.length) yield data.slice(start);
}

const TEXT_ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/** One text-format line into fields: NULL where the raw field equals the NULL marker, else escapes decoded. */
function textFields(line: string, o: CopyOptions): (string | null)[] {
  const raws: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < line.length) {
      cur += ch + line[++i];
      continue;
    }
    if (ch === o.delimiter) {
      raws.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  raws.push(cur);
  return raws.map((raw) => (raw === o.nullString ? null : decodeTextEscapes(raw)));
}

function decodeTextEscapes(raw: string): string {
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch !== '\\' || i + 1 >= raw.length) {
      out += ch;
      continue;
    }
    const n = raw[++i];
    if (n in TEXT_ESCAPES) out += TEXT_ESCAPES[n];
    else if (n >= '0' && n <= '7') {
      let oct = n;
      while (oct.length < 3 && raw[i + 1] >= '0' && raw[i + 1] <= '7') oct += raw[++i];
      out += String.fromCharCode(parseInt(oct, 8) & 0xff);
    } else if (n === 'x' && /[0-9a-fA-F]/.test(raw[i + 1] ?? '')) {
      let hex = raw[++i];
      if (/[0-9a-fA-F]/.test(raw[i + 1] ?? '')) hex += raw[++i];
      out += String.fromCharCode(parseInt(hex, 16));
    } else out += n;
  }
  return out;
}

/** One CSV line into fields; an unquoted field equal to the NULL string is NULL. */
function csvFields(line: string, o: CopyOptions): { values: (string | null)[]; quoted: boolean[] } {
  const values: (string | null)[] = [];
  const quoted: boolean[] = [];
  let i = 0;
  for (;;) {
    let cur = '';
    let wasQuoted = false;
    let rawUnquoted = '';
    while (i < line.length && line[i] !== o.delimiter) {
      const ch = line[i];
      if (ch === o.quote) {
        wasQuoted = true;
        i++;
        for (;;) {
          if (i >= line.length) throw new PgError(SQLSTATE.bad_copy_file_format, 'unterminated CSV quoted field');
          const c = line[i];
          if (c === o.escape && line[i + 1] === o.quote) {
            cur += o.quote;
            i += 2;
            continue;
          }
          if (c === o.quote) {
            i++;
            break;
          }
          cur += c;
          i++;
        }
        continue;
      }
      cur += ch;
      rawUnquoted += ch;
      i++;
    }
    values.push(!wasQuoted && rawUnquoted === o.nullString ? null : cur);
    quoted.push(wasQuoted);
    if (i >= line.length) break;
    i++;
  }
  return { values, quoted };
}

// ---- COPY FROM -----------------------------------------------------------------------------------

function lineContext(rel: RelationDef, lineNo: number, col?: string, value?: string | null): string {
  let w = `COPY ${rel.name}, line ${lineNo}`;
  if (col !== undefined) w += `, column ${col}`;
  if (value !== undefined && value !== null) w += `: "${value}"`;
  return w;
}

function withContext(e: unknown, where: string): never {
  if (e instanceof PgError) {
    if (!e.where) e.where = where;
    throw e;
  }
  throw e;
}

function copyFromTarget(session: Session, n: AnyNode): { rel: RelationDef; o: CopyOptions; cols: ColumnDef[] } {
  if (n.whereClause) throw featureNotSupported('COPY FROM ... WHERE');
  const rel = targetRelation(session, n.relation);
  if (rel.kind === 'v') throw new PgError(SQLSTATE.wrong_object_type, `cannot copy to view "${rel.name}"`, { hint: 'To enable copying to a view, provide an INSTEAD OF INSERT trigger.' });
  if (rel.kind === 'S') throw new PgError(SQLSTATE.wrong_object_type, `cannot copy to sequence "${rel.name}"`);
  if (rel.kind !== 'r' && rel.kind !== 'p') throw new PgError(SQLSTATE.wrong_object_type, `cannot copy to non-table relation "${rel.name}"`);
  const o = copyOptions(n.options, true);
  const cols = targetColumns(rel, n.attlist, true);
  return { rel, o, cols };
}

/** Checks a COPY FROM STDIN before its data is asked for; returns how many columns the data has. */
export function copyInColumns(session: Session, n: AnyNode): number {
  return copyFromTarget(session, n).cols.length;
}

/** Runs COPY ... FROM with the given data (the STDIN stream or a file's contents). */
export function copyFrom(session: Session, n: AnyNode, data: string): StatementResult {
  const { rel, o, cols } = copyFromTarget(session, n);
  const cat = session.catalog();
  const names = (sel: string[] | '*') => new Set(sel === '*' ? cols.map((c) => c.name) : sel);
  const forceNotNull = names(o.forceNotNull);
  const forceNull = names(o.forceNull);
  const inputs = cols.map((c) => {
    const io = typeInfo(cat, domainBase(cat, c.type)).io;
    return (text: string): Value => io.input(text, c.typmod, session.io);
  });
  const sql = `insert into ${qualifiedName(session, rel)} (${cols.map((c) => quoteIdentIfNeeded(c.name)).join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`;
  const insert = (parseScript(sql)[0] as RawStatement).stmt as { InsertStmt: AnyNode };
  let count = 0;
  let lineNo = 0;
  let headerPending = o.header !== false;
  for (const line of dataLines(data, o)) {
    lineNo++;
    if (!o.csv && line === '\\.') break;
    if (o.csv && line === '\\.') break;
    let fields: (string | null)[];
    let quoted: boolean[] = [];
    try {
      if (o.csv) ({ values: fields, quoted } = csvFields(line, o));
      else fields = textFields(line, o);
    } catch (e) {
      withContext(e, lineContext(rel, lineNo, undefined, line));
    }
    if (headerPending) {
      headerPending = false;
      if (o.header === 'match') {
        fields.forEach((f, i) => {
          if (cols[i] && f !== cols[i].name) {
            throw new PgError(SQLSTATE.bad_copy_file_format, `column name mismatch in header line field ${i + 1}: got "${f}", expected "${cols[i].name}"`, { where: lineContext(rel, lineNo, undefined, line) });
          }
        });
      }
      continue;
    }
    if (line === '' && cols.length === 1 && !o.csv) fields = [''];
    if (fields.length > cols.length) throw new PgError(SQLSTATE.bad_copy_file_format, 'extra data after last expected column', { where: lineContext(rel, lineNo, undefined, line) });
    if (fields.length < cols.length) throw new PgError(SQLSTATE.bad_copy_file_format, `missing data for column "${cols[fields.length].name}"`, { where: lineContext(rel, lineNo, undefined, line) });
    const params: unknown[] = new Array(cols.length);
    for (let i = 0; i < cols.length; i++) {
      let f = fields[i];
      const col = cols[i];
      if (o.csv) {
        if (f === null && forceNotNull.has(col.name)) f = '';
        else if (f !== null && forceNull.has(col.name) && f === o.nullString) f = null;
      }
      if (o.defaultString !== undefined && f === o.defaultString && !quoted[i]) {
        throw featureNotSupported('COPY DEFAULT markers in the data');
      }
      if (f === null) {
        params[i] = null;
        continue;
      }
      try {
        params[i] = new EngineValue(inputs[i](f));
      } catch (e) {
        withContext(e, lineContext(rel, lineNo, col.name, f));
      }
    }
    try {
      runInsert(session, insert.InsertStmt, sql, params, []);
    } catch (e) {
      withContext(e, lineContext(rel, lineNo));
    }
    count++;
  }
  return { command: 'COPY', rowCount: count, fields: [], rows: [] };
}

// ---- COPY TO -------------------------------------------------------------------------------------

function textEscape(v: string, o: CopyOptions): string {
  let out = '';
  for (const ch of v) {
    if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (ch === o.delimiter) out += '\\' + ch;
    else out += ch;
  }
  return out;
}

function csvQuote(v: string, o: CopyOptions, force: boolean, singleColumn = false): string {
  const needs = force || v === o.nullString || v.includes(o.delimiter) || v.includes(o.quote) || v.includes('\n') || v.includes('\r') || (singleColumn && v === '\\.');
  if (!needs) return v;
  let out = o.quote;
  for (const ch of v) {
    if (ch === o.quote || ch === o.escape) out += o.escape;
    out += ch;
  }
  return out + o.quote;
}

/** Runs COPY ... TO: the lines Postgres would send or write, one per row (plus a header). */
export function copyTo(session: Session, n: AnyNode, sql: string): { result: StatementResult; out: CopyOut } {
  const o = copyOptions(n.options, false);
  let res: StatementResult;
  if (n.query) {
    const q = n.query as AnyNode;
    const kind = Object.keys(q)[0];
    if (kind === 'SelectStmt' && hoistSetOpInto(q.SelectStmt, sql).intoClause) throw new PgError(SQLSTATE.feature_not_supported, 'COPY (SELECT INTO) is not supported');
    // INSERT / UPDATE / DELETE / MERGE copy the rows their RETURNING list makes.
    if (kind !== 'SelectStmt' && !(q[kind] as AnyNode).returningClause?.exprs?.length) {
      if (kind === 'InsertStmt' || kind === 'UpdateStmt' || kind === 'DeleteStmt' || kind === 'MergeStmt') throw new PgError(SQLSTATE.feature_not_supported, 'COPY query must have a RETURNING clause');
      throw featureNotSupported(`COPY (${kind}) TO`);
    }
    res = executeStatement(session, { stmt: q as RawStatement['stmt'], location: 0, text: sql }, sql, [], []);
  } else {
    const rel = targetRelation(session, n.relation);
    if (rel.kind === 'v') throw new PgError(SQLSTATE.wrong_object_type, `cannot copy from view "${rel.name}"`, { hint: 'Try the COPY (SELECT ...) TO variant.' });
    if (rel.kind === 'S') throw new PgError(SQLSTATE.wrong_object_type, `cannot copy from sequence "${rel.name}"`);
    // (under row-level security Postgres reads it through SELECT ... FROM ONLY: no rows)
    if (rel.kind === 'p' && !rlsApplies(session, session.catalog(), rel, session.currentUser())) throw new PgError(SQLSTATE.wrong_object_type, `cannot copy from partitioned table "${rel.name}"`, { hint: 'Try the COPY (SELECT ...) TO variant.' });
    const cols = targetColumns(rel, n.attlist, false);
    const text = `select ${cols.map((c) => quoteIdentIfNeeded(c.name)).join(', ')} from only ${qualifiedName(session, rel)}`;
    const st = parseScript(text)[0] as RawStatement;
    res = executeStatement(session, st, text, [], []);
  }
  const cat = session.catalog();
  const outs = res.fields.map((f) => outputFunction(session, cat, f.dataTypeID));
  const forced = o.forceQuote === '*' ? new Set(res.fields.map((f) => f.name)) : new Set(o.forceQuote);
  const lines: string[] = [];
  if (o.header) {
    lines.push(res.fields.map((f) => (o.csv ? csvQuote(f.name, o, false) : textEscape(f.name, o))).join(o.delimiter) + '\n');
  }
  for (const row of res.rows) {
    const parts = row.slice(0, res.fields.length).map((v, i) => {
      if (v === null || v === undefined) return o.nullString;
      const s = outs[i](v);
      return o.csv ? csvQuote(s, o, forced.has(res.fields[i].name), res.fields.length === 1) : textEscape(s, o);
    });
    lines.push(parts.join(o.delimiter) + '\n');
  }
  return { result: { command: 'COPY', rowCount: res.rows.length, fields: [], rows: [] }, out: { columns: res.fields.length, lines } };
}

/** Whether a statement is COPY ... FROM STDIN (the protocol must collect the data first). */
export function isCopyFromStdin(st: RawStatement): boolean {
  const c = (st.stmt as { CopyStmt?: AnyNode }).CopyStmt;
  return !!c && !!c.is_from && !c.filename;
}

/** Whether a statement is COPY ... TO STDOUT. */
export function isCopyToStdout(st: RawStatement): boolean {
  const c = (st.stmt as { CopyStmt?: AnyNode }).CopyStmt;
  return !!c && !c.is_from && !c.filename;
}

/**
 * The COPY statement as a utility command: FROM STDIN reads Session.copyInData (set by the wire
 * protocol); TO STDOUT leaves its lines in Session.copyOut; files are read and written directly
 * (fauxgres runs with the privileges of its process, like a superuser server).
 */
export function runCopy(session: Session, n: AnyNode, sql: string): StatementResult {
  if (n.is_program) throw featureNotSupported('COPY ... PROGRAM');
  if (n.is_from) {
    if (n.filename) {
      let data: string;
      try {
        data = readFileSync(n.filename as string, 'utf8');
      } catch (e) {
        throw new PgError(SQLSTATE.undefined_file, `could not open file "${n.filename}" for reading: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : (e as Error).message}`);
      }
      return copyFrom(session, n, data);
    }
    const data = session.copyInData;
    if (data === undefined) throw featureNotSupported('COPY FROM STDIN outside the wire protocol (use a client connection)');
    return copyFrom(session, n, data);
  }
  const { result, out } = copyTo(session, n, sql);
  if (n.filename) {
    try {
      writeFileSync(n.filename as string, out.lines.join(''));
    } catch (e) {
      throw new PgError(SQLSTATE.undefined_file, `could not open file "${n.filename}" for writing: ${(e as Error).message}`);
    }
    return result;
  }
  return { ...result, copyOut: out };
}
