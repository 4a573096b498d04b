/**
 * What Postgres knows about each of its settings, and its rules for them: who may change a
 * setting when (context), how a value is parsed (bool, integer and real with units, enum, string)
 * and range-checked, and how SHOW prints it. The facts are recorded from Postgres 18
 * (src/catalog/system/settings-data.ts); session values live in settings.ts.
 * Postgres counterpart: src/backend/utils/misc/guc.c (parse_int, parse_real, parse_bool,
 * config_enum_lookup_by_name, _ShowOption, set_config_with_handle's context checks).
 */
import { regconfigIn, tsConfigByOid } from '../tsearch/ts-config.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { SETTING_FACTS, type SettingFacts } from '../catalog/system/settings-data.js';

export interface SettingFact {
  /** The name as Postgres spells it (DateStyle, TimeZone, work_mem). */
  readonly name: string;
  readonly unit: string | null;
  readonly context: string;
  readonly vartype: 'bool' | 'integer' | 'real' | 'enum' | 'string';
  readonly min: number | null;
  readonly max: number | null;
  readonly enumvals: readonly string[] | null;
  readonly shortDesc: string;
  /** The default of a standard installation, in the base unit (pg_settings.setting). */
  readonly defaultBase: string | null;
  /** That default as SHOW prints it, when recorded. */
  readonly defaultText: string | null;
}

const FACTS = new Map<string, SettingFact>(
  SETTING_FACTS.map((f: SettingFacts) => [
    f[0].toLowerCase(),
    {
      name: f[0],
      unit: f[1],
      context: f[5],
      vartype: f[6] as SettingFact['vartype'],
      min: f[7] === null ? null : Number(f[7]),
      max: f[8] === null ? null : Number(f[8]),
      enumvals: f[9],
      shortDesc: f[3],
      defaultBase: f[11],
      defaultText: f[12],
    },
  ]),
);

/** The facts of a setting by (case-insensitive) name. */
export function settingFact(lowerName: string): SettingFact | undefined {
  return FACTS.get(lowerName);
}

/** Every setting Postgres has, lowercased name → facts. */
export function allSettingFacts(): ReadonlyMap<string, SettingFact> {
  return FACTS;
}

const MEMORY_UNITS: readonly [string, number][] = [
  ['TB', 1024 * 1024 * 1024],
  ['GB', 1024 * 1024],
  ['MB', 1024],
  ['kB', 1],
  ['B', 1 / 1024],
];
const TIME_UNITS: readonly [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1000],
  ['ms', 1],
  ['us', 0.001],
];

/** A unit column value (`8kB`, `ms`, `min`) as its multiplier in kB or ms, and its family. */
function baseUnit(unit: string): { family: readonly [string, number][]; size: number; smallest: number } | undefined {
  const m = /^(\d*)(kB|MB|GB|TB|B|ms|s|min|h|d|us)$/.exec(unit);
  if (!m) return undefined;
  const family = MEMORY_UNITS.some(([u]) => u === m[2]) ? MEMORY_UNITS : TIME_UNITS;
  const named = family.find(([u]) => u === m[2])![1];
  return { family, size: Number(m[1] || '1') * named, smallest: named };
}

function unitHint(family: readonly [string, number][]): string {
  const names = family === MEMORY_UNITS ? ['B', 'kB', 'MB', 'GB', 'TB'] : ['us', 'ms', 's', 'min', 'h', 'd'];
  return `Valid units for this parameter are ${names.slice(0, -1).map((u) => `"${u}"`).join(', ')}, and "${names[names.length - 1]}".`;
}

function invalidValue(f: SettingFact, value: string, extra: { hint?: string; detail?: string } = {}): PgError {
  return new PgError(SQLSTATE.invalid_parameter_value, `invalid value for parameter "${f.name}": "${value}"`, extra);
}

/** %g as C prints it (6 significant digits, exponent form outside 1e-4 .. 1e6). */
function formatG(x: number): string {
  if (x === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(x)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = x.toExponential(5).split('e');
    const m = mant.replace(/\.?0+$/, '');
    const n = Number(e);
    return `${m}e${n < 0 ? '-' : '+'}${String(Math.abs(n)).padStart(2, '0')}`;
  }
  return String(Number(x.toPrecision(6)));
}

