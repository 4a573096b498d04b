/**
 * The jsonpath parser: tokens → JsonPath (mode + item chain), then the checks Postgres makes
 * while flattening (`@` outside filters, `last` outside subscripts) and the LIKE_REGEX flags and
 * pattern check.
 *
 * Postgres counterpart: src/backend/utils/adt/jsonpath_gram.y (bison) and
 * flattenJsonPathParseItem in jsonpath.c. Written as recursive descent over one precedence
 * ladder; whether a subtree is a predicate or a value expression is tracked so that misplaced
 * ones fail at the token bison would have stopped at.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { Numeric } from '../../types/numeric/numeric-value.js';
import { parseNumeric } from '../../types/numeric/numeric-input.js';
import { numericNeg } from '../../types/numeric/numeric-arith.js';
import { compileRe, parseReFlags } from '../../functions/builtins/regex/are.js';
import { ANY_LAST, JsonPath, type JpBinaryOp, type JpDatetimeMethod, type JpItem, type JpItemBody, type JpMethod } from './ast.js';
import { jsonpathSyntaxError, keywordOf, scanJsonPath, type Token } from './scanner.js';
import { printJsonPath } from './print.js';

interface Parsed {
  item: JpItem;
  /** A predicate (boolean condition) rather than a value expression. */
  pred: boolean;
}

const METHODS: ReadonlySet<string> = new Set<JpMethod>([
  'type', 'size', 'abs', 'floor', 'ceiling', 'double', 'keyvalue', 'bigint', 'boolean', 'date', 'integer', 'number', 'string',
]);
const DATETIME_METHODS: ReadonlySet<string> = new Set<JpDatetimeMethod>(['datetime', 'time', 'time_tz', 'timestamp', 'timestamp_tz']);
const COMPARISONS: ReadonlySet<string> = new Set(['==', '!=', '<', '>', '<=', '>=']);

function mk(body: JpItemBody): JpItem {
  return { ...body, next: null } as JpItem;
}

/** numeric_in of a jsonpath number token (hex/octal/binary and `_` separators allowed). */
function numberValue(text: string): Numeric {
  const t = text.replace(/_/g, '');
  if (/^0[xXoObB]/.test(t)) return Numeric.of(BigInt(t.toLowerCase()), 0);
  return parseNumeric(t);
}

class Parser {
  private pos = 0;
  constructor(private readonly toks: Token[]) {}

  private get tok(): Token {
    const t = this.toks[this.pos];
    if (t.kind === 'error') throw t.error!;
    return t;
  }
  private peek(k = 1): Token {
    return this.toks[Math.min(this.pos + k, this.toks.length - 1)];
  }
  private fail(t: Token = this.tok): never {
    throw jsonpathSyntaxError('syntax error', t.text);
  }
  private isSpecial(c: string, t: Token = this.tok): boolean {
    return t.kind === 'special' && t.value === c;
  }
  private isKeyword(k: string, t: Token = this.tok): boolean {
    return t.kind === 'ident' && keywordOf(t.value) === k;
  }
  private expectSpecial(c: string): void {
    if (!this.isSpecial(c)) this.fail();
    this.pos++;
  }
  private requirePred(p: Parsed): JpItem {
    if (!p.pred) this.fail();
    return p.item;
  }
  private requireExpr(p: Parsed): JpItem {
    if (p.pred) this.fail();
    return p.item;
  }

  parseResult(): { lax: boolean; expr: JpItem } | null {
    if (this.tok.kind === 'eof') return null;
    let lax = true;
    if (this.isKeyword('strict')) {
      lax = false;
      this.pos++;
    } else if (this.isKeyword('lax')) this.pos++;
    const p = this.parseOr();
    if ((this.tok.kind as string) !== 'eof') this.fail();
    return { lax, expr: p.item };
  }

  private parseOr(): Parsed {
    let left = this.parseAnd();
    while (this.tok.kind === '||') {
      if (!left.pred) this.fail();
      this.pos++;
      const right = this.requirePred(this.parseAnd());
      left = { item: mk({ kind: 'binary', op: '||', left: left.item, right }), pred: true };
    }
    return left;
  }

  private parseAnd(): Parsed {
    let left = this.parseNot();
    while (this.tok.kind === '&&') {
      if (!left.pred) this.fail();
      this.pos++;
      const right = this.requirePred(this.parseNot());
      left = { item: mk({ kind: 'binary', op: '&&', left: left.item, right }), pred: true };
    }
    return left;
  }

