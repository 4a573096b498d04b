/**
 * The one text format for a statement's outcome, shared by the recorder (real Postgres) and the
 * runner (fauxgres), so that comparing two outcomes is comparing two strings and a mismatch reads
 * as a line diff.
 *
 * Postgres counterpart: what psql prints for a statement (src/bin/psql/common.c), reduced to the
 * facts a client can observe: CommandComplete tag, RowDescription (names, type OIDs), DataRow
 * text values, ErrorResponse / NoticeResponse fields.
 *
 * A block looks like:
 *
 *     -- #12 (line 40)
 *     > SELECT id, name
 *     >   FROM users ORDER BY id
 *     NOTICE 00000: ...            (notices, in arrival order)
 *     SELECT 2                     (command tag)
 *     id:23 | name:25              (only for row-returning statements; OIDs >= 16384 print as `user`)
 *     ["1","alice"]                (one JSON array of text values per row; null is SQL NULL)
 *
 * or, for an error, `ERROR 23505: <message>` followed by `DETAIL:`, `HINT:`, `POSITION:`,
 * `SCHEMA:`, `TABLE:`, `COLUMN:`, `DATATYPE:`, `CONSTRAINT:` lines for the fields that are set.
 * Continuation lines of multi-line values are indented by two spaces, so only block headers start
 * with `-- #`. Rows of statements without a defined order are sorted (see result-order.ts).
 *
 * The WHERE field (Postgres's CONTEXT lines: `PL/pgSQL function f() line 3 at RAISE`) is shown,
 * as a `WHERE:` line after CONSTRAINT, only in files that opt in with a line `-- regress: where`
 * (see formatOptionsFor): older recordings predate it, and their statements (JSON input errors,
 * ...) would all change.
 *
 * Known gaps: the error fields INTERNAL QUERY/POSITION and typmods of result columns are not part
 * of the format.
 */
import { hasUnspecifiedOrder } from './result-order.js';

/** The fields of an ErrorResponse or NoticeResponse that the format shows. */
export interface ReportedFields {
  readonly severity?: string;
  readonly code?: string;
  readonly message: string;
  readonly detail?: string;
  readonly hint?: string;
  readonly position?: string;
  readonly schema?: string;
  readonly table?: string;
  readonly column?: string;
  readonly dataType?: string;
  readonly constraint?: string;
  /** Postgres's CONTEXT: one line per enclosing call, innermost first. */
  readonly where?: string;
}

/** Per-file choices of what the format shows (see formatOptionsFor). */
export interface FormatOptions {
  /** Show the WHERE (context) field of errors and notices. */
  readonly where?: boolean;
}

/**
 * The format options a .sql file asks for: a line `-- regress: where` turns on WHERE lines.
 *
 * @example
 * formatOptionsFor('-- regress: where\nSELECT 1;'); // { where: true }
 */
export function formatOptionsFor(sqlText: string): FormatOptions {
  return { where: /^-- regress: where\s*$/m.test(sqlText) };
}

/** A result column: its name and type OID, as in RowDescription. */
export interface OutcomeField {
  readonly name: string;
  readonly dataTypeID: number;
}

/** What happened when one statement ran. */
export type StatementOutcome =
  | {
      readonly kind: 'result';
      readonly notices: readonly ReportedFields[];
      /** Command tag name without counts, e.g. `INSERT`, `CREATE TABLE` (see formatCommandTag). */
      readonly command: string;
      readonly rowCount: number | null;
      readonly fields: readonly OutcomeField[];
      /** Text values (Postgres's output format); `null` is SQL NULL. */
      readonly rows: readonly (readonly unknown[])[];
    }
  | { readonly kind: 'error'; readonly notices: readonly ReportedFields[]; readonly error: ReportedFields }
  /** Something other than a database error was thrown (an engine bug, not a Postgres outcome). */
  | { readonly kind: 'crash'; readonly notices: readonly ReportedFields[]; readonly message: string };

/** Commands whose CommandComplete tag carries a row count (INSERT also carries an OID, always 0). */
const COUNTED = new Set(['SELECT', 'UPDATE', 'DELETE', 'MERGE', 'FETCH', 'MOVE', 'COPY']);

/**
 * Builds the CommandComplete tag as Postgres sends it.
 *
 * @example
 * formatCommandTag('INSERT', 1);          // 'INSERT 0 1'
 * formatCommandTag('SELECT', 3);          // 'SELECT 3'
 * formatCommandTag('CREATE TABLE', null); // 'CREATE TABLE'
 */
