/**
 * Unit tests of the psql-style statement splitter used by the regression harness.
 * The expected values are the statement boundaries the splitter defines (see its header).
 */
import { describe, expect, it } from 'vitest';
import { splitSql } from '../../harness/split-sql.js';

const texts = (src: string): string[] => splitSql(src).map((s) => s.text);

describe('splitSql', () => {
  it('splits on semicolons and drops the terminator and surrounding whitespace', () => {
    expect(texts('SELECT 1;  SELECT 2 ;\n\nSELECT 3')).toEqual(['SELECT 1', 'SELECT 2', 'SELECT 3']);
  });

  it('skips empty statements', () => {
    expect(texts(';; SELECT 1;;\n;')).toEqual(['SELECT 1']);
    expect(texts('')).toEqual([]);
    expect(texts('  -- only a comment\n')).toEqual([]);
  });

  it('ignores semicolons in single-quoted strings, with doubled quotes', () => {
    expect(texts("SELECT 'a;b', 'it''s; here'; SELECT 2")).toEqual(["SELECT 'a;b', 'it''s; here'", 'SELECT 2']);
  });

  it('treats backslash as literal in standard strings', () => {
    expect(texts("SELECT 'a\\'; SELECT 2")).toEqual(["SELECT 'a\\'", 'SELECT 2']);
  });

  it('honours backslash escapes in E strings only', () => {
    expect(texts("SELECT E'it\\'s;'; SELECT e'\\\\'; SELECT 3")).toEqual([
      "SELECT E'it\\'s;'",
      "SELECT e'\\\\'",
      'SELECT 3',
    ]);
    // an identifier ending in e is not an E string prefix
    expect(texts("SELECT name'x\\'; SELECT 2")).toEqual(["SELECT name'x\\'", 'SELECT 2']);
  });

  it('handles B, X, N and U& prefixed strings and U& identifiers', () => {
    expect(texts("SELECT B'10;', X'ff;', N'n;', U&'d;\\0061', U&\"x;\"; SELECT 2")).toEqual([
      "SELECT B'10;', X'ff;', N'n;', U&'d;\\0061', U&\"x;\"",
      'SELECT 2',
    ]);
  });

  it('ignores semicolons in double-quoted identifiers, with doubled quotes', () => {
    expect(texts('CREATE TABLE "a;""b" (x int); SELECT 1')).toEqual(['CREATE TABLE "a;""b" (x int)', 'SELECT 1']);
  });

  it('handles dollar quotes, tagged and untagged, with other tags and quotes inside', () => {
    const fn = "CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $x$ ; $x$ ' $$ ; $body$ LANGUAGE sql";
    expect(texts(`${fn}; SELECT $$a;b$$; SELECT 3`)).toEqual([fn, 'SELECT $$a;b$$', 'SELECT 3']);
  });

  it('does not take parameters or identifiers containing $ for dollar quotes', () => {
    expect(texts('SELECT $1; SELECT a$b$ FROM t; SELECT $2')).toEqual(['SELECT $1', 'SELECT a$b$ FROM t', 'SELECT $2']);
  });

  it('drops leading -- comments but keeps inner ones and block comments', () => {
    const src = '-- header\n-- more; here\nSELECT 1 -- trailing; comment\n  + 1;\n/* lead; */ SELECT 2;';
    expect(texts(src)).toEqual(['SELECT 1 -- trailing; comment\n  + 1', '/* lead; */ SELECT 2']);
  });

  it('handles nested block comments', () => {
    expect(texts('SELECT /* a /* b; */ c; */ 1; SELECT 2')).toEqual(['SELECT /* a /* b; */ c; */ 1', 'SELECT 2']);
  });

  it('splits regardless of parentheses, so an unbalanced paren swallows nothing (unlike psql)', () => {
    expect(texts("INSERT INTO t (a VALUES (1);\nSELECT 2; SELECT (3")).toEqual(['INSERT INTO t (a VALUES (1)', 'SELECT 2', 'SELECT (3']);
    expect(texts('SELECT 1); SELECT 2')).toEqual(['SELECT 1)', 'SELECT 2']);
  });

  it('keeps statements with syntax errors intact', () => {
    expect(texts("SELEC 1; SELECT 'x' 'y' FROM; INSERT INTO t VALUES (1,,2); SELECT 4")).toEqual([
      'SELEC 1',
      "SELECT 'x' 'y' FROM",
      'INSERT INTO t VALUES (1,,2)',
      'SELECT 4',
    ]);
  });

  it('keeps BEGIN ATOMIC function bodies together', () => {
    const fn =
      'CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT CASE WHEN x > 0 THEN 1 ELSE 2 END; SELECT x; END';
    expect(texts(`${fn}; SELECT 2`)).toEqual([fn, 'SELECT 2']);
    // parentheses inside the body, and BEGIN inside parentheses, do not confuse the heuristic
    const fn2 = 'CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT (1); SELECT coalesce(2, 3); END';
    expect(texts(`${fn2}; SELECT 4`)).toEqual([fn2, 'SELECT 4']);
    // BEGIN / END as transaction statements are ordinary statements
    expect(texts('BEGIN; SELECT 1; END; COMMIT')).toEqual(['BEGIN', 'SELECT 1', 'END', 'COMMIT']);
  });

  it('returns an unterminated trailing statement as is', () => {
    expect(texts("SELECT 1; SELECT 'open; quote")).toEqual(['SELECT 1', "SELECT 'open; quote"]);
    expect(texts('SELECT 1; SELECT $$ never closed')).toEqual(['SELECT 1', 'SELECT $$ never closed']);
  });

  it('reports the 1-based line and 0-based offset of each statement', () => {
    const src = '-- c\nSELECT 1;\n\n  SELECT\n 2;';
    expect(splitSql(src)).toEqual([
      { text: 'SELECT 1', line: 2, offset: 5 },
      { text: 'SELECT\n 2', line: 4, offset: 18 },
    ]);
  });
});