  private parseNot(): Parsed {
    if (this.tok.kind !== '!') return this.parseComparison();
    this.pos++;
    if (this.isKeyword('exists')) return { item: mk({ kind: 'not', arg: this.parseExists() }), pred: true };
    this.expectSpecial('(');
    const inner = this.requirePred(this.parseOr());
    this.expectSpecial(')');
    return { item: mk({ kind: 'not', arg: inner }), pred: true };
  }

  private parseExists(): JpItem {
    this.pos++;
    this.expectSpecial('(');
    const arg = this.requireExpr(this.parseAdditive());
    this.expectSpecial(')');
    return mk({ kind: 'exists', arg });
  }

  private parseComparison(): Parsed {
    const left = this.parseAdditive();
    const t = this.tok;
    if (COMPARISONS.has(t.kind)) {
      if (left.pred) this.fail();
      this.pos++;
      const right = this.requireExpr(this.parseAdditive());
      return { item: mk({ kind: 'binary', op: t.kind as JpBinaryOp, left: left.item, right }), pred: true };
    }
    if (this.isKeyword('starts')) {
      if (left.pred) this.fail();
      this.pos++;
      if (!this.isKeyword('with')) this.fail();
      this.pos++;
      const s = this.tok;
      let right: JpItem;
      if (s.kind === 'string') right = mk({ kind: 'string', value: s.value });
      else if (s.kind === 'variable') right = mk({ kind: 'variable', name: s.value });
      else this.fail();
      this.pos++;
      return { item: mk({ kind: 'binary', op: 'starts with', left: left.item, right }), pred: true };
    }
    if (this.isKeyword('like_regex')) {
      if (left.pred) this.fail();
      this.pos++;
      if (this.tok.kind !== 'string') this.fail();
      const pattern = this.tok.value;
      this.pos++;
      let flags = '';
      if (this.isKeyword('flag')) {
        this.pos++;
        if (this.tok.kind !== 'string') this.fail();
        flags = this.tok.value;
        this.pos++;
      }
      return { item: makeLikeRegex(left.item, pattern, flags), pred: true };
    }
    return left;
  }

  private parseAdditive(): Parsed {
    let left = this.parseMultiplicative();
    while (this.isSpecial('+') || this.isSpecial('-')) {
      if (left.pred) this.fail();
      const op = this.tok.value as JpBinaryOp;
      this.pos++;
      const right = this.requireExpr(this.parseMultiplicative());
      left = { item: mk({ kind: 'binary', op, left: left.item, right }), pred: false };
    }
    return left;
  }

  private parseMultiplicative(): Parsed {
    let left = this.parseUnary();
    while (this.isSpecial('*') || this.isSpecial('/') || this.isSpecial('%')) {
      if (left.pred) this.fail();
      const op = this.tok.value as JpBinaryOp;
      this.pos++;
      const right = this.requireExpr(this.parseUnary());
      left = { item: mk({ kind: 'binary', op, left: left.item, right }), pred: false };
    }
    return left;
  }

  private parseUnary(): Parsed {
    if (this.isSpecial('+') || this.isSpecial('-')) {
      const op = this.tok.value as '+' | '-';
      this.pos++;
      const arg = this.requireExpr(this.parseUnary());
      return { item: makeUnary(op, arg), pred: false };
    }
    return this.parseAccessorExpr();
  }

  private parseAccessorExpr(): Parsed {
    const t = this.tok;
    let head: JpItem;
    if (this.isSpecial('(')) {
      this.pos++;
      const inner = this.parseOr();
      this.expectSpecial(')');
      if (inner.pred && this.isKeyword('is')) {
        this.pos++;
        if (!this.isKeyword('unknown')) this.fail();
        this.pos++;
        return { item: mk({ kind: 'isUnknown', arg: inner.item }), pred: true };
      }
      if (!this.atAccessor()) return inner;
      head = inner.item;
    } else if (this.isKeyword('exists')) {
      return { item: this.parseExists(), pred: true };
    } else {
      head = this.parsePrimary(t);
    }
    let tail = head;
    while (tail.next) tail = tail.next;
    while (this.atAccessor()) {
      const op = this.parseAccessorOp();
      tail.next = op;
      tail = op;
    }
    return { item: head, pred: false };
  }

