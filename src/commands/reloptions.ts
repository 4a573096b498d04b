/**
 * Storage parameters (pg_class.reloptions): WITH (...) of CREATE TABLE / INDEX / VIEW /
 * MATERIALIZED VIEW / TABLE AS and of PRIMARY KEY / UNIQUE constraints, ALTER ... SET / RESET.
 * Options are stored as Postgres stores them (`name=value`, the value as written, `true` when
 * omitted) and validated per relation kind with Postgres's 22023 errors. They change nothing
 * in memory (fillfactor, autovacuum, ...) except a view's check_option, which is the view's
 * WITH CHECK OPTION; security_barrier / security_invoker only show (no roles yet).
 * Postgres counterpart: src/backend/access/common/reloptions.c (transformRelOptions,
 * parseRelOptions, heap_reloptions, view_reloptions), ruleutils.c (flatten_reloptions).
 * Known gaps: toast.* options are 0A000 (fauxgres has no TOAST tables to hold them).
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { quoteIdent } from '../functions/builtins/quote.js';

type AnyNode = Record<string, any>;

/** Which options apply: a table (or materialized view), an index by access method, a view. */
export type RelOptionKind = 'heap' | 'view' | 'btree' | 'hash' | 'gist' | 'spgist' | 'gin' | 'brin' | 'attribute';

interface OptionSpec {
  readonly kinds: readonly RelOptionKind[];
  readonly type: 'bool' | 'int' | 'real' | 'enum';
  readonly min?: number;
  readonly max?: number;
  readonly values?: readonly string[];
  readonly detail?: string;
}

const INT_MAX = 2147483647;
const AUTOVACUUM = ['heap'] as const;
const ONOFFAUTO = 'Valid values are "on", "off", and "auto".';

/** reloptions.c's boolRelOpts / intRelOpts / realRelOpts / enumRelOpts (PG 18), by name and kind. */
const OPTIONS: readonly (readonly [string, OptionSpec])[] = [
  ['autosummarize', { kinds: ['brin'], type: 'bool' }],
  ['autovacuum_enabled', { kinds: AUTOVACUUM, type: 'bool' }],
  ['user_catalog_table', { kinds: ['heap'], type: 'bool' }],
  ['fastupdate', { kinds: ['gin'], type: 'bool' }],
  ['security_barrier', { kinds: ['view'], type: 'bool' }],
  ['security_invoker', { kinds: ['view'], type: 'bool' }],
  ['vacuum_truncate', { kinds: AUTOVACUUM, type: 'bool' }],
  ['deduplicate_items', { kinds: ['btree'], type: 'bool' }],
  ['fillfactor', { kinds: ['heap', 'btree', 'hash', 'gist', 'spgist'], type: 'int', min: 10, max: 100 }],
  ['autovacuum_vacuum_threshold', { kinds: AUTOVACUUM, type: 'int', min: 0, max: INT_MAX }],
  ['autovacuum_vacuum_max_threshold', { kinds: AUTOVACUUM, type: 'int', min: -1, max: INT_MAX }],
  ['autovacuum_vacuum_insert_threshold', { kinds: AUTOVACUUM, type: 'int', min: -1, max: INT_MAX }],
  ['autovacuum_analyze_threshold', { kinds: ['heap'], type: 'int', min: 0, max: INT_MAX }],
  ['autovacuum_vacuum_cost_limit', { kinds: AUTOVACUUM, type: 'int', min: 1, max: 10000 }],
  ['autovacuum_freeze_min_age', { kinds: AUTOVACUUM, type: 'int', min: 0, max: 1000000000 }],
  ['autovacuum_multixact_freeze_min_age', { kinds: AUTOVACUUM, type: 'int', min: 0, max: 1000000000 }],
  ['autovacuum_freeze_max_age', { kinds: AUTOVACUUM, type: 'int', min: 100000, max: 2000000000 }],
  ['autovacuum_multixact_freeze_max_age', { kinds: AUTOVACUUM, type: 'int', min: 10000, max: 2000000000 }],
  ['autovacuum_freeze_table_age', { kinds: AUTOVACUUM, type: 'int', min: 0, max: 2000000000 }],
  ['autovacuum_multixact_freeze_table_age', { kinds: AUTOVACUUM, type: 'int', min: 0, max: 2000000000 }],
  ['log_autovacuum_min_duration', { kinds: AUTOVACUUM, type: 'int', min: -1, max: INT_MAX }],
  ['toast_tuple_target', { kinds: ['heap'], type: 'int', min: 128, max: 8160 }],
  ['pages_per_range', { kinds: ['brin'], type: 'int', min: 1, max: 131072 }],
  ['gin_pending_list_limit', { kinds: ['gin'], type: 'int', min: 64, max: INT_MAX }],
  ['parallel_workers', { kinds: ['heap'], type: 'int', min: 0, max: 1024 }],
  ['autovacuum_vacuum_cost_delay', { kinds: AUTOVACUUM, type: 'real', min: 0, max: 100 }],
  ['autovacuum_vacuum_scale_factor', { kinds: AUTOVACUUM, type: 'real', min: 0, max: 100 }],
  ['autovacuum_vacuum_insert_scale_factor', { kinds: AUTOVACUUM, type: 'real', min: 0, max: 100 }],
  ['autovacuum_analyze_scale_factor', { kinds: ['heap'], type: 'real', min: 0, max: 100 }],
  ['n_distinct', { kinds: ['attribute'], type: 'real', min: -1, max: Number.MAX_VALUE }],
  ['n_distinct_inherited', { kinds: ['attribute'], type: 'real', min: -1, max: Number.MAX_VALUE }],
  ['vacuum_max_eager_freeze_failure_rate', { kinds: AUTOVACUUM, type: 'real', min: 0, max: 1 }],
  ['vacuum_cleanup_index_scale_factor', { kinds: ['btree'], type: 'real', min: 0, max: 1e10 }],
  ['vacuum_index_cleanup', { kinds: AUTOVACUUM, type: 'enum', values: ['auto', 'on', 'off', 'true', 'false', 'yes', 'no', '1', '0'], detail: ONOFFAUTO }],
  ['buffering', { kinds: ['gist'], type: 'enum', values: ['auto', 'on', 'off'], detail: ONOFFAUTO }],
  ['check_option', { kinds: ['view'], type: 'enum', values: ['local', 'cascaded'], detail: 'Valid values are "local" and "cascaded".' }],
];

