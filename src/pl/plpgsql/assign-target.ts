/**
 * The left side of a PL/pgSQL assignment as written (`x`, `rec.field`, `label.x`, `a[i]`,
 * `a[i][j]`): where the expression starts, and the subscript texts, found by scanning the
 * statement text (the tree only names the target datum).
 *
 * Postgres counterpart: the PLAssignStmt grammar in src/backend/parser/gram.y (plassign_target,
 * opt_indirection) as used by pl_gram.y.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';

export interface AssignTarget {
  /** Dotted name parts as written (lower-cased unless quoted). */
  readonly names: readonly string[];
  /** Subscript texts with their offsets in the assignment text. */
  readonly subscripts: readonly { readonly text: string; readonly offset: number; readonly slice: boolean }[];
  /** Offset of the value expression in the assignment text. */
  readonly exprOffset: number;
}

/** Splits `target := expr` (or `target = expr`). */
export function parseAssignTarget(text: string): AssignTarget {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && /\s/.test(text[i])) i++;
  };
  const names: string[] = [];
  const subscripts: { text: string; offset: number; slice: boolean }[] = [];
  ws();
  for (;;) {
    if (text[i] === '"') {
      let j = i + 1;
      let s = '';
      while (j < n) {
        if (text[j] === '"' && text[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (text[j] === '"') break;
        else s += text[j++];
      }
      names.push(s);
      i = j + 1;
    } else {
      const m = /^[A-Za-z_\u0080-\uffff$][A-Za-z0-9_$\u0080-\uffff]*/.exec(text.slice(i));
      if (!m) break;
      names.push(m[0].toLowerCase());
      i += m[0].length;
    }
    ws();
    if (text[i] === '.') {
      i++;
      ws();
      continue;
    }
    break;
  }
  while (text[i] === '[') {
    let depth = 0;
    const start = i + 1;
    let colon = -1;
    for (; i < n; i++) {
      const c = text[i];
      if (c === "'") {
        i = text.indexOf("'", i + 1);
        if (i < 0) i = n;
        continue;
      }
      if (c === '[' || c === '(') depth++;
      else if (c === ']' || c === ')') {
        depth--;
        if (depth === 0) break;
      } else if (c === ':' && depth === 1) colon = i;
    }
    subscripts.push({ text: text.slice(start, i), offset: start, slice: colon >= 0 });
    i++;
    ws();
  }
  if (text.startsWith(':=', i)) i += 2;
  else if (text[i] === '=') i += 1;
  else throw new PgError(SQLSTATE.syntax_error, `syntax error at or near "${text.slice(i, i + 1)}"`);
  ws();
  return { names, subscripts, exprOffset: i };
}