  private parsePrimary(t: Token): JpItem {
    this.pos++;
    switch (t.kind) {
      case 'string':
        return mk({ kind: 'string', value: t.value });
      case 'int':
      case 'numeric':
        return mk({ kind: 'numeric', value: numberValue(t.value) });
      case 'variable':
        return mk({ kind: 'variable', name: t.value });
      case 'special':
        if (t.value === '$') return mk({ kind: 'root' });
        if (t.value === '@') return mk({ kind: 'current' });
        break;
      case 'ident':
        switch (keywordOf(t.value)) {
          case 'null':
            return mk({ kind: 'null' });
          case 'true':
            return mk({ kind: 'bool', value: true });
          case 'false':
            return mk({ kind: 'bool', value: false });
          case 'last':
            return mk({ kind: 'last' });
        }
        break;
    }
    this.pos--;
    this.fail();
  }

  private atAccessor(): boolean {
    return this.isSpecial('.') || this.isSpecial('[') || this.isSpecial('?');
  }

  private parseAccessorOp(): JpItem {
    if (this.isSpecial('[')) {
      this.pos++;
      if (this.isSpecial('*') && this.isSpecial(']', this.peek())) {
        this.pos += 2;
        return mk({ kind: 'anyArray' });
      }
      const subscripts: { from: JpItem; to: JpItem | null }[] = [];
      for (;;) {
        const from = this.requireExpr(this.parseAdditive());
        let to: JpItem | null = null;
        if (this.isKeyword('to')) {
          this.pos++;
          to = this.requireExpr(this.parseAdditive());
        }
        subscripts.push({ from, to });
        if (this.isSpecial(',')) {
          this.pos++;
          continue;
        }
        this.expectSpecial(']');
        return mk({ kind: 'indexArray', subscripts });
      }
    }
    if (this.isSpecial('?')) {
      this.pos++;
      this.expectSpecial('(');
      const arg = this.requirePred(this.parseOr());
      this.expectSpecial(')');
      return mk({ kind: 'filter', arg });
    }
    this.pos++; // '.'
    const t = this.tok;
    if (this.isSpecial('*')) {
      this.pos++;
      return mk({ kind: 'anyKey' });
    }
    if (t.kind === '**') {
      this.pos++;
      if (!this.isSpecial('{')) return mk({ kind: 'any', first: 0, last: ANY_LAST });
      this.pos++;
      const first = this.anyLevel();
      let last = first;
      if (this.isKeyword('to')) {
        this.pos++;
        last = this.anyLevel();
      }
      this.expectSpecial('}');
      return mk({ kind: 'any', first, last });
    }
    if (t.kind === 'string') {
      this.pos++;
      return mk({ kind: 'key', name: t.value });
    }
    if (t.kind !== 'ident') this.fail();
    this.pos++;
    const kw = keywordOf(t.value);
    if (kw && this.isSpecial('(')) {
      if (METHODS.has(kw)) {
        this.pos++;
        this.expectSpecial(')');
        return mk({ kind: 'method', method: kw as JpMethod });
      }
      if (kw === 'decimal') return this.parseDecimal();
      if (DATETIME_METHODS.has(kw)) {
        this.pos++;
        let arg: JpItem | null = null;
        if (kw === 'datetime') {
          if (this.tok.kind === 'string') {
            arg = mk({ kind: 'string', value: this.tok.value });
            this.pos++;
          }
        } else if (this.tok.kind === 'int') {
          arg = mk({ kind: 'numeric', value: numberValue(this.tok.value) });
          this.pos++;
        }
        this.expectSpecial(')');
        return mk({ kind: 'datetimeMethod', method: kw as JpDatetimeMethod, arg });
      }
    }
    return mk({ kind: 'key', name: t.value });
  }

  private anyLevel(): number {
    if (this.isKeyword('last')) {
      this.pos++;
      return ANY_LAST;
    }
    if (this.tok.kind !== 'int') this.fail();
    const v = Number(numberValue(this.tok.value).toString());
    if (!(v <= 2147483647)) {
      throw new PgError(SQLSTATE.numeric_value_out_of_range, `value "${this.tok.value}" is out of range for type integer`);
    }
    this.pos++;
    return v;
  }

