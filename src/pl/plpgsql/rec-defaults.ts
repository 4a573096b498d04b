/**
 * Defaults of composite and record variables. libpg-query's printed PL/pgSQL tree drops the
 * `default_val` (and the CONSTANT / NOT NULL flags) of PLpgSQL_rec datums, so a declaration like
 * `p address := ROW('Main St', 'Springfield')` would silently start as NULL. This reads them back
 * from the declaration text (the datum's line in the body) and puts them where the tree has them
 * for scalar variables.
 *
 * Postgres counterpart: decl_statement in src/pl/plpgsql/src/pl_gram.y.
 */
import type { PlNode } from './tree.js';

/** Text with string literals, comments and parenthesized parts blanked (same length); quoted identifiers stay. */
function topLevel(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '"' && depth === 0) {
      const j = text.indexOf('"', i + 1);
      const end = j < 0 ? text.length : j + 1;
      out += text.slice(i, end);
      i = end;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < text.length && !(text[j] === c && text[j + 1] !== c)) j += text[j] === c ? 2 : 1;
      out += ' '.repeat(Math.min(j + 1, text.length) - i);
      i = j + 1;
    } else if (c === '-' && text[i + 1] === '-') {
      const j = text.indexOf('\n', i);
      const end = j < 0 ? text.length : j;
      out += ' '.repeat(end - i);
      i = end;
    } else if (c === '$') {
      const m = /^\$[A-Za-z_]*\$/.exec(text.slice(i));
      if (!m) {
        out += depth ? ' ' : c;
        i++;
        continue;
      }
      const close = text.indexOf(m[0], i + m[0].length);
      const end = close < 0 ? text.length : close + m[0].length;
      out += ' '.repeat(end - i);
      i = end;
    } else {
      if (c === '(') depth++;
      out += depth ? ' ' : c;
      if (c === ')') depth = Math.max(0, depth - 1);
      i++;
    }
  }
  return out;
}

/** The declaration `name ... ;` that starts on body line `lineno`, or undefined. */
function declarationText(body: string, lineno: number, name: string): string | undefined {
  let start = 0;
  for (let l = 1; l < lineno; l++) {
    const nl = body.indexOf('\n', start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const masked = topLevel(body);
  const ident = /^[a-z_][a-z0-9_$]*$/.test(name) ? name.replace(/\$/g, '\\$') : `"${name.replace(/"/g, '""')}"`;
  const re = new RegExp(`(^|[\\s;])(${ident})(?![\\w$])`, /^[a-z_]/.test(name) ? 'gi' : 'g');
  re.lastIndex = start;
  const m = re.exec(masked);
  if (!m) return undefined;
  const from = m.index + m[1].length;
  const semi = masked.indexOf(';', from);
  return body.slice(from, semi < 0 ? body.length : semi);
}

/** Restores default_val / isconst / notnull of the record datums of a parsed function. */
export function restoreRecordDefaults(fn: PlNode, body: string): void {
  for (const d of (fn.datums ?? []) as PlNode[]) {
    const rec = d.PLpgSQL_rec as PlNode | undefined;
    if (!rec || rec.default_val || !rec.lineno || !rec.refname) continue;
    const decl = declarationText(body, rec.lineno as number, rec.refname as string);
    if (!decl) continue;
    const masked = topLevel(decl);
    const head = masked.slice((rec.refname as string).length);
    if (/^\s+constant\b/i.test(head)) rec.isconst = true;
    if (/\bnot\s+null\b/i.test(head)) rec.notnull = true;
    const m = /(:=|(?<![<>!:])=(?!=)|\bdefault\b)/i.exec(masked);
    if (!m) continue;
    const query = decl.slice(m.index + m[0].length).trim();
    if (query) rec.default_val = { PLpgSQL_expr: { query, parseMode: 2 } };
  }
}
