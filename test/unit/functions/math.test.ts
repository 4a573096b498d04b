/** Math functions and the seeded random generator, differential against the oracle. */
import { afterAll, expect, it } from 'vitest';
import { OID } from '../../../src/types/oids.js';
import { cases } from './cases/math.js';
import { call, closeOracle, findFunction, makeRuntime, mismatches, oracle } from './harness.js';

afterAll(closeOracle);

it('math functions match the oracle', async () => {
  expect(await mismatches(cases())).toEqual([]);
});

it('random() after setseed() replays Postgres sequence', async () => {
  const r = makeRuntime();
  const c = await oracle();
  const draws: [string, number[], string[], number][] = [
    ['random', [], [], OID.float8],
    ['random', [], [], OID.float8],
    ['random', [OID.int4, OID.int4], ['1', '100'], OID.int4],
    ['random', [OID.int8, OID.int8], ['-5', '1000000000000'], OID.int8],
    ['random', [OID.numeric, OID.numeric], ['1.5', '3.25'], OID.numeric],
    ['random', [OID.numeric, OID.numeric], ['-5.5', '5.5'], OID.numeric],
    ['random_normal', [OID.float8, OID.float8], ['0', '1'], OID.float8],
    ['random_normal', [OID.float8, OID.float8], ['10', '2'], OID.float8],
  ];
  for (const seed of ['0.5', '0', '-1', '0.123456789', '1']) {
    await c.query(`select setseed(${seed})`);
    call({ fn: findFunction('setseed', [OID.float8]), argTypes: [OID.float8], returnType: OID.void, args: [seed] }, r);
    for (const [name, types, args, ret] of draws) {
      const sql = `select ${name}(${args.map((_a, i) => `$${i + 1}::${types[i] === OID.int4 ? 'int4' : types[i] === OID.int8 ? 'int8' : types[i] === OID.numeric ? 'numeric' : 'float8'}`).join(', ')})`;
      const theirs = (await c.query({ text: sql, values: args, rowMode: 'array', types: { getTypeParser: () => (v: string) => v } })).rows[0][0];
      const ours = call({ fn: findFunction(name, types), argTypes: types, returnType: ret, args }, r);
      expect(ours, `${seed}: ${sql}`).toEqual({ value: theirs });
    }
  }
  expect(call({ fn: findFunction('setseed', [OID.float8]), argTypes: [OID.float8], returnType: OID.void, args: ['1.5'] }, r)).toEqual({
    error: '22023: setseed parameter 1.5 is out of allowed range [-1,1]',
  });
});
