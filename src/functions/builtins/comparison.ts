/**
 * Comparison operators `= <> < <= > >=` for every built-in type, the cross-type pairs pg_operator
 * has (int2/int4/int8 in any combination, float4/float8, name/text, date/timestamp/timestamptz),
 * and the polymorphic ones (anyarray, anyenum, record) that compare by the actual argument type.
 * Text-like comparisons use the call's collation; `=`/`<>` on text are byte equality, except
 * under a nondeterministic collation (equality by its collator). Also the `~<~` family (text_pattern_ops: code-point order).
 *
 * Postgres counterpart: the *eq/*lt/... functions of each type in src/backend/utils/adt/
 * (int.c, int8.c, float.c, varlena.c, date.c, timestamp.c, arrayfuncs.c, rowtypes.c, ...).
 * Known gaps: record comparison of anonymous records (no field types known) falls back to the
 * record TypeIO of the call's argument type.
 */
import { compareBytea } from '../../types/bytea.js';
import { compareCodePoints, compareText, textEquals } from '../../types/collation.js';
import { compareFloat } from '../../types/float.js';
import { compareJsonb, type JsonbValue } from '../../types/jsonb.js';
import { compareNumeric, type Numeric } from '../../types/numeric.js';
import { OID } from '../../types/oids.js';
import { charByte, trimTrailingSpaces } from '../../types/text.js';
import { intervalCompare } from '../../types/datetime/interval-value.js';
import { timetzCompare } from '../../types/datetime/timetz.js';
import type { Interval, TimeTz, Value } from '../../types/values.js';
import type { ExprRuntime } from '../../nodes/primnodes.js';
import { registerOperator, type CallInfo, type FunctionImpl } from '../registry.js';
import { argComparator } from './value-compare.js';
import { recordComparator } from '../../types/anon-record.js';
import {
  dateToTimestampNoOverflow,
  dateToTimestamptzNoOverflow,
  localToUtc,
} from './datetime-convert.js';
import { sessionTimeZone } from '../../types/datetime/timezone.js';

type Cmp = (a: Value, b: Value, rt: ExprRuntime, call: CallInfo) => number;

const OPS: readonly [string, (c: number) => boolean, string, string][] = [
  ['=', (c) => c === 0, '=', '<>'],
  ['<>', (c) => c !== 0, '<>', '='],
  ['<', (c) => c < 0, '>', '>='],
  ['<=', (c) => c <= 0, '>=', '>'],
  ['>', (c) => c > 0, '<', '<='],
  ['>=', (c) => c >= 0, '<=', '<'],
];

/** Registers the six comparison operators for (left, right) on a three-way comparison. */
export function registerComparisons(
  left: number,
  right: number,
  cmp: Cmp,
  eq?: (a: Value, b: Value, call: CallInfo) => boolean,
  /** Flags for the operators' functions (userRangesOnly for the generic range comparisons). */
  flags: Pick<FunctionImpl, 'userRangesOnly'> = {},
): void {
  for (const [name, test, commutator, negator] of OPS) {
    let impl: FunctionImpl['fn'];
    if (eq && name === '=') impl = (args, _rt, call) => eq(args[0], args[1], call);
    else if (eq && name === '<>') impl = (args, _rt, call) => !eq(args[0], args[1], call);
    else impl = (args, rt, call) => test(cmp(args[0], args[1], rt, call));
    const f: FunctionImpl = { name: `op ${name}`, argTypes: [left, right], returnType: OID.bool, strict: true, volatility: 'i', fn: impl, ...flags };
    registerOperator({ name, left, right, result: OID.bool, fn: f, commutator, negator });
  }
}

const mixed = (a: Value, b: Value): number => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
const big = (a: Value, b: Value): number => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);

// Integers: JS compares number and bigint across representations exactly.
const INTS = [OID.int2, OID.int4, OID.int8];
for (const l of INTS) for (const r of INTS) registerComparisons(l, r, mixed);

// Floats: NaN sorts last and equals NaN.
const fl = (a: Value, b: Value): number => compareFloat(a as number, b as number);
for (const l of [OID.float4, OID.float8]) for (const r of [OID.float4, OID.float8]) registerComparisons(l, r, fl);

registerComparisons(OID.numeric, OID.numeric, (a, b) => compareNumeric(a as Numeric, b as Numeric));
registerComparisons(OID.bool, OID.bool, (a, b) => Number(a) - Number(b));
registerComparisons(OID.oid, OID.oid, mixed);
registerComparisons(OID.char, OID.char, (a, b) => charByte(a as string) - charByte(b as string));