function specFor(name: string, kind: RelOptionKind): OptionSpec | undefined {
  for (const [n, s] of OPTIONS) if (n === name && s.kinds.includes(kind)) return s;
  return undefined;
}

/** The option kind of an index's access method. */
export function indexOptionKind(method: string): RelOptionKind {
  return (['btree', 'hash', 'gist', 'spgist', 'gin', 'brin'] as const).find((m) => m === method) ?? 'btree';
}

/** defGetString: the text of a DefElem's argument as Postgres stores it. */
function defString(def: AnyNode): string {
  const a = def.arg as AnyNode | undefined;
  if (!a) return 'true';
  if (a.Integer) return String(a.Integer.ival ?? 0);
  if (a.Float) return String(a.Float.fval);
  if (a.Boolean) return a.Boolean.boolval ? 'true' : 'false';
  if (a.String) return String(a.String.sval);
  if (a.TypeName) return ((a.TypeName.names ?? []) as AnyNode[]).map((x) => x.String.sval).join('.');
  if (a.List) return ((a.List.items ?? []) as AnyNode[]).map((x) => x.String?.sval ?? '').join('.');
  throw featureNotSupported('this storage parameter value');
}

/** parse_bool: true/false/yes/no/on/off/1/0 and their unique prefixes, any case. */
function parseBool(v: string): boolean | undefined {
  const s = v.toLowerCase();
  if (!s) return undefined;
  if ('true'.startsWith(s)) return true;
  if ('false'.startsWith(s)) return false;
  if ('yes'.startsWith(s)) return true;
  if (s.length >= 1 && 'no'.startsWith(s)) return false;
  if (s === 'on') return true;
  if (s.length >= 2 && 'off'.startsWith(s)) return false;
  if (s === '1') return true;
  if (s === '0') return false;
  return undefined;
}

/** parse_int (no units): decimal, 0x / 0o / 0b, or a number rounded to an integer; blanks around. */
function parseIntOption(v: string): number | undefined {
  const s = v.trim();
  let n: number;
  if (/^[+-]?\d+$/.test(s)) n = Number(s);
  else if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(s)) n = (s.startsWith('-') ? -1 : 1) * parseInt(s.replace(/^[+-]?0[xX]/, ''), 16);
  else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
    const f = Number(s);
    n = Math.round(f) - (Math.abs(f % 1) === 0.5 && Math.round(f) % 2 !== 0 ? 1 : 0);
  } else return undefined;
  return Number.isFinite(n) && Math.abs(n) <= INT_MAX + 1 ? n : undefined;
}

/** parse_real: strtod with blanks around. */
function parseRealOption(v: string): number | undefined {
  const s = v.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) && !/^[+-]?(inf|infinity|nan)$/i.test(s)) return undefined;
  const n = /nan/i.test(s) ? NaN : /inf/i.test(s) ? (s.startsWith('-') ? -Infinity : Infinity) : Number(s);
  return n;
}

/** C's %f: every digit of a large double (DBL_MAX prints in full). */
function fixed6(x: number): string {
  return Math.abs(x) >= 1e21 ? `${BigInt(x)}.000000` : x.toFixed(6);
}

function invalid(msg: string, detail?: string): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, msg, detail ? { detail } : {});
}