export function formatCommandTag(command: string, rowCount: number | null): string {
  if (command === 'INSERT') return `INSERT 0 ${rowCount ?? 0}`;
  if (COUNTED.has(command) && rowCount !== null) return `${command} ${rowCount}`;
  return command;
}

/**
 * Splits a CommandComplete tag into its name and row count (the inverse of formatCommandTag).
 *
 * @example
 * parseCommandTag('INSERT 0 5'); // { command: 'INSERT', rowCount: 5 }
 * parseCommandTag('ALTER TABLE'); // { command: 'ALTER TABLE', rowCount: null }
 */
export function parseCommandTag(tag: string): { command: string; rowCount: number | null } {
  const m = /^(.*?)(?: (\d+))?(?: (\d+))?$/.exec(tag);
  if (!m) return { command: tag, rowCount: null };
  const count = m[3] ?? m[2];
  return { command: m[1], rowCount: count === undefined ? null : Number(count) };
}

/** `LABEL: value`, continuation lines indented by two spaces. */
function labelled(label: string, value: string): string {
  return `${label}${value.replace(/\n/g, '\n  ')}`;
}

const FIELD_LINES: readonly [keyof ReportedFields, string][] = [
  ['detail', 'DETAIL: '],
  ['hint', 'HINT: '],
  ['position', 'POSITION: '],
  ['schema', 'SCHEMA: '],
  ['table', 'TABLE: '],
  ['column', 'COLUMN: '],
  ['dataType', 'DATATYPE: '],
  ['constraint', 'CONSTRAINT: '],
];

/** Formats an error or notice: `SEVERITY CODE: message`, then its set fields. */
export function formatReport(severity: string, r: ReportedFields, options: FormatOptions = {}): string[] {
  const lines = [labelled(`${severity} ${r.code ?? '?????'}: `, r.message)];
  for (const [key, label] of FIELD_LINES) {
    const v = r[key];
    if (v !== undefined && v !== null && v !== '') lines.push(labelled(label, String(v)));
  }
  if (options.where && r.where) lines.push(labelled('WHERE: ', r.where));
  return lines;
}

/** The block header line of statement `index` (1-based) starting at file line `line`. */
export function blockHeader(index: number, line: number): string {
  return `-- #${index} (line ${line})`;
}

/**
 * OIDs from FirstNormalObjectId (16384) on are assigned when an object is created (enums,
 * extension types such as citext, composite types of tables), cluster-wide, so they differ between
 * recordings and engines: they are shown as `user` instead of their number.
 */
export const FIRST_NORMAL_OBJECT_ID = 16384;

/** A result column's type OID as shown in the header line. */
export function formatTypeOid(oid: number): string {
  return oid >= FIRST_NORMAL_OBJECT_ID ? 'user' : String(oid);
}

/** Formats a row as a JSON array; non-string values stay visible as JSON non-strings. */
function formatRow(row: readonly unknown[]): string {
  return JSON.stringify(
    row.map((v) => (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v))),
  );
}

/**
 * Formats one statement's outcome as a block (no trailing newline).
 * Requires `loadOrderParser()` to have been awaited (to decide row sorting).
 */
export function formatOutcome(index: number, line: number, sql: string, outcome: StatementOutcome, options: FormatOptions = {}): string {
  const lines = [blockHeader(index, line)];
  for (const l of sql.split('\n')) lines.push(l.length > 0 ? `> ${l}` : '>');
  for (const n of outcome.notices) lines.push(...formatReport(n.severity ?? 'NOTICE', n, options));
  switch (outcome.kind) {
    case 'error':
      lines.push(...formatReport('ERROR', outcome.error, options));
      break;
    case 'crash':
      lines.push(labelled('CRASH (not a database error): ', outcome.message));
      break;
    case 'result': {
      lines.push(formatCommandTag(outcome.command, outcome.rowCount));
      if (outcome.fields.length > 0 || outcome.rows.length > 0) {
        const header = outcome.fields.map((f) => `${f.name.replace(/\n/g, '\\n')}:${formatTypeOid(f.dataTypeID)}`).join(' | ');
        lines.push(header.length > 0 ? header : '(no columns)');
        const rows = outcome.rows.map(formatRow);
        if (hasUnspecifiedOrder(sql)) rows.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        lines.push(...rows);
      }
      break;
    }
    default: {
      const never: never = outcome;
      throw new Error(`unknown outcome ${JSON.stringify(never)}`);
    }
  }
  return lines.join('\n');
}
