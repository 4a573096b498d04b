/**
 * jsonb operators and functions against the oracle on fast-check documents: `->`, `->>`, `#>`,
 * `#>>`, `?`, `?|`, `?&`, `@>`, `<@`, `||`, `-` (text, int, text[]), `#-`, jsonb_set,
 * jsonb_insert, jsonb_strip_nulls. Results and errors (SQLSTATE, message, hint) must match.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  JsonbObject,
  jsonbConcat,
  jsonbContained,
  jsonbContains,
  jsonbDeleteIndex,
  jsonbDeleteKey,
  jsonbDeleteKeys,
  jsonbDeletePath,
  jsonbExists,
  jsonbExistsAll,
  jsonbExistsAny,
  jsonbGetElement,
  jsonbGetElementText,
  jsonbGetField,
  jsonbGetFieldText,
  jsonbGetPath,
  jsonbGetPathText,
  jsonbInsert,
  jsonbSet,
  jsonbStripNulls,
  jsonbToText,
  parseJsonb,
  type JsonbValue,
} from '../../../src/types/jsonb.js';
import { jsonText } from './json-arbitraries.js';
import { Oracle, faux, lit, litArray, type Outcome } from './text-json-oracle.js';

let oracle: Oracle;
beforeAll(async () => {
  oracle = await Oracle.connect();
});
afterAll(async () => {
  await oracle.close();
});

const extra = ['1', '"a"', 'null', '[]', '{}', '[1,"a",null,[1],{"a":1}]', '{"a":{"b":[1,{"c":null}]},"b":null}', '[[1,2],[3]]'];
const docs = [...extra, ...fc.sample(jsonText, { seed: 42, numRuns: 150 })];
const keys = ['a', 'b', 'aa', 'é', '😀', '', 'x', '1'];
const ints = [-5, -2, -1, 0, 1, 2, 5];
const pathStep = fc.constantFrom<string | null>('a', 'b', 'aa', '0', '1', '-1', '2', 'x', ' 1', '-5', '5', null, 'é');
const paths = [[], ['a'], ['a', 'b'], ['0'], ...fc.sample(fc.array(pathStep, { maxLength: 3 }), { seed: 7, numRuns: 40 })];
const newValues = ['9', '"s"', 'null', '[1]', '{"k":2}'];

/** A tiny seeded PRNG, for deriving sub-documents deterministically. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random part of `v` (often contained in it), as JSON text. */
function derive(v: JsonbValue, r: () => number): JsonbValue {
  if (v instanceof JsonbObject) {
    const entries = [...v.entries()].filter(() => r() < 0.6).map(([k, x]) => [k, r() < 0.7 ? derive(x, r) : x] as const);
    return JsonbObject.fromEntries(entries);
  }
  if (Array.isArray(v)) {
    const a = v as readonly JsonbValue[];
    const out: JsonbValue[] = [];
    for (const x of a) if (r() < 0.6) out.push(r() < 0.7 ? derive(x, r) : x);
    if (a.length > 0 && r() < 0.2) out.push(a[Math.floor(r() * a.length)]);
    return Object.freeze(out.reverse());
  }
  return r() < 0.1 ? 'changed' : v;
}

const text = (v: JsonbValue | null): string | null => (v === null ? null : jsonbToText(v));
const bool = (b: boolean): string => (b ? 'true' : 'false');

async function check(cases: [string, () => string | null][]): Promise<void> {
  const expected = await oracle.tryExpr(cases.map(([sql]) => sql));
  const actual: Outcome[] = cases.map(([, fn]) => faux(fn));
  const diffs = cases
    .map(([sql], i) => ({ sql, expected: expected[i], actual: actual[i] }))
    .filter((d) => JSON.stringify(d.expected) !== JSON.stringify(d.actual));
  expect(diffs.slice(0, 10).map((d) => d.sql)).toEqual([]);
}

describe('jsonb access operators', () => {
  it('->, ->> with keys and indexes', async () => {
    const cases: [string, () => string | null][] = [];
    for (const d of docs) {
      const v = parseJsonb(d);
      for (const k of keys) {
        cases.push([`${lit(d)}::jsonb -> ${lit(k)}`, () => text(jsonbGetField(v, k))]);
        cases.push([`${lit(d)}::jsonb ->> ${lit(k)}`, () => jsonbGetFieldText(v, k)]);
      }
      for (const i of ints) {
        cases.push([`${lit(d)}::jsonb -> ${i}`, () => text(jsonbGetElement(v, i))]);
        cases.push([`${lit(d)}::jsonb ->> ${i}`, () => jsonbGetElementText(v, i)]);
      }
    }
    await check(cases);
  });

  it('#>, #>> with paths', async () => {
    const cases: [string, () => string | null][] = [];
    for (const d of docs) {
      const v = parseJsonb(d);
      for (const p of paths) {
        cases.push([`${lit(d)}::jsonb #> ${litArray(p)}`, () => text(jsonbGetPath(v, p))]);
        cases.push([`${lit(d)}::jsonb #>> ${litArray(p)}`, () => jsonbGetPathText(v, p)]);
      }
    }
    await check(cases);
  });

  it('?, ?|, ?&', async () => {
    const keyLists = [[], ['a'], ['a', 'b'], ['x', null], [null], ['a', null, 'é'], ['1', 'aa']];
    const cases: [string, () => string | null][] = [];
    for (const d of [...docs, '["a","b",1]', '"a"', '[["a"]]', '{"x":{"a":1}}']) {
      const v = parseJsonb(d);
      for (const k of keys) cases.push([`${lit(d)}::jsonb ? ${lit(k)}`, () => bool(jsonbExists(v, k))]);
      for (const l of keyLists) {
        cases.push([`${lit(d)}::jsonb ?| ${litArray(l)}`, () => bool(jsonbExistsAny(v, l))]);
        cases.push([`${lit(d)}::jsonb ?& ${litArray(l)}`, () => bool(jsonbExistsAll(v, l))]);
      }
    }
    await check(cases);
  });
});

