/**
 * Splits a .sql file into statements the way psql does when it reads a script, so that the
 * recorder (talking to real Postgres) and the runner (talking to fauxgres) send the same texts.
 *
 * Postgres counterpart: psql's lexer, src/fe_utils/psqlscan.l (behaviour re-implemented here from
 * its documented rules, not from its code).
 *
 * Rules, as psql applies them:
 * - A `;` ends a statement only outside quotes and comments, and outside a `BEGIN ... END` body of
 *   `CREATE [OR REPLACE] FUNCTION|PROCEDURE` (SQL-standard bodies, `BEGIN ATOMIC`).
 * - One deliberate difference: psql also ignores `;` inside parentheses (for CREATE RULE's
 *   `(action; action)` lists), so one unbalanced `(` in a syntax-error test would swallow the
 *   rest of the file. Here parentheses do not matter (they only guard the BEGIN ... END
 *   heuristic), so `INSERT INTO t (a VALUES (1);` is one statement, as its author meant; except
 *   in `CREATE [OR REPLACE] RULE`, whose `(action; action)` list keeps its `;` as in psql.
 * - Quotes: `'...'` with `''` (backslash is literal: standard_conforming_strings is on),
 *   `E'...'` with backslash escapes, `U&'...'`, `B'...'`, `X'...'`, `N'...'`, `"..."` identifiers
 *   with `""`, dollar quotes `$tag$...$tag$` (`$1` is a parameter, and `a$b$` is one identifier
 *   because identifiers may contain `$`).
 * - Comments: `--` to end of line, `/* ... *\/` nested.
 * - Leading whitespace and leading `--` comments are not part of a statement (psql drops them);
 *   block comments and comments inside a statement are kept. The terminating `;` and trailing
 *   whitespace are not part of the text. Empty statements (`;;`) are skipped.
 * - At end of input, an unterminated statement (even inside an open quote) is still returned,
 *   as psql sends the rest of its buffer when a script ends. An unterminated quote therefore
 *   swallows everything after it: tests of unterminated quotes go last in their file.
 *
 * Known gaps: psql backslash meta-commands (`\set`, `\gset`, ...) and `:variable` interpolation
 * are not recognised; a line starting with `\` is just text.
 */

/** One statement of a script. */
export interface SqlStatement {
  /** The statement text as sent to the server (see the rules above). */
  readonly text: string;
  /** 1-based line in the file where the statement text starts. */
  readonly line: number;
  /** 0-based character offset in the file where the statement text starts. */
  readonly offset: number;
}

const isIdentStart = (c: string): boolean => /[A-Za-z_\u0080-\uffff]/.test(c);
const isIdentCont = (c: string): boolean => /[A-Za-z0-9_$\u0080-\uffff]/.test(c);

/**
 * Tracks psql's heuristic for SQL-standard function bodies: only inside
 * `CREATE [OR REPLACE] FUNCTION|PROCEDURE`, at paren depth 0, BEGIN opens a block, CASE opens one
 * when already inside a block, and END closes one.
 */
class BodyDepth {
  private words: string[] = [];
  depth = 0;

  reset(): void {
    this.words = [];
    this.depth = 0;
  }

  private inRoutineDefinition(): boolean {
    const w = this.words;
    if (w[0] !== 'create') return false;
    if (w[1] === 'function' || w[1] === 'procedure') return true;
    return w[1] === 'or' && w[2] === 'replace' && (w[3] === 'function' || w[3] === 'procedure');
  }

  word(word: string, parenDepth: number): void {
    const lower = word.toLowerCase();
    if (this.words.length < 4) this.words.push(lower);
    if (!this.inRoutineDefinition() || parenDepth !== 0) return;
    if (lower === 'begin') this.depth++;
    else if (lower === 'case' && this.depth > 0) this.depth++;
    else if (lower === 'end' && this.depth > 0) this.depth--;
  }
}

