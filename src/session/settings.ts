/**
 * Session settings (GUCs): SET / SET LOCAL / RESET / SHOW / current_setting / set_config, with
 * transaction-scoped undo for SET LOCAL (and for SET inside a block that rolls back).
 * Postgres counterpart: src/backend/utils/misc/guc.c.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { IoContext } from '../types/type-io.js';
import { resolveTimeZoneSetting } from '../types/datetime/timezone.js';
import { allSettingFacts, canonicalSettingValue, checkSettingContext, defaultShown, settingFact } from './guc.js';
import { featureNotSupported } from '../errors/pg-error.js';
import { customLibrary } from './custom-settings.js';
import type { SettingFact } from './guc.js';

/**
 * Where fauxgres's session defaults differ from a standard installation's (settings-data.ts): the
 * regress databases' TimeZone and the C locales, UTF8 on the client side, and the settings
 * pg_settings does not list (role, session_authorization, is_superuser, default_with_oids).
 */
const DEFAULTS: Record<string, string> = {
  timezone: 'UTC',
  client_encoding: 'UTF8',
  lc_monetary: 'C',
  lc_numeric: 'C',
  lc_time: 'C',
  is_superuser: 'on',
  role: 'none',
  session_authorization: 'postgres',
  default_with_oids: 'off',
};

const ALIASES: Record<string, string> = { time_zone: 'timezone' };

/**
 * The defaults as a map every new session starts from (copied on its first change): every
 * Postgres setting at a standard installation's default, then fauxgres's own session defaults.
 */
const DEFAULT_VALUES: ReadonlyMap<string, string> = new Map([
  ...[...allSettingFacts()].map(([n, f]) => [n, defaultShown(f)] as const),
  ...Object.entries(DEFAULTS),
]);

/**
 * Settings whose other values change results in ways fauxgres does not emulate: setting one to
 * anything but these values is 0A000 rather than silently ignored.
 */
const EMULATED_ONLY: Record<string, (v: string) => boolean> = {
  standard_conforming_strings: (v) => v === 'on',
  array_nulls: (v) => v === 'on',
  transform_null_equals: (v) => v === 'off',
  quote_all_identifiers: (v) => v === 'off',
  exit_on_error: (v) => v === 'off',
  client_encoding: (v) => /^(utf-?8|unicode)$/i.test(v.trim()),
  lc_monetary: (v) => /^(c|posix|c\.utf-?8|)$/i.test(v.trim()),
  lc_numeric: (v) => /^(c|posix|c\.utf-?8|)$/i.test(v.trim()),
  lc_time: (v) => /^(c|posix|c\.utf-?8|)$/i.test(v.trim()),
  timezone_abbreviations: (v) => v === 'Default',
  default_table_access_method: (v) => v === 'heap',
  default_tablespace: (v) => v === '' || v === 'pg_default',
  temp_tablespaces: (v) => v === '' || v === 'pg_default',
};

export class Settings {
  private values = DEFAULT_VALUES as Map<string, string>;
  private ownValues = false;
  /** Values to restore at transaction end: for SET LOCAL (always) and SET (on rollback). */
  private localUndo = new Map<string, string>();
  private txnUndo = new Map<string, string>();
  io: IoContext = { timeZone: 'UTC', dateStyle: 'ISO, MDY', intervalStyle: 'postgres', extraFloatDigits: 1, byteaOutput: 'hex' };
  /** current_user: the role SET ROLE chose, else the session user. */
  currentUser = 'postgres';

  /** The value of a setting by its canonical (lower-case, unaliased) name, without normalizing it: for per-row checks. */
  valueOf(canonicalName: string): string | undefined {
    return this.values.get(canonicalName);
  }

  private norm(name: string): string {
    const n = name.toLowerCase();
    return ALIASES[n] ?? n;
  }

  get(name: string, missingOk: boolean): string | null {
    const n = this.norm(name);
    const v = this.values.get(n);
    if (v === undefined) {
      if (missingOk || n.includes('.')) return missingOk ? null : this.unrecognized(name, n);
      throw new PgError(SQLSTATE.undefined_object, `unrecognized configuration parameter "${name}"`);
    }
    return v;
  }