// Text family.
const strEq = (a: Value, b: Value): boolean => a === b;
// Equal strings, or (nondeterministic collations) strings the collation's collator ranks equal.
const textEq = (a: Value, b: Value, call: CallInfo): boolean => a === b || textEquals(a as string, b as string, call.collation);
const textCmp: Cmp = (a, b, _rt, call) => compareText(a as string, b as string, call.collation ?? 'default');
registerComparisons(OID.text, OID.text, textCmp, textEq);
const nameCmp: Cmp = (a, b, _rt, call) =>
  call.collation && call.collation !== 'C' ? compareText(a as string, b as string, call.collation) : compareCodePoints(a as string, b as string);
registerComparisons(OID.name, OID.name, nameCmp, textEq);
registerComparisons(OID.name, OID.text, nameCmp, textEq);
registerComparisons(OID.text, OID.name, nameCmp, textEq);
const bpEq = (a: Value, b: Value, call: CallInfo): boolean => a === b || textEquals(trimTrailingSpaces(a as string), trimTrailingSpaces(b as string), call.collation);
registerComparisons(
  OID.bpchar,
  OID.bpchar,
  (a, b, _rt, call) => (a === b ? 0 : compareText(trimTrailingSpaces(a as string), trimTrailingSpaces(b as string), call.collation ?? 'default')),
  bpEq,
);

// text_pattern_ops / bpchar_pattern_ops: code-point order regardless of collation.
for (const [t, prep] of [
  [OID.text, (s: string) => s],
  [OID.bpchar, trimTrailingSpaces],
] as const) {
  const pc = (a: Value, b: Value): number => compareCodePoints(prep(a as string), prep(b as string));
  const pops: [string, (c: number) => boolean][] = [
    ['~<~', (c) => c < 0],
    ['~<=~', (c) => c <= 0],
    ['~>=~', (c) => c >= 0],
    ['~>~', (c) => c > 0],
  ];
  for (const [name, test] of pops) {
    const f: FunctionImpl = { name: `op ${name}`, argTypes: [t, t], returnType: OID.bool, strict: true, volatility: 'i', fn: (args) => test(pc(args[0], args[1])) };
    registerOperator({ name, left: t, right: t, result: OID.bool, fn: f });
  }
}

registerComparisons(OID.bytea, OID.bytea, (a, b) => compareBytea(a as Uint8Array, b as Uint8Array));
registerComparisons(OID.uuid, OID.uuid, (a, b) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0), strEq);
registerComparisons(OID.jsonb, OID.jsonb, (a, b) => compareJsonb(a as JsonbValue, b as JsonbValue));

// Date/time.
registerComparisons(OID.date, OID.date, mixed);
registerComparisons(OID.time, OID.time, mixed);
registerComparisons(OID.timetz, OID.timetz, (a, b) => timetzCompare(a as TimeTz, b as TimeTz));
registerComparisons(OID.timestamp, OID.timestamp, big);
registerComparisons(OID.timestamptz, OID.timestamptz, big);
registerComparisons(OID.interval, OID.interval, (a, b) => intervalCompare(a as Interval, b as Interval));
registerComparisons(OID.date, OID.timestamp, (a, b) => big(dateToTimestampNoOverflow(a as number), b));
registerComparisons(OID.timestamp, OID.date, (a, b) => big(a, dateToTimestampNoOverflow(b as number)));
registerComparisons(OID.date, OID.timestamptz, (a, b, rt) => big(dateToTimestamptzNoOverflow(a as number, rt.session.io), b));
registerComparisons(OID.timestamptz, OID.date, (a, b, rt) => big(a, dateToTimestamptzNoOverflow(b as number, rt.session.io)));
registerComparisons(OID.timestamp, OID.timestamptz, (a, b, rt) => big(localToUtc(a as bigint, sessionTimeZone(rt.session.io)), b));
registerComparisons(OID.timestamptz, OID.timestamp, (a, b, rt) => big(a, localToUtc(b as bigint, sessionTimeZone(rt.session.io))));

// Polymorphic: compare by the call's actual argument type.
const generic: Cmp = (a, b, rt, call) => argComparator(rt, call)(a, b);
registerComparisons(OID.anyarray, OID.anyarray, generic);
registerComparisons(OID.anyenum, OID.anyenum, generic);
const recordCaches = new WeakMap<object, (a: Value, b: Value) => number>();
registerComparisons(OID.record, OID.record, (a, b, rt, call) => {
  let c = recordCaches.get(call);
  if (!c) {
    c = recordComparator(rt.session.catalog(), call.argTypes[0], call.argTypes[1]);
    recordCaches.set(call, c);
  }
  return c(a, b);
});
