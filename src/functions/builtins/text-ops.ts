/**
 * Text operators: `||` (text||text, text||anynonarray, anynonarray||text, bytea||bytea), LIKE
 * family `~~ ~~* !~~ !~~*` (text, name, bpchar, bytea), POSIX regex `~ ~* !~ !~*`, `^@`
 * (starts_with), and the rewrite helpers the grammar calls: like_escape (ESCAPE clause) and
 * similar_to_escape (SIMILAR TO → `~`).
 *
 * Postgres counterpart: src/backend/utils/adt/varlena.c (textcat, textanycat), like.c, regexp.c.
 * Known gaps: see regex/are.ts.
 */
import { OID } from '../../types/oids.js';
import { fn, op, registerOperator, type CallInfo } from '../registry.js';
import { byteaLikeMatch, ilikeMatch, likeEscape, likeMatch, likeMatchCollated } from './like.js';
import { isNondeterministic, userCollation } from '../../types/collation.js';
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { compileRe, parseReFlags } from './regex/are.js';
import { similarToEscape } from './similar.js';
import { castValueToText } from './value-io.js';

const T = OID.text;

op('||', T, T, T, (a, b) => (a as string) + (b as string));
// text || anynonarray and anynonarray || text print the other side with its output function.
registerOperator({
  name: '||',
  left: T,
  right: OID.anynonarray,
  result: T,
  fn: { name: 'textanycat', argTypes: [T, OID.anynonarray], returnType: T, strict: true, volatility: 's', fn: (args, rt, call) => (args[0] as string) + castValueToText(rt, call.argTypes[1], args[1]) },
});
registerOperator({
  name: '||',
  left: OID.anynonarray,
  right: T,
  result: T,
  fn: { name: 'anytextcat', argTypes: [OID.anynonarray, T], returnType: T, strict: true, volatility: 's', fn: (args, rt, call) => castValueToText(rt, call.argTypes[0], args[0]) + (args[1] as string) },
});
op('||', OID.bytea, OID.bytea, OID.bytea, (a, b) => {
  const x = a as Uint8Array;
  const y = b as Uint8Array;
  const r = new Uint8Array(x.length + y.length);
  r.set(x, 0);
  r.set(y, x.length);
  return r;
});

// LIKE / ILIKE. bpchar operands keep their padding, as Postgres's bpcharlike does.
// Under a nondeterministic collation LIKE compares literal runs by the collator; ILIKE and
// regular expressions are refused (like.c GenericMatchText, regexp.c).
function like(a: string, b: string, call: CallInfo): boolean {
  if (!isNondeterministic(call.collation)) return likeMatch(a, b);
  return likeMatchCollated(a, b, userCollation(call.collation!)!.compare);
}
function refuseNondeterministic(call: CallInfo, what: string): void {
  if (isNondeterministic(call.collation)) throw new PgError(SQLSTATE.feature_not_supported, `nondeterministic collations are not supported for ${what}`);
}
for (const left of [T, OID.name, OID.bpchar]) {
  op('~~', left, T, OID.bool, (a, b, _rt, call) => like(a as string, b as string, call), { negator: '!~~' });
  op('!~~', left, T, OID.bool, (a, b, _rt, call) => !like(a as string, b as string, call), { negator: '~~' });
  op('~~*', left, T, OID.bool, (a, b, _rt, call) => (refuseNondeterministic(call, 'ILIKE'), ilikeMatch(a as string, b as string)), { negator: '!~~*' });
  op('!~~*', left, T, OID.bool, (a, b, _rt, call) => (refuseNondeterministic(call, 'ILIKE'), !ilikeMatch(a as string, b as string)), { negator: '~~*' });
}
op('~~', OID.bytea, OID.bytea, OID.bool, (a, b) => byteaLikeMatch(a as Uint8Array, b as Uint8Array), { negator: '!~~' });
op('!~~', OID.bytea, OID.bytea, OID.bool, (a, b) => !byteaLikeMatch(a as Uint8Array, b as Uint8Array), { negator: '~~' });

// POSIX regular expressions.
const CS = parseReFlags('');
const CI = parseReFlags('i');
/** Whether `s` matches the Postgres pattern `p` (case-insensitively when `ci`). */
export function regexMatches(s: string, p: string, ci: boolean): boolean {
  return compileRe(p, ci ? CI : CS).re.test(s);
}
for (const left of [T, OID.name, OID.bpchar]) {
  const re = 'regular expressions';
  op('~', left, T, OID.bool, (a, b, _rt, call) => (refuseNondeterministic(call, re), regexMatches(a as string, b as string, false)), { negator: '!~' });
  op('!~', left, T, OID.bool, (a, b, _rt, call) => (refuseNondeterministic(call, re), !regexMatches(a as string, b as string, false)), { negator: '~' });
  op('~*', left, T, OID.bool, (a, b, _rt, call) => (refuseNondeterministic(call, re), regexMatches(a as string, b as string, true)), { negator: '!~*' });
  op('!~*', left, T, OID.bool, (a, b, _rt, call) => (refuseNondeterministic(call, re), !regexMatches(a as string, b as string, true)), { negator: '~*' });
}

op('^@', T, T, OID.bool, (a, b) => (a as string).startsWith(b as string));

fn('like_escape', [T, T], T, (args) => likeEscape(args[0] as string, args[1] as string));
fn('like_escape', [OID.bytea, OID.bytea], OID.bytea, (args) => {
  const s = likeEscape(latin1(args[0] as Uint8Array), latin1(args[1] as Uint8Array));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
});
fn('like', [T, T], OID.bool, (args) => likeMatch(args[0] as string, args[1] as string));
fn('notlike', [T, T], OID.bool, (args) => !likeMatch(args[0] as string, args[1] as string));
fn('similar_to_escape', [T, T], T, (args) => similarToEscape(args[0] as string, args[1] as string));
fn('similar_to_escape', [T], T, (args) => similarToEscape(args[0] as string, '\\'));
fn('textregexeq', [T, T], OID.bool, (args) => regexMatches(args[0] as string, args[1] as string, false));

function latin1(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}