/** parseRelOptions(validate = true): every `name=value` known for `kind`, once, with a valid value. */
export function validateRelOptions(options: readonly string[], kind: RelOptionKind): void {
  const seen = new Set<string>();
  for (const o of options) {
    const eq = o.indexOf('=');
    const name = o.slice(0, eq);
    const value = o.slice(eq + 1);
    const spec = specFor(name, kind);
    if (!spec) throw invalid(`unrecognized parameter "${name}"`);
    if (seen.has(name)) throw invalid(`parameter "${name}" specified more than once`);
    seen.add(name);
    switch (spec.type) {
      case 'bool':
        if (parseBool(value) === undefined) throw invalid(`invalid value for boolean option "${name}": ${value}`);
        break;
      case 'int': {
        const n = parseIntOption(value);
        if (n === undefined) throw invalid(`invalid value for integer option "${name}": ${value}`);
        if (n < spec.min! || n > spec.max!) throw invalid(`value ${value} out of bounds for option "${name}"`, `Valid values are between "${spec.min}" and "${spec.max}".`);
        break;
      }
      case 'real': {
        const n = parseRealOption(value);
        if (n === undefined) throw invalid(`invalid value for floating point option "${name}": ${value}`);
        if (!(n >= spec.min! && n <= spec.max!)) {
          throw invalid(`value ${value} out of bounds for option "${name}"`, `Valid values are between "${fixed6(spec.min!)}" and "${fixed6(spec.max!)}".`);
        }
        break;
      }
      case 'enum':
        if (!spec.values!.some((x) => x === value.toLowerCase())) throw invalid(`invalid value for enum option "${name}": ${value}`, spec.detail);
        break;
    }
  }
}

/**
 * transformRelOptions: the new reloptions from the old ones and a WITH / SET / RESET list. SET
 * keeps the old options it does not name and appends the new ones in order; RESET removes.
 * `oids` is dropped from CREATE TABLE's list (WITH OIDS = true is refused, as interpretOidsOption).
 */
export function transformRelOptions(old: readonly string[] | undefined, defs: readonly AnyNode[], opts: { reset?: boolean; table?: boolean } = {}): string[] {
  const list = defs.map((d) => d.DefElem as AnyNode);
  for (const d of list) {
    if (d.defnamespace && !(opts.table && d.defnamespace === 'toast')) throw invalid(`unrecognized parameter namespace "${d.defnamespace}"`);
  }
  if (opts.table) {
    const oids = list.find((d) => !d.defnamespace && d.defname === 'oids');
    if (oids && parseBool(defString(oids))) throw new PgError(SQLSTATE.feature_not_supported, 'tables declared WITH OIDS are not supported');
  }
  const named = new Set(list.filter((d) => !d.defnamespace).map((d) => d.defname as string));
  const out = (old ?? []).filter((o) => !named.has(o.slice(0, o.indexOf('='))));
  for (const d of list) {
    if (opts.reset) {
      if (d.arg) throw new PgError(SQLSTATE.syntax_error, 'RESET must not include values for parameters');
      continue;
    }
    if (d.defnamespace) throw featureNotSupported('toast.* storage parameters');
    if (opts.table && d.defname === 'oids') continue;
    out.push(`${d.defname}=${defString(d)}`);
  }
  return out;
}

/** New reloptions of a CREATE: transformed and validated; undefined when there are none. */
export function relOptionsOf(defs: readonly AnyNode[] | undefined, kind: RelOptionKind): string[] | undefined {
  if (!defs?.length) return undefined;
  const out = transformRelOptions(undefined, defs, { table: kind === 'heap' });
  validateRelOptions(out, kind);
  return out.length ? out : undefined;
}

/** A view's check_option reloption ('local' / 'cascaded'), if set. */
export function viewCheckOption(options: readonly string[] | undefined): 'local' | 'cascaded' | undefined {
  const o = options?.find((x) => x.startsWith('check_option='));
  const v = o?.slice('check_option='.length).toLowerCase();
  return v === 'local' || v === 'cascaded' ? v : undefined;
}

/** A boolean view option (security_barrier, security_invoker) as the view stores it. */
export function viewBoolOption(options: readonly string[] | undefined, name: string): boolean {
  const o = options?.find((x) => x.startsWith(name + '='));
  return o !== undefined && parseBool(o.slice(name.length + 1)) === true;
}

/** flatten_reloptions: `name=value, ...` with values quoted unless they are plain identifiers. */
export function flattenRelOptions(options: readonly string[]): string {
  return options
    .map((o) => {
      const eq = o.indexOf('=');
      const name = o.slice(0, eq);
      const value = o.slice(eq + 1);
      return `${quoteIdent(name)}=${quoteIdent(value) === value ? value : `'${value.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`}`;
    })
    .join(', ');
}
