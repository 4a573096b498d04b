/**
 * ProjectSet: the set-returning calls of one level of a select list, advanced in lockstep for
 * each input row (PG 10+): the row is repeated while any call still yields, the calls that are
 * done give NULL; a row for which every call yields nothing produces no row. Their values are
 * appended to the input row at `base`.
 *
 * Postgres counterpart: src/backend/executor/nodeProjectSet.c (the rest of the target list is
 * the Project above it, or the next ProjectSet for nested calls; see plan/srf-split.ts).
 */
import type { FuncExpr, OpExpr } from '../nodes/primnodes.js';
import type { Value } from '../types/values.js';
import type { ExecContext, Row } from './context.js';
import type { CExpr } from './expr/compile.js';
import type { Plan } from './scan.js';

/** A set-returning call with its compiled arguments. */
export interface CompiledSrf {
  readonly args: readonly CExpr[];
  readonly f: FuncExpr | OpExpr;
}

export class ProjectSet implements Plan {
  readonly kind = 'ProjectSet';
  constructor(
    readonly input: Plan,
    readonly srfs: readonly CompiledSrf[],
    readonly base: number,
  ) {}

  *run(ctx: ExecContext, base: Row | undefined): Iterable<Row> {
    const n = this.srfs.length;
    const calls = this.srfs.map(({ f }) => ({ argTypes: f.args.map((a) => a.type), returnType: f.type, returnTypmod: f.typmod }));
    for (const row of this.input.run(ctx, base)) {
      const iters = this.srfs.map(({ args, f }, i) => {
        const vals = args.map((a) => a(row, ctx));
        if (f.fn.strict && vals.some((v) => v === null)) return undefined;
        const it = f.fn.fn(vals, ctx, calls[i]) as Iterable<Value> | null;
        return it === null ? undefined : it[Symbol.iterator]();
      });
      for (;;) {
        let any = false;
        const out = row.slice(0, this.base);
        out.length = this.base + n;
        for (let k = 0; k < n; k++) {
          const it = iters[k];
          let v: Value = null;
          if (it) {
            const r = it.next();
            if (r.done) iters[k] = undefined;
            else {
              any = true;
              v = r.value;
            }
          }
          out[this.base + k] = v;
        }
        if (!any) break;
        yield out;
      }
    }
  }
}
