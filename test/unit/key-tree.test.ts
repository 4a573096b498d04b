/**
 * The index b+tree against a model (a sorted array of entries): random inserts, deletes, clones,
 * prunes, lookups and forward/reverse range scans, including writes while an iterator is open.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IndexStore, MAX_BOUND, MIN_BOUND, type Bound, type IndexColumnOrder } from '../../src/storage/index-store.js';
import type { Value } from '../../src/types/values.js';

const num = (a: Value, b: Value): number => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
const str = (a: Value, b: Value): number => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0);

type Entry = [Value[], number];

function modelCompare(cols: readonly IndexColumnOrder[], a: readonly Bound[], b: readonly Bound[]): number {
  for (let i = 0; i < cols.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === MIN_BOUND || y === MAX_BOUND) return -1;
    if (y === MIN_BOUND || x === MAX_BOUND) return 1;
    const col = cols[i];
    let c: number;
    if (x === null) c = col.nullsFirst ? -1 : 1;
    else if (y === null) c = col.nullsFirst ? 1 : -1;
    else c = col.descending ? -col.compare(x as Value, y as Value) : col.compare(x as Value, y as Value);
    if (c !== 0) return c;
  }
  return 0;
}

type Op =
  | { op: 'insert'; key: (number | null)[] }
  | { op: 'delete'; pick: number }
  | { op: 'clone' }
  | { op: 'prune'; mod: number }
  | { op: 'scan'; key: (number | null)[]; prefix: number; reverse: boolean; writeEvery: number };

const LAYOUTS: { name: string; cols: IndexColumnOrder[] }[] = [
  { name: 'one int column', cols: [{ compare: num, descending: false, nullsFirst: false, plain: true }] },
  { name: 'one int column DESC NULLS LAST', cols: [{ compare: num, descending: true, nullsFirst: false, plain: true }] },
  { name: 'one text column', cols: [{ compare: str, descending: false, nullsFirst: true }] },
  {
    name: 'two columns',
    cols: [
      { compare: num, descending: false, nullsFirst: false, plain: true },
      { compare: num, descending: true, nullsFirst: true, plain: true },
    ],
  },
];

function keyArb(width: number, text: boolean): fc.Arbitrary<(number | null)[]> {
  return fc.array(fc.option(fc.integer({ min: 0, max: 40 }), { freq: 8 }), { minLength: width, maxLength: width }).map((k) => (text ? k.map((v) => (v === null ? null : (`k${String(v).padStart(2, '0')}` as never))) : k));
}

describe('KeyTree (index b+tree) matches a sorted-array model', () => {
  for (const { name, cols } of LAYOUTS) {
    it(name, () => {
      const text = cols[0].compare === str;
      const width = cols.length;
      const opArb: fc.Arbitrary<Op> = fc.oneof(
        { weight: 10, arbitrary: keyArb(width, text).map((key) => ({ op: 'insert' as const, key })) },
        { weight: 3, arbitrary: fc.nat().map((pick) => ({ op: 'delete' as const, pick })) },
        { weight: 1, arbitrary: fc.constant({ op: 'clone' as const }) },
        { weight: 1, arbitrary: fc.integer({ min: 2, max: 5 }).map((mod) => ({ op: 'prune' as const, mod })) },
        {
          weight: 3,
          arbitrary: fc.record({ key: keyArb(width, text), prefix: fc.integer({ min: 0, max: width }), reverse: fc.boolean(), writeEvery: fc.integer({ min: 0, max: 7 }) }).map((r) => ({ op: 'scan' as const, ...r })),
        },
      );
      fc.assert(
        fc.property(fc.array(opArb, { maxLength: 400 }), (ops) => {
          let store = new IndexStore(cols);
          let model: Entry[] = [];
          const others: { store: IndexStore; model: Entry[] }[] = [];
          const cmpEntry = (a: Entry, b: Entry) => modelCompare(cols, a[0], b[0]) || a[1] - b[1];
          let tid = 1;
          for (const o of ops) {
            if (o.op === 'insert') {
              const e: Entry = [o.key as Value[], tid++];
              store.insert(e[0], e[1]);
              model.push(e);
              model.sort(cmpEntry);
            } else if (o.op === 'delete') {
              if (model.length === 0) continue;
              const [e] = model.splice(o.pick % model.length, 1);
              store.remove(e[0], e[1]);
            } else if (o.op === 'clone') {
              // The clone must stay as it was while the original goes on changing (and vice versa).
              others.push({ store: store.clone(), model: model.slice() });
              if (others.length % 2 === 0) {
                const swap = others[others.length - 1];
                others[others.length - 1] = { store, model };
                ({ store, model } = swap);
              }
            } else if (o.op === 'prune') {
              store.removeTids((t) => t % o.mod === 0);
              model = model.filter((e) => e[1] % o.mod !== 0);
            } else {
              const prefixKey = o.key.slice(0, o.prefix);
              const lo: Bound[] = [...prefixKey];
              const hi: Bound[] = [...prefixKey];
              while (lo.length < width) lo.push(MIN_BOUND);
              while (hi.length < width) hi.push(MAX_BOUND);
              const expected = model.filter((e) => modelCompare(cols, e[0], lo) >= 0 && modelCompare(cols, e[0], hi) <= 0);
              if (o.reverse) expected.reverse();
              // Writes during the scan (entries far away): the iterator must neither skip nor repeat.
              const got: number[] = [];
              const startTid = tid;
              let n = 0;
              for (const [, t] of store.range(lo, hi, o.reverse)) {
                got.push(t);
                if (o.writeEvery > 0 && t < startTid && ++n % o.writeEvery === 0) {
                  const far: Entry = [Array.from({ length: width }, () => (text ? ('zz' as never) : 1000)) as Value[], tid++];
                  store.insert(far[0], far[1]);
                  model.push(far);
                  model.sort(cmpEntry);
                }
              }
              // Entries inserted during the scan may come out or not (Postgres's scans skip them by
              // visibility); the others must come out exactly once, in order.
              expect(new Set(got).size).toBe(got.length);
              expect(got.filter((t) => t < startTid)).toEqual(expected.map((e) => e[1]));
              if (o.prefix === width) {
                const full = o.key.slice(0, width) as Value[];
                const eq = model.filter((e) => modelCompare(cols, e[0], full) === 0).map((e) => e[1]);
                expect(store.lookup(full)).toEqual(eq);
              }
            }
            expect(store.size).toBe(model.length);
          }
          expect([...store.entries()].map((e) => e[1])).toEqual(model.map((e) => e[1]));
          for (const o of others) expect([...o.store.entries()].map((e) => e[1])).toEqual(o.model.map((e) => e[1]));
        }),
        { seed: 42, numRuns: 150 },
      );
    });
  }
});

describe('KeyTree at depth 3', () => {
  it('keeps order through 30,000 inserts, 10,000 deletes, clones and a prune', () => {
    const cols: IndexColumnOrder[] = [{ compare: num, descending: false, nullsFirst: false, plain: true }];
    const store = new IndexStore(cols);
    const model = new Map<number, number>();
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const clones: { store: IndexStore; tids: number[] }[] = [];
    const sortedTids = () => [...model].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map((e) => e[0]);
    for (let tid = 1; tid <= 30000; tid++) {
      const k = Math.floor(rand() * 5000);
      store.insert([k], tid);
      model.set(tid, k);
      if (tid % 3 === 0) {
        const victim = 1 + Math.floor(rand() * tid);
        const vk = model.get(victim);
        if (vk !== undefined) {
          store.remove([vk], victim);
          model.delete(victim);
        }
      }
      if (tid % 10000 === 0) clones.push({ store: store.clone(), tids: sortedTids() });
    }
    expect(store.size).toBe(model.size);
    expect([...store.entries()].map((e) => e[1])).toEqual(sortedTids());
    const back = [...store.range([MIN_BOUND], [MAX_BOUND], true)].map((e) => e[1]);
    expect(back).toEqual(sortedTids().reverse());
    expect(store.lookup([1234])).toEqual(sortedTids().filter((t) => model.get(t) === 1234));
    store.removeTids((t) => t % 2 === 0);
    for (const t of [...model.keys()]) if (t % 2 === 0) model.delete(t);
    expect([...store.entries()].map((e) => e[1])).toEqual(sortedTids());
    for (const c of clones) expect([...c.store.entries()].map((e) => e[1])).toEqual(c.tids);
  });
});
