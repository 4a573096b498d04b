/**
 * A function-body statement whose WITH holds data-modifying queries (or an INSERT / UPDATE /
 * DELETE / MERGE with a WITH it cannot carry along): run as a top-level one is
 * (commands/dml.ts driveDmlCtes), with the body's variables as parameters. Each execution runs
 * the WITH queries, then analyzes and runs the rest of the statement over their RETURNING rows
 * (read as constants, so that part is planned afresh each time). The result columns are found
 * once, by a dry pass that prepares every part and runs none.
 *
 * Postgres counterpart: spi.c running a Query with p_hasModifyingCTE (the ModifyTable nodes of
 * the WITH queries under one plan).
 */
import type { RawStatement } from '../parser/parse.js';
import type { Session } from '../session/session.js';
import type { StatementResult } from '../session/dispatch.js';
import type { Value } from '../types/values.js';
import type { Row } from '../executor/context.js';
import { driveDmlCtes, executeSpiDml, prepareDmlForSpi, type CteRunner } from '../commands/dml.js';
import type { SpiOptions, SpiPlan } from './spi.js';

type AnyNode = Record<string, any>;
type Prepare = (session: Session, raw: RawStatement, opts: SpiOptions) => SpiPlan;

function fieldsOf(plan: SpiPlan): StatementResult['fields'] {
  return plan.columns.map((c) => ({ name: c.name, dataTypeID: c.type, dataTypeModifier: c.typmod }) as StatementResult['fields'][number]);
}

/** Runs (or, without `params`, only prepares) every part; the main part's plan and result. */
function drive(session: Session, raw: RawStatement, kind: string, body: AnyNode, opts: SpiOptions, prepare: Prepare, params: readonly Value[] | undefined): { plan: SpiPlan; rows: Row[]; rowCount: number } {
  const sub = (stmt: AnyNode): RawStatement => ({ stmt: stmt as RawStatement['stmt'], location: raw.location, text: raw.text });
  const runner: CteRunner = {
    runDml(k, cb, deferred) {
      const p = prepareDmlForSpi(session, k, cb, raw.text, [...opts.paramTypes], opts.hook);
      if (!params) return { returning: !!p.returning, result: { command: p.kind.toUpperCase(), rowCount: 0, fields: p.returning?.fields ?? [], rows: [] } };
      return { returning: !!p.returning, result: executeSpiDml(session, p, params, deferred) };
    },
    runSelect(select) {
      const plan = prepare(session, sub({ SelectStmt: select }), { paramTypes: opts.paramTypes, hook: opts.hook, errorText: opts.errorText, errorDelta: opts.errorDelta });
      const rows = params ? plan.execute(session, params).rows : [];
      return { command: 'SELECT', rowCount: rows.length, fields: fieldsOf(plan), rows: rows as Value[][] };
    },
  };
  let main: { plan: SpiPlan; rows: Row[]; rowCount: number } | undefined;
  driveDmlCtes(session, kind, body, raw.text, runner, (k, b) => {
    const plan = prepare(session, sub({ [k]: b }), { ...opts, forCursor: false });
    const r = params ? plan.execute(session, params) : { rows: [], rowCount: 0 };
    main = { plan, rows: r.rows, rowCount: r.rowCount };
    return { command: plan.command, rowCount: r.rowCount, fields: fieldsOf(plan), rows: r.rows as Value[][] };
  });
  return main!;
}

/** The SpiPlan of such a statement (`prepare` is spi.ts's prepareSpi, for its parts). */
export function withDmlPlan(session: Session, raw: RawStatement, kind: string, body: AnyNode, opts: SpiOptions, prepare: Prepare): SpiPlan {
  const dry = drive(session, raw, kind, body, opts, prepare, undefined).plan;
  const execute = (s: Session, params: readonly Value[]) => {
    const r = drive(s, raw, kind, body, opts, prepare, params);
    return { rows: r.rows, rowCount: r.rowCount };
  };
  return {
    command: dry.command,
    columns: dry.columns,
    returnsRows: dry.returnsRows,
    catalogVersion: dry.catalogVersion,
    mutable: true,
    execute,
    iterate: (s, params) => execute(s, params).rows,
  };
}