  private unrecognized(name: string, n: string): string {
    if (n.includes('.')) {
      throw new PgError(SQLSTATE.undefined_object, `unrecognized configuration parameter "${name}"`);
    }
    throw new PgError(SQLSTATE.undefined_object, `unrecognized configuration parameter "${name}"`);
  }

  /** SET name = value (isLocal: SET LOCAL). Returns the new value as SHOW would print it. */
  set(name: string, value: string, isLocal: boolean, when: 'set' | 'startup' = 'set'): string {
    const n = this.norm(name);
    if (!this.values.has(n) && !n.includes('.')) {
      throw new PgError(SQLSTATE.undefined_object, `unrecognized configuration parameter "${name}"`);
    }
    if (n.includes('.') && !this.values.has(n)) checkCustomName(n);
    if (this.reserved && n.includes('.')) this.checkReserved(n);
    const fact = settingFact(n);
    if (fact) checkSettingContext(fact, when);
    const v = this.validate(n, value);
    const emulated = EMULATED_ONLY[n];
    if (emulated && !emulated(v)) throw featureNotSupported(`${fact?.name ?? n} = '${v}' (only the default is emulated)`);
    const old = this.values.get(n) ?? '';
    if (isLocal) {
      if (!this.localUndo.has(n)) this.localUndo.set(n, old);
    } else {
      if (!this.txnUndo.has(n)) this.txnUndo.set(n, old);
      // A plain SET overrides the SET clauses of the functions running now: it outlives them.
      if (!this.applyingClause) {
        for (const f of this.frames) {
          const e = f.get(n);
          if (e) e.overridden = true;
        }
      }
    }
    this.apply(n, v);
    return v;
  }

  /** Routines running now (SET LOCAL at their top level warns only outside them). */
  routineDepth = 0;
  private applyingClause = false;
  /** The SET clauses of the functions running now, innermost last (Postgres's GUC nest levels). */
  private frames: Map<string, { value: string; hadLocal: boolean; overridden: boolean }>[] = [];

  /**
   * A function's SET clause (`name=value` entries) takes effect for its call; popFunctionSettings
   * restores the prior values, unless a plain SET inside the call overrode one (guc.c AtEOXact_GUC
   * at the function's nest level: GUC_SET survives, GUC_SAVE and GUC_LOCAL are undone).
   */
  pushFunctionSettings(config: readonly string[]): void {
    const frame = new Map<string, { value: string; hadLocal: boolean; overridden: boolean }>();
    this.frames.push(frame);
    this.applyingClause = true;
    try {
      for (const c of config) {
        const eq = c.indexOf('=');
        const n = this.norm(c.slice(0, eq));
        if (!frame.has(n)) frame.set(n, { value: this.values.get(n) ?? '', hadLocal: this.localUndo.has(n), overridden: false });
        this.set(n, c.slice(eq + 1), false);
      }
    } catch (e) {
      this.applyingClause = false;
      this.popFunctionSettings();
      throw e;
    }
    this.applyingClause = false;
  }

  popFunctionSettings(): void {
    const frame = this.frames.pop();
    if (!frame) return;
    for (const [n, e] of frame) {
      if (e.overridden) continue;
      this.apply(n, e.value);
      if (!e.hadLocal) this.localUndo.delete(n);
    }
  }

  /** RESET ALL: every setting back to its default (the session's startup values). */
  resetAll(): void {
    for (const n of [...this.values.keys()]) {
      if (n.includes('.') || n.startsWith('transaction_') || n === 'session_authorization') continue;
      const d = DEFAULT_VALUES.get(n);
      if (d !== undefined && this.values.get(n) !== d) this.set(n, d, false);
    }
  }

  /** The session's user (startup packet), as session_authorization shows it. */
  setSessionUser(user: string): void {
    this.apply('session_authorization', user);
  }

  reset(name: string, isLocal = false): void {
    const n = this.norm(name);
    const custom = this.loadedFacts?.get(n);
    this.set(n, DEFAULT_VALUES.get(n) ?? (custom && this.values.has(n) ? custom.defaultText! : ''), isLocal);
  }

  /** Libraries loaded in this session (their custom settings are defined, their prefixes reserved). */
  private loaded: Set<string> | undefined;
  private reserved: Set<string> | undefined;
  private loadedFacts: Map<string, SettingFact> | undefined;