  private parseDecimal(): JpItem {
    this.pos++; // '('
    const args: JpItem[] = [];
    if (!this.isSpecial(')')) {
      for (;;) {
        let sign: '+' | '-' | null = null;
        if (this.isSpecial('+') || this.isSpecial('-')) {
          sign = this.tok.value as '+' | '-';
          this.pos++;
        }
        if (this.tok.kind !== 'int') this.fail();
        const num = mk({ kind: 'numeric', value: numberValue(this.tok.value) });
        this.pos++;
        args.push(sign ? makeUnary(sign, num) : num);
        if (this.isSpecial(',')) {
          this.pos++;
          continue;
        }
        break;
      }
    }
    this.expectSpecial(')');
    if (args.length > 2) {
      throw new PgError(SQLSTATE.syntax_error, 'invalid input syntax for type jsonpath', {
        detail: '.decimal() can only have an optional precision[,scale].',
      });
    }
    return mk({ kind: 'decimal', precision: args[0] ?? null, scale: args[1] ?? null });
  }
}

/** makeItemUnary: `+n` is n, `-n` is the negated literal; otherwise a unary item. */
function makeUnary(op: '+' | '-', arg: JpItem): JpItem {
  if (arg.kind === 'numeric' && !arg.next) {
    if (op === '+') return arg;
    return mk({ kind: 'numeric', value: numericNeg(arg.value) });
  }
  return mk({ kind: 'unary', op, arg });
}

/** makeItemLikeRegex: flags checked, the pattern compiled once to report a bad one now. */
function makeLikeRegex(expr: JpItem, pattern: string, flagText: string): JpItem {
  let flags = '';
  for (const ch of ['i', 's', 'm', 'x', 'q']) if (flagText.includes(ch)) flags += ch;
  for (const ch of flagText) {
    if (!'ismxq'.includes(ch)) {
      throw new PgError(SQLSTATE.syntax_error, 'invalid input syntax for type jsonpath', {
        detail: `Unrecognized flag character "${ch}" in LIKE_REGEX predicate.`,
      });
    }
  }
  if (flags.includes('x') && !flags.includes('q')) {
    throw new PgError(SQLSTATE.feature_not_supported, 'XQuery "x" flag (expanded regular expressions) is not implemented');
  }
  compileLikeRegex(pattern, flags);
  return mk({ kind: 'likeRegex', expr, pattern, flags });
}

/** The JS RegExp of a LIKE_REGEX predicate (jspConvertRegexFlags; compileRe caches). */
export function compileLikeRegex(pattern: string, flags: string): RegExp {
  const f = parseReFlags('');
  f.caseInsensitive = flags.includes('i');
  if (flags.includes('q')) f.literal = true;
  else {
    f.dotNoNewline = !flags.includes('s');
    f.multilineAnchors = flags.includes('m');
  }
  return compileRe(pattern, f).re;
}

/** The checks of flattenJsonPathParseItem: `@` only inside filters, `last` only in subscripts. */
function checkItem(item: JpItem | null, nesting: number, inSubscript: boolean): void {
  for (let it = item; it; it = it.next) {
    switch (it.kind) {
      case 'current':
        if (nesting <= 0) throw new PgError(SQLSTATE.syntax_error, '@ is not allowed in root expressions');
        break;
      case 'last':
        if (!inSubscript) throw new PgError(SQLSTATE.syntax_error, 'LAST is allowed only in array subscripts');
        break;
      case 'binary':
        checkItem(it.left, nesting, inSubscript);
        checkItem(it.right, nesting, inSubscript);
        break;
      case 'decimal':
        checkItem(it.precision, nesting, inSubscript);
        checkItem(it.scale, nesting, inSubscript);
        break;
      case 'likeRegex':
        checkItem(it.expr, nesting, inSubscript);
        break;
      case 'filter':
        checkItem(it.arg, nesting + 1, inSubscript);
        break;
      case 'unary':
      case 'not':
      case 'isUnknown':
      case 'exists':
        checkItem(it.arg, nesting, inSubscript);
        break;
      case 'datetimeMethod':
        checkItem(it.arg, nesting, inSubscript);
        break;
      case 'indexArray':
        for (const s of it.subscripts) {
          checkItem(s.from, nesting, true);
          checkItem(s.to, nesting, true);
        }
        break;
      default:
        break;
    }
  }
}

/**
 * jsonpath_in: parses jsonpath text (22P02 for empty input, 42601 for syntax errors).
 *
 * @example parseJsonPath('$.a[*] ? (@.b > 1)').text === '$."a"[*]?(@."b" > 1)'
 */
export function parseJsonPath(text: string): JsonPath {
  const r = new Parser(scanJsonPath(text)).parseResult();
  if (!r) throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type jsonpath: "${text}"`);
  checkItem(r.expr, 0, false);
  return new JsonPath(r.lax, r.expr, printJsonPath(r.lax, r.expr));
}
