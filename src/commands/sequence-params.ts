/**
 * The options of CREATE / ALTER SEQUENCE and of identity columns (AS, INCREMENT, MINVALUE,
 * MAXVALUE, START, RESTART, CACHE, CYCLE, OWNED BY), checked and applied as Postgres does: defaults
 * from the type and direction on creation; on ALTER ... AS, bounds that were the old type's
 * limits follow the new type; the current value is checked against new bounds.
 * Postgres counterpart: src/backend/commands/sequence.c (init_params).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { SequenceInfo } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { formatType } from '../types/registry.js';
import { resolveTypeName } from '../analyze/type-name.js';

type AnyNode = Record<string, any>;

export const SEQUENCE_TYPE_LIMITS: Record<number, [bigint, bigint]> = {
  [OID.int2]: [-32768n, 32767n],
  [OID.int4]: [-2147483648n, 2147483647n],
  [OID.int8]: [-9223372036854775808n, 9223372036854775807n],
};

/** The option values as parsed, after the duplicate check (OWNED BY kept as the name list). */
export interface SequenceOptions {
  readonly byName: ReadonlyMap<string, AnyNode>;
  readonly ownedBy?: readonly string[];
}

/** Where an option's error points: `position(defel.location)`. */
export type PositionOf = (location: number | undefined) => string | undefined;

const KNOWN = new Set(['as', 'increment', 'start', 'restart', 'maxvalue', 'minvalue', 'cache', 'cycle', 'owned_by', 'sequence_name']);

/**
 * Collects DefElems (42601 "conflicting or redundant options" on a repeated one, at its position).
 * `sequence_name` is the identity clause's SEQUENCE NAME (a syntax error in CREATE SEQUENCE).
 */
