/**
 * The run-time state of one PL/pgSQL call: the datum values (the parameter array every embedded
 * expression reads), the structure of each record variable, the statement being executed (for
 * CONTEXT lines), FOUND / ROW_COUNT, the error an exception handler is handling, and the rows
 * RETURN NEXT has produced.
 *
 * Postgres counterpart: PLpgSQL_execstate (src/pl/plpgsql/src/plpgsql.h).
 */
import type { Catalog } from '../../catalog/catalog.js';
import type { PgError } from '../../errors/pg-error.js';
import type { ExecContext } from '../../executor/context.js';
import { makeExecContext } from '../../session/run-select.js';
import type { Session } from '../../session/session.js';
import { OID } from '../../types/oids.js';
import { typeInfo } from '../../types/registry.js';
import type { Value } from '../../types/values.js';
import type { ContextFrame } from '../error-context.js';

/** The column structure of a record variable's current value. */
export interface RecDesc {
  readonly names: readonly string[];
  readonly types: readonly number[];
  readonly typmods: readonly number[];
  /** The named row type, or record for an anonymous structure. */
  readonly typeOid: number;
}

const rowtypeDescs = new WeakMap<Catalog, Map<number, RecDesc>>();

/** The structure of a named composite type (one object per catalog version, for identity checks). */
export function rowtypeDesc(cat: Catalog, typeOid: number): RecDesc {
  let m = rowtypeDescs.get(cat);
  if (!m) {
    m = new Map();
    rowtypeDescs.set(cat, m);
  }
  let d = m.get(typeOid);
  if (!d) {
    const info = typeInfo(cat, typeOid);
    const cols = info.relation !== undefined ? cat.relation(info.relation).columns.filter((c) => !c.dropped) : [];
    d = { names: cols.map((c) => c.name), types: cols.map((c) => c.type), typmods: cols.map((c) => c.typmod), typeOid };
    m.set(typeOid, d);
  }
  return d;
}

/** An anonymous structure (a query's columns). */
export function anonymousDesc(cols: readonly { name: string; type: number; typmod: number }[]): RecDesc {
  return { names: cols.map((c) => c.name), types: cols.map((c) => (c.type === OID.unknown ? OID.text : c.type)), typmods: cols.map((c) => c.typmod), typeOid: OID.record };
}

/** What a statement contributes to CONTEXT lines. */
export interface StmtInfo {
  readonly lineno: number;
  /** plpgsql_stmt_typename: `assignment`, `IF`, `SQL statement`, ... */
  readonly typename: string;
}

/** Control-flow outcome of a statement. */
export const Rc = {
  Ok: 0,
  Exit: 1,
  Continue: 2,
  Return: 3,
} as const;
export type Rc = (typeof Rc)[keyof typeof Rc];

/** The compiled function a frame runs (see compile.ts); only what frames need. */
export interface FrameOwner {
  /** `f(integer)` or `inline_code_block`. */
  readonly signature: string;
  readonly ndatums: number;
}

export class Frame implements ContextFrame {
  readonly values: Value[];
  readonly descs: (RecDesc | undefined)[];
  cur: StmtInfo | undefined;
  /** Set while initializing a variable (its line is reported). */
  errVarLine: number | undefined;
  /** Set for phases without a statement (`while casting return value ...`). */
  errText: string | undefined;
  rowCount = 0;
  /** The error the innermost running exception handler caught (RAISE;, GET STACKED DIAGNOSTICS). */
  handling: PgError | undefined;
  /** Rows of a set-returning function (RETURN NEXT / RETURN QUERY). */
  results: Value[] | undefined;
  retValue: Value = null;
  /** The type of retValue (cast to the result type at function exit). */
  retType: number = OID.unknown;
  /** The routine's OID (GET DIAGNOSTICS PG_ROUTINE_OID). */
  routineOid: number | undefined;
  /** The columns a set-returning function produces (RETURN QUERY checks them). */
  resultColumns: readonly { readonly type: number; readonly name?: string; readonly typmod?: number }[] | undefined;
  /** Turns a RETURN NEXT / RETURN QUERY value into a result row of the function (set per call). */
  resultValue: (v: Value, type: number) => Value = (v) => v;
  /** The label an EXIT / CONTINUE names (undefined: innermost loop). */
  exitLabel: string | undefined;
  private ctxCache: ExecContext | undefined;

  constructor(
    readonly owner: FrameOwner,
    readonly session: Session,
  ) {
    this.values = new Array<Value>(owner.ndatums).fill(null);
    this.descs = new Array<RecDesc | undefined>(owner.ndatums).fill(undefined);
  }

  /** An executor context whose parameters are this frame's values (fresh per-statement caches). */
  ctx(): ExecContext {
    let c = this.ctxCache;
    if (!c || c.txn !== this.session.txn || c.cache.size) {
      c = makeExecContext(this.session, this.values);
      this.ctxCache = c;
    }
    return c;
  }

  describe(): string | undefined {
    const sig = this.owner.signature;
    const line = this.errVarLine ?? this.cur?.lineno ?? 0;
    if (this.errText !== undefined) {
      return line > 0 ? `PL/pgSQL function ${sig} line ${line} ${this.errText}` : `PL/pgSQL function ${sig} ${this.errText}`;
    }
    if (this.cur && line > 0) return `PL/pgSQL function ${sig} line ${line} at ${this.cur.typename}`;
    return `PL/pgSQL function ${sig}`;
  }
}