/** A number with an optional unit, converted to the setting's base unit (unrounded). */
function parseNumberWithUnit(f: SettingFact, value: string, integer: boolean): number {
  const m = /^\s*([-+]?(?:0x[0-9a-f]+|\d+\.?\d*(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?))\s*([a-zA-Z]*)\s*$/i.exec(value);
  const bu = f.unit ? baseUnit(f.unit) : undefined;
  if (!m) {
    const unitOnly = bu && /^\s*[-+]?[\d.]+\s*[a-zA-Z]+\s*$/.test(value);
    throw invalidValue(f, value, unitOnly ? { hint: unitHint(bu.family) } : {});
  }
  let n = /^[-+]?0x/i.test(m[1]) ? Number.parseInt(m[1], 16) : Number(m[1]);
  if (!integer || !Number.isInteger(n)) n = Number(m[1]);
  if (m[2]) {
    if (!bu) throw invalidValue(f, value);
    const u = bu.family.find(([name]) => name === m[2]);
    if (!u) throw invalidValue(f, value, { hint: unitHint(bu.family) });
    n = (n * u[1]) / bu.size;
  }
  return n;
}

/** How a base-unit integer value prints in SHOW: the largest unit that divides it evenly. */
function showInteger(f: SettingFact, n: number): string {
  const bu = f.unit ? baseUnit(f.unit) : undefined;
  if (!bu || n === 0 || n === -1) return String(n);
  const scaled = n * bu.size;
  for (const [u, mult] of bu.family) {
    if (mult < bu.smallest) break;
    if (scaled % mult === 0) return `${scaled / mult}${u}`;
  }
  return String(n);
}

/** How a base-unit real value prints in SHOW. */
function showReal(f: SettingFact, x: number): string {
  const bu = f.unit ? baseUnit(f.unit) : undefined;
  if (!bu || x === 0) return formatG(x);
  const scaled = x * bu.size;
  // The first unit that divides the value evenly, else the smallest (convert_real_from_base_unit:
  // real time settings may go below their base unit, down to us; within 1e-8 of an integer counts).
  const family = bu.family === TIME_UNITS ? TIME_UNITS : bu.family.filter(([, mult]) => mult >= bu.smallest);
  for (const [u, mult] of family) {
    const q = scaled / mult;
    if (Number.isInteger(q) || (q > 0 && Math.abs(Math.round(q) / q - 1) <= 1e-8)) return `${formatG(q)}${u}`;
  }
  const [u, mult] = family[family.length - 1];
  return `${formatG(scaled / mult)}${u}`;
}

const BOOL_WORDS: readonly [string, boolean][] = [
  ['true', true],
  ['false', false],
  ['yes', true],
  ['no', false],
];

/** parse_bool: on/off, true/false, yes/no and unique prefixes of those, 1/0. */
export function parseBoolSetting(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '1' || v === 'on') return true;
  if (v === '0' || v === 'of' || v === 'off') return false;
  if (v.length === 0) return undefined;
  for (const [w, b] of BOOL_WORDS) if (w.startsWith(v)) return b;
  return undefined;
}

/**
 * A value given to SET for a setting with facts: checked as Postgres checks it and returned as
 * SHOW prints it. Strings come back unchanged (their own checks are the caller's).
 */
