/**
 * The functions behind the built-in operators, callable by their pg_proc names (`int4pl(1, 2)`,
 * `int8eq`, `textcat`) and usable as CREATE OPERATOR's PROCEDURE or CREATE AGGREGATE's SFUNC:
 * each is the implementation of the registered operator with pg_operator's oprcode for it.
 * Postgres counterpart: the oprcode entries of pg_proc.dat.
 * Known gaps: only the operators fauxgres implements (catalog/system/operator-data.ts).
 */
import { BUILTIN_OPERATOR_FACTS } from '../../catalog/system/operator-data.js';
import { functionsNamed, operatorsNamed, registerFunction } from '../registry.js';

for (const [, name, kind, left, right, , , , , , code] of BUILTIN_OPERATOR_FACTS) {
  const o = operatorsNamed(name).find((d) => !d.fn.extension && d.left === (kind === 'l' ? 0 : left) && d.right === right);
  if (!o) continue;
  const args = kind === 'l' ? [right] : [left, right];
  if (functionsNamed(code).some((f) => !f.extension && f.argTypes.length === args.length && f.argTypes.every((t, i) => t === args[i]))) continue;
  registerFunction({ ...o.fn, name: code, argTypes: args, returnType: o.result });
}
