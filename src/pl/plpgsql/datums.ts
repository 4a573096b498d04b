/**
 * The datums of a PL/pgSQL function (variables, records, rows of INTO targets, record fields)
 * as libpg-query lists them, and which block declares each one. The printed tree does not say
 * which DECLARE section a variable belongs to, so this walks the body in source order: datums
 * created implicitly (FOR-loop variables, INTO rows, record fields, sqlstate/sqlerrm of
 * handlers, CASE temporaries, cursor arguments) are recognised from the statements that create
 * them; the remaining ones belong to the block whose BEGIN line follows their declaration.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_comp.c (plpgsql_build_variable and friends) and
 * the namespace handling of pl_funcs.c.
 */
import { dnoOf, plKind, stmtList, type PlNode } from './tree.js';

export interface RawDatum {
  readonly dno: number;
  readonly kind: 'var' | 'rec' | 'row' | 'recfield';
  readonly body: PlNode;
  readonly name: string;
  readonly lineno: number;
}

/** Reads the datum list. */
export function readDatums(fn: PlNode): RawDatum[] {
  return ((fn.datums ?? []) as PlNode[]).map((d, dno) => {
    const [k, b] = plKind(d);
    const kind = k === 'PLpgSQL_var' ? 'var' : k === 'PLpgSQL_rec' ? 'rec' : k === 'PLpgSQL_row' ? 'row' : 'recfield';
    return { dno, kind, body: b, name: b.refname ?? b.fieldname ?? '', lineno: b.lineno ?? 0 };
  });
}

/** Block statement body → the dnos it declares. */
export type BlockDecls = Map<PlNode, number[]>;

/** For statements that create datums: the dno each created (FOR loop vars, handler variables). */
export interface ImplicitDatums {
  /** fori statement body → its loop variable. */
  readonly loopVars: Map<PlNode, number>;
  /** exception block body → [sqlstate, sqlerrm]. */
  readonly handlerVars: Map<PlNode, [number, number]>;
  /** Blocks and what they declare. */
  readonly blockDecls: BlockDecls;
  /** Blocks and the `name ALIAS FOR $n / var` declarations in their DECLARE section. */
  readonly blockAliases: Map<PlNode, PlAlias[]>;
}

/** `name ALIAS FOR target`: another name for datum `varno` (libpg-query lists them per function). */
export interface PlAlias {
  readonly name: string;
  readonly varno: number;
  readonly lineno: number;
}

/** Everything inside a statement, in source order, calling `visit` on statements before their children. */
function walk(list: PlNode[] | undefined, visit: (kind: string, body: PlNode) => void): void {
  for (const s of stmtList(list)) {
    const [k, b] = plKind(s);
    visit(k, b);
    switch (k) {
      case 'PLpgSQL_stmt_block':
        walk(b.body, visit);
        if (b.exceptions) {
          visit('exceptions', b.exceptions.PLpgSQL_exception_block);
          for (const h of b.exceptions.PLpgSQL_exception_block.exc_list ?? []) walk(h.PLpgSQL_exception.action, visit);
        }
        break;
      case 'PLpgSQL_stmt_if':
        walk(b.then_body, visit);
        for (const e of b.elsif_list ?? []) walk(e.PLpgSQL_if_elsif.stmts, visit);
        walk(b.else_body, visit);
        break;
      case 'PLpgSQL_stmt_case':
        for (const w of b.case_when_list ?? []) walk(w.PLpgSQL_case_when.stmts, visit);
        walk(b.else_stmts, visit);
        break;
      case 'PLpgSQL_stmt_loop':
      case 'PLpgSQL_stmt_while':
      case 'PLpgSQL_stmt_fori':
      case 'PLpgSQL_stmt_fors':
      case 'PLpgSQL_stmt_forc':
      case 'PLpgSQL_stmt_foreach_a':
      case 'PLpgSQL_stmt_dynfors':
        walk(b.body, visit);
        break;
    }
  }
}

/**
 * Assigns every datum after the function-level ones (parameters, FOUND, trigger variables) to
 * the block that declares it or the statement that creates it.
 */
export function assignDatums(datums: readonly RawDatum[], firstBodyDatum: number, action: PlNode, aliases: readonly PlAlias[] = []): ImplicitDatums {
  const implicit = new Set<number>();
  for (const d of datums) {
    if (d.dno < firstBodyDatum) continue;
    if (d.kind === 'recfield' || d.kind === 'row') implicit.add(d.dno);
    if (d.kind === 'var' && /^__Case__Variable_\d+__$/.test(d.name)) implicit.add(d.dno);
    if (d.kind === 'var' && (d.body.cursor_explicit_argrow ?? -1) >= 0) {
      const row = datums[d.body.cursor_explicit_argrow];
      for (const f of row?.body.fields ?? []) if (f) implicit.add(f.varno ?? 0);
    }
  }
  const loopVars = new Map<PlNode, number>();
  const handlerVars = new Map<PlNode, [number, number]>();
  const claimed = new Set<number>();
  const claim = (pred: (d: RawDatum) => boolean): number | undefined => {
    for (const d of datums) {
      if (d.dno < firstBodyDatum || claimed.has(d.dno) || !pred(d)) continue;
      claimed.add(d.dno);
      implicit.add(d.dno);
      return d.dno;
    }
    return undefined;
  };
  walk([action], (k, b) => {
    if (k === 'PLpgSQL_stmt_fori') {
      const v = b.var.PLpgSQL_var;
      const dno = claim((d) => d.kind === 'var' && d.name === v.refname && d.lineno === (v.lineno ?? 0));
      if (dno !== undefined) loopVars.set(b, dno);
    } else if (k === 'PLpgSQL_stmt_forc') {
      const dno = dnoOf(b.var.PLpgSQL_rec ?? {});
      claimed.add(dno);
      implicit.add(dno);
    } else if (k === 'exceptions') {
      const st = claim((d) => d.kind === 'var' && d.name === 'sqlstate' && !!d.body.isconst);
      const em = claim((d) => d.kind === 'var' && d.name === 'sqlerrm' && !!d.body.isconst);
      if (st !== undefined && em !== undefined) handlerVars.set(b, [st, em]);
    }
  });
  const declared = datums.filter((d) => d.dno >= firstBodyDatum && !implicit.has(d.dno));
  const blockDecls: BlockDecls = new Map();
  const blockAliases = new Map<PlNode, PlAlias[]>();
  // (aliases go to blocks by line as declarations do: a DECLARE section precedes its BEGIN line)
  const pending = [...aliases].sort((a, b) => a.lineno - b.lineno);
  let cursor = 0;
  let aliasCursor = 0;
  walk([action], (k, b) => {
    if (k !== 'PLpgSQL_stmt_block') return;
    const line = b.lineno ?? 0;
    const mine: number[] = [];
    while (cursor < declared.length && declared[cursor].lineno <= line) mine.push(declared[cursor++].dno);
    blockDecls.set(b, mine);
    const own: PlAlias[] = [];
    while (aliasCursor < pending.length && pending[aliasCursor].lineno <= line) own.push(pending[aliasCursor++]);
    if (own.length) blockAliases.set(b, own);
  });
  return { loopVars, handlerVars, blockDecls, blockAliases };
}