export function collectSequenceOptions(options: readonly AnyNode[], position: PositionOf, allowSequenceName: boolean): SequenceOptions {
  const byName = new Map<string, AnyNode>();
  let ownedBy: string[] | undefined;
  for (const o of options) {
    const d = (o.DefElem ?? o) as AnyNode;
    const name = d.defname as string;
    if (!KNOWN.has(name)) throw new PgError(SQLSTATE.internal_error, `option "${name}" not recognized`);
    if (name === 'sequence_name' && !allowSequenceName) {
      throw new PgError(SQLSTATE.syntax_error, 'invalid sequence option SEQUENCE NAME', { position: position(d.location) });
    }
    if (byName.has(name)) throw new PgError(SQLSTATE.syntax_error, 'conflicting or redundant options', { position: position(d.location) });
    byName.set(name, d);
    if (name === 'owned_by') ownedBy = ((d.arg?.List?.items ?? d.arg ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  }
  return { byName, ownedBy };
}

/** defGetInt64: an Integer, or a Float too large for int4 read as int8 (22003 / 22P02 as int8in). */
export function optionInt64(d: AnyNode): bigint {
  const a = d.arg ?? {};
  if (a.Integer) return BigInt(a.Integer.ival ?? 0);
  const text = String(a.Float?.fval ?? a.String?.sval ?? '');
  if (!/^[+-]?\d+$/.test(text)) throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type bigint: "${text}"`);
  const v = BigInt(text);
  if (v < -9223372036854775808n || v > 9223372036854775807n) throw new PgError(SQLSTATE.numeric_value_out_of_range, `value "${text}" is out of range for type bigint`);
  return v;
}

export interface SequenceParamsResult {
  readonly seq: SequenceInfo;
  /** The sequence's value afterwards (RESTART, or the start on creation), and whether it was drawn. */
  readonly lastValue: bigint;
  readonly isCalled: boolean;
  /** RESTART given (or creation): the value state must be written. */
  readonly restarted: boolean;
}

/**
 * init_params: `current` is the sequence being altered (undefined on creation, where `initType`
 * is the type without AS); `state` its current value.
 */
export function initSequenceParams(
  cat: Catalog,
  searchPath: readonly string[],
  opts: SequenceOptions,
  forIdentity: boolean,
  current: SequenceInfo | undefined,
  state: { last: bigint; isCalled: boolean } | undefined,
  initType: number,
  position: PositionOf,
): SequenceParamsResult {
  const isInit = current === undefined;
  const o = (k: string) => opts.byName.get(k);
  let type = current?.type ?? initType;
  let increment = current?.increment ?? 1n;
  let cycle = current?.cycle ?? false;
  let max = current?.max ?? 0n;
  let min = current?.min ?? 0n;
  let start = current?.start ?? 0n;
  let cache = current?.cache ?? 1n;
  let lastValue = state?.last ?? 0n;
  let isCalled = state?.isCalled ?? false;
  let resetMax = false;
  let resetMin = false;

  const as = o('as');
  if (as) {
    const tn = (as.arg?.TypeName ?? as.arg) as AnyNode;
    const newType = resolveTypeName(cat, searchPath, tn, position).oid;
    if (!SEQUENCE_TYPE_LIMITS[newType]) {
      throw new PgError(SQLSTATE.invalid_parameter_value, forIdentity ? 'identity column type must be smallint, integer, or bigint' : 'sequence type must be smallint, integer, or bigint');
    }
    if (!isInit) {
      const [omin, omax] = SEQUENCE_TYPE_LIMITS[type] ?? SEQUENCE_TYPE_LIMITS[OID.int8];
      resetMax = max === omax;
      resetMin = min === omin;
    }
    type = newType;
  }
  const [tmin, tmax] = SEQUENCE_TYPE_LIMITS[type] ?? SEQUENCE_TYPE_LIMITS[OID.int8];
  const inc = o('increment');
  if (inc) {
    increment = optionInt64(inc);
    if (increment === 0n) throw new PgError(SQLSTATE.invalid_parameter_value, 'INCREMENT must not be zero');
  }
  const cy = o('cycle');
  if (cy) cycle = !!cy.arg?.Boolean?.boolval;

  const mx = o('maxvalue');
  if (mx?.arg) max = optionInt64(mx);
  else if (isInit || mx || resetMax) max = increment > 0n || resetMax ? tmax : -1n;
  if (type !== OID.int8 && (max < tmin || max > tmax)) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `MAXVALUE (${max}) is out of range for sequence data type ${formatType(cat, type)}`);
  }
  const mn = o('minvalue');
  if (mn?.arg) min = optionInt64(mn);
  else if (isInit || mn || resetMin) min = increment < 0n || resetMin ? tmin : 1n;
  if (type !== OID.int8 && (min < tmin || min > tmax)) {
    throw new PgError(SQLSTATE.invalid_parameter_value, `MINVALUE (${min}) is out of range for sequence data type ${formatType(cat, type)}`);
  }
  if (min >= max) throw new PgError(SQLSTATE.invalid_parameter_value, `MINVALUE (${min}) must be less than MAXVALUE (${max})`);

  const st = o('start');
  if (st) start = optionInt64(st);
  else if (isInit) start = increment > 0n ? min : max;
  if (start < min) throw new PgError(SQLSTATE.invalid_parameter_value, `START value (${start}) cannot be less than MINVALUE (${min})`);
  if (start > max) throw new PgError(SQLSTATE.invalid_parameter_value, `START value (${start}) cannot be greater than MAXVALUE (${max})`);

  const rs = o('restart');
  const restarted = isInit || rs !== undefined;
  if (rs) {
    lastValue = rs.arg ? optionInt64(rs) : start;
    isCalled = false;
  } else if (isInit) {
    lastValue = start;
    isCalled = false;
  }
  if (lastValue < min) throw new PgError(SQLSTATE.invalid_parameter_value, `RESTART value (${lastValue}) cannot be less than MINVALUE (${min})`);
  if (lastValue > max) throw new PgError(SQLSTATE.invalid_parameter_value, `RESTART value (${lastValue}) cannot be greater than MAXVALUE (${max})`);

  const ca = o('cache');
  if (ca) {
    cache = optionInt64(ca);
    if (cache <= 0n) throw new PgError(SQLSTATE.invalid_parameter_value, `CACHE (${cache}) must be greater than zero`);
  }
  return {
    seq: { ...(current ?? {}), type, start, increment, min, max, cache, cycle },
    lastValue,
    isCalled,
    restarted,
  };
}

/**
 * An identity column's SEQUENCE NAME option, as the sequence's schema and name (undefined: the
 * default name). Postgres counterpart: parse_utilcmd.c (generateSerialSequence).
 */
export function identitySequenceName(options: readonly AnyNode[] | undefined): { schema?: string; name: string } | undefined {
  const d = options?.map((o) => (o.DefElem ?? o) as AnyNode).find((x) => x.defname === 'sequence_name');
  if (!d) return undefined;
  const names = ((d.arg?.List?.items ?? d.arg ?? []) as AnyNode[]).map((x) => x.String.sval as string);
  return names.length >= 2 ? { schema: names[names.length - 2], name: names[names.length - 1] } : { name: names[0] };
}

/** A sequence's parameters as options (LIKE ... INCLUDING IDENTITY copies them). Postgres counterpart: sequence_options(). */
export function sequenceInfoOptions(seq: SequenceInfo): AnyNode[] {
  const n = (v: bigint) => ({ Float: { fval: String(v) } });
  return [
    { DefElem: { defname: 'cache', arg: n(seq.cache) } },
    { DefElem: { defname: 'cycle', arg: { Boolean: { boolval: seq.cycle } } } },
    { DefElem: { defname: 'increment', arg: n(seq.increment) } },
    { DefElem: { defname: 'maxvalue', arg: n(seq.max) } },
    { DefElem: { defname: 'minvalue', arg: n(seq.min) } },
    { DefElem: { defname: 'start', arg: n(seq.start) } },
  ];
}