export function canonicalSettingValue(f: SettingFact, value: string): string {
  switch (f.vartype) {
    case 'bool': {
      const b = parseBoolSetting(value);
      if (b === undefined) throw new PgError(SQLSTATE.invalid_parameter_value, `parameter "${f.name}" requires a Boolean value`);
      return b ? 'on' : 'off';
    }
    case 'integer': {
      const raw = parseNumberWithUnit(f, value, true);
      const n = Math.round(raw);
      if (!Number.isFinite(raw) || Math.abs(raw) > 2147483647) throw invalidValue(f, value, { hint: 'Value exceeds integer range.' });
      if ((f.min !== null && n < f.min) || (f.max !== null && n > f.max)) {
        const u = f.unit ? ` ${f.unit}` : '';
        throw new PgError(SQLSTATE.invalid_parameter_value, `${n}${u} is outside the valid range for parameter "${f.name}" (${f.min}${u} .. ${f.max}${u})`);
      }
      return showInteger(f, n);
    }
    case 'real': {
      const x = parseNumberWithUnit(f, value, false);
      if (Number.isNaN(x)) throw invalidValue(f, value);
      if ((f.min !== null && x < f.min) || (f.max !== null && x > f.max)) {
        const u = f.unit ? ` ${f.unit}` : '';
        throw new PgError(SQLSTATE.invalid_parameter_value, `${formatG(x)}${u} is outside the valid range for parameter "${f.name}" (${formatG(f.min!)}${u} .. ${formatG(f.max!)}${u})`);
      }
      return showReal(f, x);
    }
    case 'enum': {
      let v = value.trim().toLowerCase();
      // Enums offering on and off also take the other spellings of a boolean (hidden entries of guc_tables.c).
      if (f.enumvals?.includes('on') && f.enumvals.includes('off')) v = BOOL_ALIASES[v] ?? v;
      const hit = f.enumvals?.find((e) => e.toLowerCase() === v);
      if (hit === undefined) throw invalidValue(f, value, { hint: `Available values: ${(f.enumvals ?? []).join(', ')}.` });
      return hit;
    }
    default:
      if (f.name === 'default_text_search_config') return canonicalTsConfig(f, value);
      return value;
  }
}

const BOOL_ALIASES: Record<string, string> = { true: 'on', yes: 'on', '1': 'on', false: 'off', no: 'off', '0': 'off' };

/** check_default_text_search_config: the configuration must exist; it is shown schema-qualified. */
function canonicalTsConfig(f: SettingFact, value: string): string {
  let oid: number;
  try {
    oid = regconfigIn(null, value);
  } catch {
    throw invalidValue(f, value);
  }
  const cfg = tsConfigByOid(oid);
  if (!cfg) throw invalidValue(f, value);
  return `pg_catalog.${cfg.name}`;
}

/** A value as SHOW prints it, in the setting's base unit as pg_settings.setting shows it (`4MB` → `4096`). */
export function settingInBaseUnit(f: SettingFact, shown: string): string {
  if (!f.unit || (f.vartype !== 'integer' && f.vartype !== 'real')) return shown;
  let n: number;
  try {
    n = parseNumberWithUnit(f, shown, f.vartype === 'integer');
  } catch {
    return shown;
  }
  return f.vartype === 'integer' ? String(Math.round(n)) : formatG(n);
}

/** The SHOW text of a setting's standard default. */
export function defaultShown(f: SettingFact): string {
  if (f.defaultText !== null) return f.defaultText;
  const d = f.defaultBase ?? '';
  if (f.vartype === 'integer' && d !== '') return showInteger(f, Number(d));
  if (f.vartype === 'real' && d !== '') return showReal(f, Number(d));
  return d;
}

/**
 * Who may change a setting now: SET (and set_config) may change `user` and `superuser`
 * settings; others fail as in Postgres. `startup` is a connection's startup packet, which may
 * also set `backend` / `superuser-backend` ones.
 */
export function checkSettingContext(f: SettingFact, when: 'set' | 'startup'): void {
  switch (f.context) {
    case 'user':
    case 'superuser':
      return;
    case 'backend':
    case 'superuser-backend':
      if (when === 'startup') return;
      throw new PgError(SQLSTATE.cant_change_runtime_param, `parameter "${f.name}" cannot be set after connection start`);
    case 'sighup':
      throw new PgError(SQLSTATE.cant_change_runtime_param, `parameter "${f.name}" cannot be changed now`);
    case 'postmaster':
      throw new PgError(SQLSTATE.cant_change_runtime_param, `parameter "${f.name}" cannot be changed without restarting the server`);
    default:
      throw new PgError(SQLSTATE.cant_change_runtime_param, `parameter "${f.name}" cannot be changed`);
  }
}