describe('jsonb containment', () => {
  it('@> and <@ on documents and their parts', async () => {
    const r = rng(42);
    const cases: [string, () => string | null][] = [];
    docs.forEach((d, i) => {
      const a = parseJsonb(d);
      const others = [derive(a, r), derive(a, r), parseJsonb(docs[(i * 13 + 5) % docs.length])];
      if (Array.isArray(a) && a.length > 0) others.push((a as readonly JsonbValue[])[0]);
      for (const b of others) {
        const bt = jsonbToText(b);
        cases.push([`${lit(d)}::jsonb @> ${lit(bt)}::jsonb`, () => bool(jsonbContains(a, b))]);
        cases.push([`${lit(d)}::jsonb <@ ${lit(bt)}::jsonb`, () => bool(jsonbContained(a, b))]);
      }
    });
    const fixed: [string, string][] = [
      ['{"a":[1,2]}', '{"a":1}'], ['[[1,2]]', '[1]'], ['[1,[2]]', '[2]'], ['["foo","bar"]', '"foo"'], ['"foo"', '["foo"]'],
      ['1', '1.0'], ['[[1]]', '1'], ['{"a":1}', '"a"'], ['[1,1]', '[1,1,1]'], ['[{"a":1}]', '{"a":1}'], ['[1]', '[[]]'],
      ['[{}]', '[[]]'], ['1', '[]'], ['[]', '1'], ['{}', '[]'], ['null', '[null]'], ['[null]', 'null'], ['[[1,2],[3]]', '[[1,3]]'],
    ];
    for (const [x, y] of fixed) {
      cases.push([`${lit(x)}::jsonb @> ${lit(y)}::jsonb`, () => bool(jsonbContains(parseJsonb(x), parseJsonb(y)))]);
    }
    await check(cases);
  });
});

describe('jsonb modification', () => {
  it('||, - text, - int, - text[]', async () => {
    const cases: [string, () => string | null][] = [];
    docs.forEach((d, i) => {
      const v = parseJsonb(d);
      const o = docs[(i * 7 + 3) % docs.length];
      cases.push([`${lit(d)}::jsonb || ${lit(o)}::jsonb`, () => text(jsonbConcat(v, parseJsonb(o)))]);
      for (const k of keys.slice(0, 4)) cases.push([`${lit(d)}::jsonb - ${lit(k)}`, () => text(jsonbDeleteKey(v, k))]);
      for (const n of ints) cases.push([`${lit(d)}::jsonb - ${n}`, () => text(jsonbDeleteIndex(v, n))]);
      for (const l of [[], ['a', 'b'], ['a', null]]) {
        cases.push([`${lit(d)}::jsonb - ${litArray(l)}`, () => text(jsonbDeleteKeys(v, l))]);
      }
    });
    await check(cases);
  });

  it('#-, jsonb_set, jsonb_insert', async () => {
    const cases: [string, () => string | null][] = [];
    docs.forEach((d, i) => {
      const v = parseJsonb(d);
      for (const p of paths.filter((_, j) => (i + j) % 3 === 0)) {
        const nv = newValues[(i + p.length) % newValues.length];
        const n = parseJsonb(nv);
        cases.push([`${lit(d)}::jsonb #- ${litArray(p)}`, () => text(jsonbDeletePath(v, p))]);
        cases.push([`jsonb_set(${lit(d)}, ${litArray(p)}, ${lit(nv)})`, () => text(jsonbSet(v, p, n))]);
        cases.push([`jsonb_set(${lit(d)}, ${litArray(p)}, ${lit(nv)}, false)`, () => text(jsonbSet(v, p, n, false))]);
        cases.push([`jsonb_insert(${lit(d)}, ${litArray(p)}, ${lit(nv)})`, () => text(jsonbInsert(v, p, n))]);
        cases.push([`jsonb_insert(${lit(d)}, ${litArray(p)}, ${lit(nv)}, true)`, () => text(jsonbInsert(v, p, n, true))]);
      }
    });
    await check(cases);
  });

  it('jsonb_strip_nulls with and without strip_in_arrays', async () => {
    const cases: [string, () => string | null][] = [];
    for (const d of [...docs, '[null,[null],1]', '{"a":null,"b":[null,{"c":null}]}']) {
      const v = parseJsonb(d);
      cases.push([`jsonb_strip_nulls(${lit(d)})`, () => text(jsonbStripNulls(v))]);
      cases.push([`jsonb_strip_nulls(${lit(d)}, true)`, () => text(jsonbStripNulls(v, true))]);
    }
    await check(cases);
  });
});