  /**
   * A loadable module is loaded into the session (CREATE EXTENSION, or a call of one of its
   * functions): its custom settings get their defaults, or keep a valid placeholder value.
   */
  loadLibrary(library: string): void {
    if (this.loaded?.has(library)) return;
    (this.loaded ??= new Set()).add(library);
    const lib = customLibrary(library);
    if (!lib) return;
    (this.reserved ??= new Set()).add(lib.prefix);
    for (const f of lib.settings) {
      const n = f.name.toLowerCase();
      (this.loadedFacts ??= new Map()).set(n, f);
      const placeholder = this.values.get(n);
      let v = f.defaultText!;
      if (placeholder !== undefined) {
        try {
          v = this.validate(n, placeholder);
        } catch {
          v = f.defaultText!;
        }
      }
      this.apply(n, v);
    }
  }

  /** A name under a reserved prefix must be one the library defined (42602). */
  private checkReserved(n: string): void {
    const prefix = n.slice(0, n.indexOf('.'));
    if (this.reserved!.has(prefix) && !this.loadedFacts?.has(n)) {
      throw new PgError(SQLSTATE.invalid_name, `invalid configuration parameter name "${n}"`, { detail: `"${prefix}" is a reserved prefix.` });
    }
  }

  private validate(n: string, value: string): string {
    switch (n) {
      case 'extra_float_digits': {
        const x = Number(value);
        if (!Number.isInteger(x)) {
          throw new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "extra_float_digits": "${value}"`);
        }
        if (x < -15 || x > 3) {
          throw new PgError(SQLSTATE.invalid_parameter_value, `${x} is outside the valid range for parameter "extra_float_digits" (-15 .. 3)`);
        }
        return String(x);
      }
      case 'timezone': {
        try {
          return resolveTimeZoneSetting(value).name;
        } catch {
          throw new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "TimeZone": "${value}"`);
        }
      }
      case 'role':
      case 'session_authorization':
        // Checked against the catalog (existence, membership) by commands/role-cmds.ts before SET.
        return n === 'role' && value.toLowerCase() === 'none' ? 'none' : value;
      case 'datestyle':
        return canonicalDateStyle(value, this.values.get('datestyle') ?? 'ISO, MDY');
      case 'createrole_self_grant':
        // (user.c check_createrole_self_grant: a list of set / inherit)
        for (const w of value.split(',').map((x) => x.trim()).filter(Boolean)) {
          if (!/^(set|inherit)$/i.test(w)) {
            throw new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "createrole_self_grant": "${value}"`, { detail: `Unrecognized key word: "${w}".` });
          }
        }
        return value;
      case 'bytea_output':
        if (value !== 'hex' && value !== 'escape') {
          throw new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "bytea_output": "${value}"`, { hint: 'Available values: escape, hex.' });
        }
        return value;
      default: {
        const f = settingFact(n) ?? this.loadedFacts?.get(n);
        return f ? canonicalSettingValue(f, value) : value;
      }
    }
  }

  /** Increases on every change; `changedAt` tells when each setting last changed (for ParameterStatus reports). */
  private changes = 0;
  private readonly changed = new Map<string, number>();

  /** The change counter value when `name` last changed (0: never). */
  changedAt(name: string): number {
    return this.changed.get(name) ?? 0;
  }

  get changeCount(): number {
    return this.changes;
  }

  private ioKeyOf: IoContext | undefined;
  private ioKeyText = '';
  /**
   * The I/O settings as a string, for plan cache keys: casts of constants are folded at analysis
   * time with the session's TimeZone, DateStyle, IntervalStyle, extra_float_digits and
   * bytea_output, so a plan made under other values would print stale text.
   */
  get ioKey(): string {
    if (this.ioKeyOf !== this.io) {
      const io = this.io;
      this.ioKeyText = `${io.timeZone}|${io.dateStyle}|${io.intervalStyle}|${io.extraFloatDigits}|${io.byteaOutput}`;
      this.ioKeyOf = io;
    }
    return this.ioKeyText;
  }

  /** Values before each change of the transaction (name, old value), for ROLLBACK TO SAVEPOINT. */
  private journal: [string, string | undefined][] = [];

  mark(): number {
    return this.journal.length;
  }

  /** ROLLBACK TO SAVEPOINT (or an exception block's rollback): the changes since `mark` are undone. */
  rollbackTo(mark: number): void {
    const j = this.journal;
    for (let i = j.length - 1; i >= mark; i--) {
      const [n, v] = j[i];
      if (v === undefined) this.values.delete(n);
      else this.apply(n, v);
    }
    j.length = mark;
  }

  private apply(n: string, v: string): void {
    const old = this.values.get(n);
    if (old !== v) {
      this.changed.set(n, ++this.changes);
      this.journal.push([n, old]);
    }
    if (!this.ownValues) {
      this.values = new Map(this.values);
      this.ownValues = true;
    }
    this.values.set(n, v);
    switch (n) {
      case 'role':
      case 'session_authorization': {
        const role = this.values.get('role') ?? 'none';
        this.currentUser = role !== 'none' ? role : (this.values.get('session_authorization') ?? 'postgres');
        break;
      }
      case 'timezone':
        this.io = { ...this.io, timeZone: v };
        break;
      case 'datestyle':
        this.io = { ...this.io, dateStyle: v };
        break;
      case 'intervalstyle':
        this.io = { ...this.io, intervalStyle: v };
        break;
      case 'extra_float_digits':
        this.io = { ...this.io, extraFloatDigits: Number(v) };
        break;
      case 'bytea_output':
        this.io = { ...this.io, byteaOutput: v as 'hex' | 'escape' };
        break;
    }
  }

  /** search_path as a list of schema names ($user expanded). */
  searchPath(): string[] {
    const raw = this.values.get('search_path') ?? '';
    return raw
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s.length)
      .map((s) => (s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replace(/""/g, '"') : s.toLowerCase()))
      .map((s) => (s === '$user' ? this.currentUser : s));
  }

  /** Transaction end: SET LOCAL values revert; plain SETs revert on rollback. */
  endTransaction(commit: boolean): void {
    this.journal.length = 0;
    if (this.localUndo.size === 0 && this.txnUndo.size === 0) return;
    if (!commit) for (const [n, v] of this.txnUndo) this.apply(n, v);
    for (const [n, v] of this.localUndo) this.apply(n, v);
    this.localUndo.clear();
    this.txnUndo.clear();
    this.journal.length = 0;
  }
}