/** Returns the index just past the quoted run that starts at `i` (the opening quote char). */
function skipQuoted(src: string, i: number, quote: string, backslashEscapes: boolean): number {
  let j = i + 1;
  while (j < src.length) {
    const c = src[j];
    if (backslashEscapes && c === '\\') {
      j += 2;
      continue;
    }
    if (c === quote) {
      if (src[j + 1] === quote) {
        j += 2;
        continue;
      }
      return j + 1;
    }
    j++;
  }
  return src.length;
}

/** Returns the index just past a nested block comment starting at `i` (`/*`). */
function skipBlockComment(src: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < src.length) {
    if (src.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (src.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else {
      j++;
    }
  }
  return src.length;
}

/** If a dollar-quote opening tag starts at `i`, returns the tag (e.g. `$fn$`), else undefined. */
function dollarTagAt(src: string, i: number): string | undefined {
  const m = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(src.slice(i, i + 64));
  return m ? m[0] : undefined;
}

/**
 * Splits `source` into statements.
 *
 * @example
 * splitSql("SELECT 1; SELECT ';';\n-- c\nSELECT $$a;b$$")
 * // → texts: ['SELECT 1', "SELECT ';'", 'SELECT $$a;b$$']
 */
export function splitSql(source: string): SqlStatement[] {
  const out: SqlStatement[] = [];
  const body = new BodyDepth();
  let start = -1; // offset of the current statement's first significant char, -1 if none yet
  let parenDepth = 0;
  let i = 0;

  const begin = (at: number): void => {
    if (start < 0) start = at;
  };
  const finish = (end: number): void => {
    if (start >= 0) {
      const text = source.slice(start, end).replace(/\s+$/u, '');
      if (text.length > 0) out.push({ text, line: lineOf(source, start), offset: start });
    }
    start = -1;
    parenDepth = 0;
    body.reset();
  };

  while (i < source.length) {
    const c = source[i];
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '-' && source[i + 1] === '-') {
      const nl = source.indexOf('\n', i);
      i = nl < 0 ? source.length : nl + 1;
    } else if (c === '/' && source[i + 1] === '*') {
      begin(i);
      i = skipBlockComment(source, i);
    } else if (c === "'") {
      begin(i);
      i = skipQuoted(source, i, "'", false);
    } else if (c === '"') {
      begin(i);
      i = skipQuoted(source, i, '"', false);
    } else if (c === '$') {
      begin(i);
      const tag = dollarTagAt(source, i);
      if (tag) {
        const close = source.indexOf(tag, i + tag.length);
        i = close < 0 ? source.length : close + tag.length;
      } else {
        i++; // `$1` parameter or a stray `$`
      }
    } else if (isIdentStart(c)) {
      begin(i);
      let j = i + 1;
      while (j < source.length && isIdentCont(source[j])) j++;
      const word = source.slice(i, j);
      const lower = word.toLowerCase();
      if (source[j] === "'" && (lower === 'e' || lower === 'b' || lower === 'x' || lower === 'n')) {
        i = skipQuoted(source, j, "'", lower === 'e');
      } else if (lower === 'u' && source[j] === '&' && (source[j + 1] === "'" || source[j + 1] === '"')) {
        i = skipQuoted(source, j + 1, source[j + 1], false);
      } else {
        body.word(word, parenDepth);
        i = j;
      }
    } else if (/[0-9]/.test(c)) {
      begin(i);
      let j = i + 1;
      while (j < source.length && /[0-9A-Za-z_.]/.test(source[j])) j++;
      i = j;
    } else if (c === '(') {
      begin(i);
      parenDepth++;
      i++;
    } else if (c === ')') {
      begin(i);
      if (parenDepth > 0) parenDepth--;
      i++;
    } else if (c === ';') {
      // CREATE RULE's `(action; action)` list: there `;` inside parentheses does not end it (as in psql).
      if (body.depth === 0 && !(parenDepth > 0 && start >= 0 && /^create\s+(or\s+replace\s+)?rule\s/iu.test(source.slice(start, i)))) {
        finish(i);
      } else {
        begin(i);
      }
      i++;
    } else {
      begin(i);
      i++;
    }
  }
  finish(source.length);
  return out;
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset; k++) if (source.charCodeAt(k) === 10) line++;
  return line;
}