/**
 * A placeholder's name must be two or more simple identifiers separated by dots (guc.c
 * valid_custom_variable_name).
 */
function checkCustomName(n: string): void {
  if (/^[a-z_\u0080-\uffff][a-z0-9_$\u0080-\uffff]*(\.[a-z_\u0080-\uffff][a-z0-9_$\u0080-\uffff]*)+$/.test(n)) return;
  throw new PgError(SQLSTATE.invalid_name, `invalid configuration parameter name "${n}"`, {
    detail: 'Custom parameter names must be two or more simple identifiers separated by dots.',
  });
}

/**
 * DateStyle as Postgres stores it: `<style>, <order>` from any mix of style and order keywords;
 * what is not named keeps its current value, except that German alone also means DMY.
 * Postgres counterpart: check_datestyle in src/backend/commands/variable.c.
 */
function canonicalDateStyle(value: string, current: string): string {
  const [curStyle, curOrder] = current.split(', ');
  let style: string | undefined;
  let order: string | undefined;
  const conflict = () => new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "DateStyle": "${value}"`, { detail: 'Conflicting "datestyle" specifications.' });
  for (const raw of value.split(',')) {
    const w = raw.trim().toLowerCase();
    const setStyle = (s: string) => {
      if (style !== undefined && style !== s) throw conflict();
      style = s;
    };
    const setOrder = (o: string) => {
      if (order !== undefined && order !== o) throw conflict();
      order = o;
    };
    if (w === 'iso') setStyle('ISO');
    else if (w === 'sql') setStyle('SQL');
    else if (w === 'postgres') setStyle('Postgres');
    else if (w === 'german') {
      setStyle('German');
      if (order === undefined) order = 'DMY';
    } else if (w === 'ymd') setOrder('YMD');
    else if (w === 'dmy' || w === 'euro' || w === 'european') setOrder('DMY');
    else if (w === 'mdy' || w === 'us' || w === 'noneuro' || w === 'noneuropean') setOrder('MDY');
    else if (w === 'default') {
      setStyle('ISO');
      setOrder('MDY');
    } else {
      throw new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "DateStyle": "${value}"`, { detail: `Unrecognized key word: "${raw.trim()}".` });
    }
  }
  return `${style ?? curStyle}, ${order ?? curOrder}`;
}
