/**
 * The default text-search parser ("default", OID 3722): splits text into typed tokens (asciiword,
 * word, numword, email, url, host, sfloat, version, hyphenated words and their parts, blank, tag,
 * protocol, url_path, file, float, int, uint, entity) with Postgres's state machine: each state
 * tries its actions in order; an action may push the position (to come back and try the next
 * action when a longer reading fails), pop, clear pushed positions, or emit ("bingo") a token.
 *
 * Postgres counterpart: src/backend/tsearch/wparser_def.c (TParserGet and its action tables,
 * prsd_nexttoken, prsd_lextype). Character classes: letters are Unicode letters (\p{L}), digits
 * ASCII, "special" characters are combining marks and format characters (pg_dsplen() == 0 and the
 * spacing combining marks Postgres lists).
 * Known gaps: characters classes follow JavaScript's Unicode tables, not the server's locale.
 */

/** Token type ids (prsd_lextype). */
export const TOKEN = {
  asciiword: 1, word: 2, numword: 3, email: 4, url: 5, host: 6, sfloat: 7, version: 8,
  hword_numpart: 9, hword_part: 10, hword_asciipart: 11, blank: 12, tag: 13, protocol: 14,
  numhword: 15, asciihword: 16, hword: 17, url_path: 18, file: 19, float: 20, int: 21, uint: 22, entity: 23,
} as const;

/** [alias, description] of token types 1..23 (ts_token_type). */
export const TOKEN_TYPES: readonly (readonly [string, string])[] = [
  ['asciiword', 'Word, all ASCII'], ['word', 'Word, all letters'], ['numword', 'Word, letters and digits'],
  ['email', 'Email address'], ['url', 'URL'], ['host', 'Host'], ['sfloat', 'Scientific notation'],
  ['version', 'Version number'], ['hword_numpart', 'Hyphenated word part, letters and digits'],
  ['hword_part', 'Hyphenated word part, all letters'], ['hword_asciipart', 'Hyphenated word part, all ASCII'],
  ['blank', 'Space symbols'], ['tag', 'XML tag'], ['protocol', 'Protocol head'],
  ['numhword', 'Hyphenated word, letters and digits'], ['asciihword', 'Hyphenated word, all ASCII'],
  ['hword', 'Hyphenated word, all letters'], ['url_path', 'URL path'], ['file', 'File or path name'],
  ['float', 'Decimal notation'], ['int', 'Signed integer'], ['uint', 'Unsigned integer'], ['entity', 'XML entity'],
];

export interface Token {
  readonly type: number;
  readonly text: string;
}

// Action flags.
const NEXT = 0;
const BINGO = 1;
const POP = 2;
const PUSH = 4;
const RERUN = 8;
const CLEAR = 16;
const MERGE = 32;
const CLRALL = 64;

type Test = (p: Parser) => boolean;
interface Action {
  readonly test: Test | null;
  readonly flags: number;
  readonly to: string | null;
  readonly type: number;
  readonly special?: (p: Parser) => void;
}

interface Position {
  pos: number;
  charlen: number;
  lenToken: number;
  state: string;
  prev: Position | null;
  pushedAt: number;
}

const LETTER = /\p{L}/u;
const SPECIAL = /[\p{Mn}\p{Me}\p{Mc}\p{Cf}]/u;

class Parser {
  state: Position;
  ignore = false;
  wantHost = false;
  tokenStart = 0;
  lenToken = 0;
  type = 0;
  constructor(
    readonly str: string,
    start: number,
    initial = 'Base',
  ) {
    this.state = { pos: start, charlen: 0, lenToken: 0, state: initial, prev: null, pushedAt: -1 };
  }
  ch(): string {
    return this.state.charlen === 0 ? '' : this.str.substr(this.state.pos, this.state.charlen);
  }
  code(): number {
    return this.state.charlen === 0 ? -1 : this.str.codePointAt(this.state.pos)!;
  }
}

// Character classes.
const isEOF: Test = (p) => p.state.pos >= p.str.length || p.state.charlen === 0;
const isDigitCode = (c: number) => c >= 48 && c <= 57;
const isAsciiLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlphaCode = (c: number, s: string) => (c < 128 ? isAsciiLetterCode(c) : LETTER.test(s));
const isDigit: Test = (p) => isDigitCode(p.code());
const isAsclet: Test = (p) => isAsciiLetterCode(p.code());
const isAlpha: Test = (p) => {
  const c = p.code();
  return c >= 0 && isAlphaCode(c, p.ch());
};
const isAlnum: Test = (p) => isAlpha(p) || isDigit(p);
const isNotAlnum: Test = (p) => !isAlnum(p);
const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/u.test(String.fromCodePoint(c)));
const isSpace: Test = (p) => isSpaceCode(p.code());
const isXDigit: Test = (p) => {
  const c = p.code();
  return isDigitCode(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
};
const isSpecial: Test = (p) => {
  const c = p.code();
  return c >= 128 && SPECIAL.test(p.ch());
};
const isIgnore: Test = (p) => p.ignore;
const isStopHost: Test = (p) => {
  if (p.wantHost) {
    p.wantHost = false;
    return true;
  }
  return false;
};
const isUrlChar: Test = (p) => {
  const c = p.code();
  if (c <= 0x20 || c >= 0x7f) return false;
  return !'"<>\\^`{|}'.includes(String.fromCharCode(c));
};
const eq = (ch: string): Test => {
  const c = ch.charCodeAt(0);
  return (p) => p.code() === c;
};

/** p_ishost: a host name starts here (parsed by a sub-parser that wants a host). */
const isHost: Test = (p) => {
  const sub = new Parser(p.str, p.state.pos);
  sub.wantHost = true;
  if (next(sub) && sub.type === TOKEN.host) {
    p.state.pos += sub.lenToken;
    p.state.lenToken += sub.lenToken;
    p.state.charlen = sub.state.charlen;
    return true;
  }
  return false;
};
/** p_isURLPath: a URL path starts here. */
const isURLPath: Test = (p) => {
  const sub = new Parser(p.str, p.state.pos);
  sub.state = { ...sub.state, prev: sub.state, state: 'InURLPathFirst' };
  if (next(sub) && sub.type === TOKEN.url_path) {
    p.state.pos += sub.lenToken;
    p.state.lenToken += sub.lenToken;
    p.state.charlen = sub.state.charlen;
    return true;
  }
  return false;
};

// Special handlers.
function specialTags(p: Parser): void {
  const t = p.str.substr(p.tokenStart, p.state.lenToken).toLowerCase();
  if (t === '</script' || t === '</style') p.ignore = false;
  else if (t === '<script' || t === '<style') p.ignore = true;
}
function specialFURL(p: Parser): void {
  p.wantHost = true;
  p.state.pos -= p.state.lenToken;
}
function specialHyphen(p: Parser): void {
  p.state.pos -= p.state.lenToken;
}
function specialVerVersion(p: Parser): void {
  p.state.pos -= p.state.lenToken;
  p.state.lenToken = 0;
}

const a = (test: Test | null, flags: number, to: string | null, type = 0, special?: (p: Parser) => void): Action => ({ test, flags, to, type, special });
const T = TOKEN;

const ACTIONS: Record<string, readonly Action[]> = {
  Base: [
    a(isEOF, NEXT, null), a(eq('<'), PUSH, 'InTagFirst'), a(isIgnore, NEXT, 'InSpace'),
    a(isAsclet, NEXT, 'InAsciiWord'), a(isAlpha, NEXT, 'InWord'), a(isDigit, NEXT, 'InUnsignedInt'),
    a(eq('-'), PUSH, 'InSignedIntFirst'), a(eq('+'), PUSH, 'InSignedIntFirst'), a(eq('&'), PUSH, 'InXMLEntityFirst'),
    a(eq('~'), PUSH, 'InFileTwiddle'), a(eq('/'), PUSH, 'InFileFirst'), a(eq('.'), PUSH, 'InPathFirstFirst'),
    a(null, NEXT, 'InSpace'),
  ],
  InNumWord: [
    a(isEOF, BINGO, 'Base', T.numword), a(isAlnum, NEXT, 'InNumWord'), a(isSpecial, NEXT, 'InNumWord'),
    a(eq('@'), PUSH, 'InEmail'), a(eq('/'), PUSH, 'InFileFirst'), a(eq('.'), PUSH, 'InFileNext'),
    a(eq('-'), PUSH, 'InHyphenNumWordFirst'), a(null, BINGO, 'Base', T.numword),
  ],
  InAsciiWord: [
    a(isEOF, BINGO, 'Base', T.asciiword), a(isAsclet, NEXT, null), a(eq('.'), PUSH, 'InHostFirstDomain'),
    a(eq('.'), PUSH, 'InFileNext'), a(eq('-'), PUSH, 'InHostFirstAN'), a(eq('-'), PUSH, 'InHyphenAsciiWordFirst'),
    a(eq('_'), PUSH, 'InHostFirstAN'), a(eq('@'), PUSH, 'InEmail'), a(eq(':'), PUSH, 'InProtocolFirst'),
    a(eq('/'), PUSH, 'InFileFirst'), a(isDigit, PUSH, 'InHost'), a(isDigit, NEXT, 'InNumWord'),
    a(isAlpha, NEXT, 'InWord'), a(isSpecial, NEXT, 'InWord'), a(null, BINGO, 'Base', T.asciiword),
  ],
  InWord: [
    a(isEOF, BINGO, 'Base', T.word), a(isAlpha, NEXT, null), a(isSpecial, NEXT, null), a(isDigit, NEXT, 'InNumWord'),
    a(eq('-'), PUSH, 'InHyphenWordFirst'), a(null, BINGO, 'Base', T.word),
  ],
  InUnsignedInt: [
    a(isEOF, BINGO, 'Base', T.uint), a(isDigit, NEXT, null), a(eq('.'), PUSH, 'InHostFirstDomain'),
    a(eq('.'), PUSH, 'InUDecimalFirst'), a(eq('e'), PUSH, 'InMantissaFirst'), a(eq('E'), PUSH, 'InMantissaFirst'),
    a(isAsclet, PUSH, 'InHost'), a(isAlpha, NEXT, 'InNumWord'), a(isSpecial, NEXT, 'InNumWord'),
    a(eq('/'), PUSH, 'InFileFirst'), a(null, BINGO, 'Base', T.uint),
  ],
  InSignedIntFirst: [a(isEOF, POP, null), a(isDigit, NEXT | CLEAR, 'InSignedInt'), a(null, POP, null)],
  InSignedInt: [
    a(isEOF, BINGO, 'Base', T.int), a(isDigit, NEXT, null), a(eq('.'), PUSH, 'InDecimalFirst'),
    a(eq('e'), PUSH, 'InMantissaFirst'), a(eq('E'), PUSH, 'InMantissaFirst'), a(null, BINGO, 'Base', T.int),
  ],
  InSpace: [
    a(isEOF, BINGO, 'Base', T.blank), a(eq('<'), BINGO, 'Base', T.blank), a(isIgnore, NEXT, null),
    a(eq('-'), BINGO, 'Base', T.blank), a(eq('+'), BINGO, 'Base', T.blank), a(eq('&'), BINGO, 'Base', T.blank),
    a(eq('/'), BINGO, 'Base', T.blank), a(isNotAlnum, NEXT, 'InSpace'), a(null, BINGO, 'Base', T.blank),
  ],
  InUDecimalFirst: [a(isEOF, POP, null), a(isDigit, CLEAR, 'InUDecimal'), a(null, POP, null)],
  InUDecimal: [
    a(isEOF, BINGO, 'Base', T.float), a(isDigit, NEXT, 'InUDecimal'), a(eq('.'), PUSH, 'InVersionFirst'),
    a(eq('e'), PUSH, 'InMantissaFirst'), a(eq('E'), PUSH, 'InMantissaFirst'), a(null, BINGO, 'Base', T.float),
  ],
  InDecimalFirst: [a(isEOF, POP, null), a(isDigit, CLEAR, 'InDecimal'), a(null, POP, null)],
  InDecimal: [
    a(isEOF, BINGO, 'Base', T.float), a(isDigit, NEXT, 'InDecimal'), a(eq('.'), PUSH, 'InVerVersion'),
    a(eq('e'), PUSH, 'InMantissaFirst'), a(eq('E'), PUSH, 'InMantissaFirst'), a(null, BINGO, 'Base', T.float),
  ],
  InVerVersion: [a(isEOF, POP, null), a(isDigit, RERUN, 'InSVerVersion', 0, specialVerVersion), a(null, POP, null)],
  InSVerVersion: [a(isEOF, POP, null), a(isDigit, BINGO | CLRALL, 'InUnsignedInt', T.blank), a(null, NEXT, null)],
  InVersionFirst: [a(isEOF, POP, null), a(isDigit, CLEAR, 'InVersion'), a(null, POP, null)],
  InVersion: [
    a(isEOF, BINGO, 'Base', T.version), a(isDigit, NEXT, 'InVersion'), a(eq('.'), PUSH, 'InVersionFirst'),
    a(null, BINGO, 'Base', T.version),
  ],
  InMantissaFirst: [
    a(isEOF, POP, null), a(isDigit, CLEAR, 'InMantissa'), a(eq('+'), NEXT, 'InMantissaSign'),
    a(eq('-'), NEXT, 'InMantissaSign'), a(null, POP, null),
  ],
  InMantissaSign: [a(isEOF, POP, null), a(isDigit, CLEAR, 'InMantissa'), a(null, POP, null)],
  InMantissa: [a(isEOF, BINGO, 'Base', T.sfloat), a(isDigit, NEXT, 'InMantissa'), a(null, BINGO, 'Base', T.sfloat)],
  InXMLEntityFirst: [
    a(isEOF, POP, null), a(eq('#'), NEXT, 'InXMLEntityNumFirst'), a(isAsclet, NEXT, 'InXMLEntity'),
    a(eq(':'), NEXT, 'InXMLEntity'), a(eq('_'), NEXT, 'InXMLEntity'), a(null, POP, null),
  ],
  InXMLEntity: [
    a(isEOF, POP, null), a(isAlnum, NEXT, 'InXMLEntity'), a(eq(':'), NEXT, 'InXMLEntity'), a(eq('_'), NEXT, 'InXMLEntity'),
    a(eq('.'), NEXT, 'InXMLEntity'), a(eq('-'), NEXT, 'InXMLEntity'), a(eq(';'), NEXT, 'InXMLEntityEnd'), a(null, POP, null),
  ],
  InXMLEntityNumFirst: [
    a(isEOF, POP, null), a(eq('x'), NEXT, 'InXMLEntityHexNumFirst'), a(eq('X'), NEXT, 'InXMLEntityHexNumFirst'),
    a(isDigit, NEXT, 'InXMLEntityNum'), a(null, POP, null),
  ],
  InXMLEntityHexNumFirst: [a(isEOF, POP, null), a(isXDigit, NEXT, 'InXMLEntityHexNum'), a(null, POP, null)],
  InXMLEntityNum: [a(isEOF, POP, null), a(isDigit, NEXT, 'InXMLEntityNum'), a(eq(';'), NEXT, 'InXMLEntityEnd'), a(null, POP, null)],
  InXMLEntityHexNum: [a(isEOF, POP, null), a(isXDigit, NEXT, 'InXMLEntityHexNum'), a(eq(';'), NEXT, 'InXMLEntityEnd'), a(null, POP, null)],
  InXMLEntityEnd: [a(null, BINGO | CLEAR, 'Base', T.entity)],
  InTagFirst: [
    a(isEOF, POP, null), a(eq('/'), PUSH, 'InTagCloseFirst'), a(eq('!'), PUSH, 'InCommentFirst'), a(eq('?'), PUSH, 'InXMLBegin'),
    a(isAsclet, PUSH, 'InTagName'), a(eq(':'), PUSH, 'InTagName'), a(eq('_'), PUSH, 'InTagName'), a(null, POP, null),
  ],
  InXMLBegin: [a(isEOF, POP, null), a(eq('x'), NEXT, 'InTag'), a(null, POP, null)],
  InTagCloseFirst: [a(isEOF, POP, null), a(isAsclet, NEXT, 'InTagName'), a(null, POP, null)],
  InTagName: [
    a(isEOF, POP, null), a(eq('/'), NEXT, 'InTagBeginEnd'), a(eq('>'), NEXT, 'InTagEnd', 0, specialTags),
    a(isSpace, NEXT, 'InTag', 0, specialTags), a(isAlnum, NEXT, null), a(eq(':'), NEXT, null), a(eq('_'), NEXT, null),
    a(eq('.'), NEXT, null), a(eq('-'), NEXT, null), a(null, POP, null),
  ],
  InTagBeginEnd: [a(isEOF, POP, null), a(eq('>'), NEXT, 'InTagEnd'), a(null, POP, null)],
  InTag: [
    a(isEOF, POP, null), a(eq('>'), NEXT, 'InTagEnd', 0, specialTags), a(eq("'"), NEXT, 'InTagEscapeK'),
    a(eq('"'), NEXT, 'InTagEscapeKK'), a(isAsclet, NEXT, null), a(isDigit, NEXT, null),
    ...'=-_#/:.&?%~'.split('').map((c) => a(eq(c), NEXT, null)),
    a(isSpace, NEXT, null, 0, specialTags), a(null, POP, null),
  ],
  InTagEscapeK: [a(isEOF, POP, null), a(eq('\\'), PUSH, 'InTagBackSleshed'), a(eq("'"), NEXT, 'InTag'), a(null, NEXT, 'InTagEscapeK')],
  InTagEscapeKK: [a(isEOF, POP, null), a(eq('\\'), PUSH, 'InTagBackSleshed'), a(eq('"'), NEXT, 'InTag'), a(null, NEXT, 'InTagEscapeKK')],
  InTagBackSleshed: [a(isEOF, POP, null), a(null, MERGE, null)],
  InTagEnd: [a(null, BINGO | CLRALL, 'Base', T.tag)],
  InCommentFirst: [
    a(isEOF, POP, null), a(eq('-'), NEXT, 'InCommentLast'), a(eq('D'), NEXT, 'InTag'), a(eq('d'), NEXT, 'InTag'), a(null, POP, null),
  ],
  InCommentLast: [a(isEOF, POP, null), a(eq('-'), NEXT, 'InComment'), a(null, POP, null)],
  InComment: [a(isEOF, POP, null), a(eq('-'), NEXT, 'InCloseCommentFirst'), a(null, NEXT, null)],
  InCloseCommentFirst: [a(isEOF, POP, null), a(eq('-'), NEXT, 'InCloseCommentLast'), a(null, NEXT, 'InComment')],
  InCloseCommentLast: [a(isEOF, POP, null), a(eq('-'), NEXT, null), a(eq('>'), NEXT, 'InCommentEnd'), a(null, NEXT, 'InComment')],
  InCommentEnd: [a(null, BINGO | CLRALL, 'Base', T.tag)],
  InHostFirstDomain: [a(isEOF, POP, null), a(isAsclet, NEXT, 'InHostDomainSecond'), a(isDigit, NEXT, 'InHost'), a(null, POP, null)],
  InHostDomainSecond: [
    a(isEOF, POP, null), a(isAsclet, NEXT, 'InHostDomain'), a(isDigit, PUSH, 'InHost'), a(eq('-'), PUSH, 'InHostFirstAN'),
    a(eq('_'), PUSH, 'InHostFirstAN'), a(eq('.'), PUSH, 'InHostFirstDomain'), a(eq('@'), PUSH, 'InEmail'), a(null, POP, null),
  ],
  InHostDomain: [
    a(isEOF, BINGO | CLRALL, 'Base', T.host), a(isAsclet, NEXT, 'InHostDomain'), a(isDigit, PUSH, 'InHost'),
    a(eq(':'), PUSH, 'InPortFirst'), a(eq('-'), PUSH, 'InHostFirstAN'), a(eq('_'), PUSH, 'InHostFirstAN'),
    a(eq('.'), PUSH, 'InHostFirstDomain'), a(eq('@'), PUSH, 'InEmail'), a(isDigit, POP, null),
    a(isStopHost, BINGO | CLRALL, 'InURLPathStart', T.host), a(eq('/'), PUSH, 'InFURL'), a(null, BINGO | CLRALL, 'Base', T.host),
  ],
  InPortFirst: [a(isEOF, POP, null), a(isDigit, NEXT, 'InPort'), a(null, POP, null)],
  InPort: [
    a(isEOF, BINGO | CLRALL, 'Base', T.host), a(isDigit, NEXT, 'InPort'), a(isStopHost, BINGO | CLRALL, 'InURLPathStart', T.host),
    a(eq('/'), PUSH, 'InFURL'), a(null, BINGO | CLRALL, 'Base', T.host),
  ],
  InHostFirstAN: [a(isEOF, POP, null), a(isDigit, NEXT, 'InHost'), a(isAsclet, NEXT, 'InHost'), a(null, POP, null)],
  InHost: [
    a(isEOF, POP, null), a(isDigit, NEXT, 'InHost'), a(isAsclet, NEXT, 'InHost'), a(eq('@'), PUSH, 'InEmail'),
    a(eq('.'), PUSH, 'InHostFirstDomain'), a(eq('-'), PUSH, 'InHostFirstAN'), a(eq('_'), PUSH, 'InHostFirstAN'), a(null, POP, null),
  ],
  InEmail: [a(isStopHost, POP, null), a(isHost, BINGO | CLRALL, 'Base', T.email), a(null, POP, null)],
  InFileFirst: [
    a(isEOF, POP, null), a(isAsclet, NEXT, 'InFile'), a(isDigit, NEXT, 'InFile'), a(eq('.'), NEXT, 'InPathFirst'),
    a(eq('_'), NEXT, 'InFile'), a(eq('~'), PUSH, 'InFileTwiddle'), a(null, POP, null),
  ],
  InFileTwiddle: [
    a(isEOF, POP, null), a(isAsclet, NEXT, 'InFile'), a(isDigit, NEXT, 'InFile'), a(eq('_'), NEXT, 'InFile'),
    a(eq('/'), NEXT, 'InFileFirst'), a(null, POP, null),
  ],
  InPathFirst: [
    a(isEOF, POP, null), a(isAsclet, NEXT, 'InFile'), a(isDigit, NEXT, 'InFile'), a(eq('_'), NEXT, 'InFile'),
    a(eq('.'), NEXT, 'InPathSecond'), a(eq('/'), NEXT, 'InFileFirst'), a(null, POP, null),
  ],
  InPathFirstFirst: [a(isEOF, POP, null), a(eq('.'), NEXT, 'InPathSecond'), a(eq('/'), NEXT, 'InFileFirst'), a(null, POP, null)],
  InPathSecond: [
    a(isEOF, BINGO | CLEAR, 'Base', T.file), a(eq('/'), NEXT | PUSH, 'InFileFirst'), a(eq('/'), BINGO | CLEAR, 'Base', T.file),
    a(isSpace, BINGO | CLEAR, 'Base', T.file), a(null, POP, null),
  ],
  InFile: [
    a(isEOF, BINGO, 'Base', T.file), a(isAsclet, NEXT, 'InFile'), a(isDigit, NEXT, 'InFile'), a(eq('.'), PUSH, 'InFileNext'),
    a(eq('_'), NEXT, 'InFile'), a(eq('-'), NEXT, 'InFile'), a(eq('/'), PUSH, 'InFileFirst'), a(null, BINGO, 'Base', T.file),
  ],
  InFileNext: [
    a(isEOF, POP, null), a(isAsclet, CLEAR, 'InFile'), a(isDigit, CLEAR, 'InFile'), a(eq('_'), CLEAR, 'InFile'), a(null, POP, null),
  ],
  InURLPathFirst: [a(isEOF, POP, null), a(isUrlChar, NEXT, 'InURLPath'), a(null, POP, null)],
  InURLPathStart: [a(null, NEXT, 'InURLPath')],
  InURLPath: [a(isEOF, BINGO, 'Base', T.url_path), a(isUrlChar, NEXT, 'InURLPath'), a(null, BINGO, 'Base', T.url_path)],
  InFURL: [a(isEOF, POP, null), a(isURLPath, BINGO | CLRALL, 'Base', T.url, specialFURL), a(null, POP, null)],
  InProtocolFirst: [a(isEOF, POP, null), a(eq('/'), NEXT, 'InProtocolSecond'), a(null, POP, null)],
  InProtocolSecond: [a(isEOF, POP, null), a(eq('/'), NEXT, 'InProtocolEnd'), a(null, POP, null)],
  InProtocolEnd: [a(null, BINGO | CLRALL, 'Base', T.protocol)],
  InHyphenAsciiWordFirst: [
    a(isEOF, POP, null), a(isAsclet, NEXT, 'InHyphenAsciiWord'), a(isAlpha, NEXT, 'InHyphenWord'),
    a(isDigit, NEXT, 'InHyphenDigitLookahead'), a(null, POP, null),
  ],
  InHyphenAsciiWord: [
    a(isEOF, BINGO | CLRALL, 'InParseHyphen', T.asciihword, specialHyphen), a(isAsclet, NEXT, 'InHyphenAsciiWord'),
    a(isAlpha, NEXT, 'InHyphenWord'), a(isSpecial, NEXT, 'InHyphenWord'), a(isDigit, NEXT, 'InHyphenNumWord'),
    a(eq('-'), PUSH, 'InHyphenAsciiWordFirst'), a(null, BINGO | CLRALL, 'InParseHyphen', T.asciihword, specialHyphen),
  ],
  InHyphenWordFirst: [
    a(isEOF, POP, null), a(isAlpha, NEXT, 'InHyphenWord'), a(isDigit, NEXT, 'InHyphenDigitLookahead'), a(null, POP, null),
  ],
  InHyphenWord: [
    a(isEOF, BINGO | CLRALL, 'InParseHyphen', T.hword, specialHyphen), a(isAlpha, NEXT, 'InHyphenWord'),
    a(isSpecial, NEXT, 'InHyphenWord'), a(isDigit, NEXT, 'InHyphenNumWord'), a(eq('-'), PUSH, 'InHyphenWordFirst'),
    a(null, BINGO | CLRALL, 'InParseHyphen', T.hword, specialHyphen),
  ],
  InHyphenNumWordFirst: [
    a(isEOF, POP, null), a(isAlpha, NEXT, 'InHyphenNumWord'), a(isDigit, NEXT, 'InHyphenDigitLookahead'), a(null, POP, null),
  ],
  InHyphenNumWord: [
    a(isEOF, BINGO | CLRALL, 'InParseHyphen', T.numhword, specialHyphen), a(isAlnum, NEXT, 'InHyphenNumWord'),
    a(isSpecial, NEXT, 'InHyphenNumWord'), a(eq('-'), PUSH, 'InHyphenNumWordFirst'),
    a(null, BINGO | CLRALL, 'InParseHyphen', T.numhword, specialHyphen),
  ],
  InHyphenDigitLookahead: [
    a(isEOF, POP, null), a(isDigit, NEXT, 'InHyphenDigitLookahead'), a(isAlpha, NEXT, 'InHyphenNumWord'),
    a(isSpecial, NEXT, 'InHyphenNumWord'), a(null, POP, null),
  ],
  InParseHyphen: [
    a(isEOF, RERUN, 'Base'), a(isAsclet, NEXT, 'InHyphenAsciiWordPart'), a(isAlpha, NEXT, 'InHyphenWordPart'),
    a(isDigit, PUSH, 'InHyphenUnsignedInt'), a(eq('-'), PUSH, 'InParseHyphenHyphen'),
    a(null, RERUN, 'Base'),
  ],
  InParseHyphenHyphen: [
    a(isEOF, POP, null), a(isAlnum, BINGO | CLEAR, 'InParseHyphen', T.blank), a(isSpecial, BINGO | CLEAR, 'InParseHyphen', T.blank),
    a(null, POP, null),
  ],
  InHyphenWordPart: [
    a(isEOF, BINGO, 'Base', T.hword_part), a(isAlpha, NEXT, 'InHyphenWordPart'), a(isSpecial, NEXT, 'InHyphenWordPart'),
    a(isDigit, NEXT, 'InHyphenNumWordPart'), a(null, BINGO, 'InParseHyphen', T.hword_part),
  ],
  InHyphenAsciiWordPart: [
    a(isEOF, BINGO, 'Base', T.hword_asciipart), a(isAsclet, NEXT, 'InHyphenAsciiWordPart'), a(isAlpha, NEXT, 'InHyphenWordPart'),
    a(isSpecial, NEXT, 'InHyphenWordPart'), a(isDigit, NEXT, 'InHyphenNumWordPart'), a(null, BINGO, 'InParseHyphen', T.hword_asciipart),
  ],
  InHyphenNumWordPart: [
    a(isEOF, BINGO, 'Base', T.hword_numpart), a(isAlnum, NEXT, 'InHyphenNumWordPart'), a(isSpecial, NEXT, 'InHyphenNumWordPart'),
    a(null, BINGO, 'InParseHyphen', T.hword_numpart),
  ],
  InHyphenUnsignedInt: [
    a(isEOF, POP, null), a(isDigit, NEXT, null), a(isAlpha, CLEAR, 'InHyphenNumWordPart'), a(isSpecial, CLEAR, 'InHyphenNumWordPart'),
    a(null, POP, null),
  ],
};

/** TParserGet: the next token, or false at the end of the text. */
function next(p: Parser): boolean {
  if (p.state.pos >= p.str.length) return false;
  p.tokenStart = p.state.pos;
  p.state.pushedAt = -1;
  let item: Action | null = null;
  while (p.state.pos <= p.str.length) {
    const s = p.state;
    s.charlen = s.pos >= p.str.length ? 0 : p.str.codePointAt(s.pos)! > 0xffff ? 2 : 1;
    const actions = ACTIONS[s.state];
    let k: number;
    if (s.pushedAt >= 0) {
      k = s.pushedAt + 1;
      s.pushedAt = -1;
    } else k = 0;
    while (actions[k].test && !actions[k].test!(p)) k++;
    item = actions[k];
    if (item.special) item.special(p);
    if (item.flags & BINGO) {
      p.lenToken = p.state.lenToken;
      p.state.lenToken = 0;
      p.type = item.type;
    }
    if (item.flags & POP) {
      p.state = p.state.prev!;
    } else if (item.flags & PUSH) {
      p.state.pushedAt = k;
      p.state = { ...p.state, prev: p.state, pushedAt: -1 };
    } else if (item.flags & CLEAR) {
      p.state.prev = p.state.prev!.prev;
    } else if (item.flags & CLRALL) {
      p.state.prev = null;
    } else if (item.flags & MERGE) {
      const cur = p.state;
      p.state = cur.prev!;
      p.state.pos = cur.pos;
      p.state.charlen = cur.charlen;
      p.state.lenToken = cur.lenToken;
    }
    if (item.to !== null) p.state.state = item.to;
    if (item.flags & BINGO || (p.state.pos >= p.str.length && (item.flags & RERUN) === 0)) break;
    if (item.flags & (RERUN | POP)) continue;
    if (p.state.charlen) {
      p.state.pos += p.state.charlen;
      p.state.lenToken += p.state.charlen;
    }
  }
  return item !== null && (item.flags & BINGO) !== 0;
}

/** Splits `text` into tokens with the default parser (prsd_start / prsd_nexttoken). */
export function* parseText(text: string): Generator<Token> {
  const p = new Parser(text, 0);
  while (next(p)) {
    yield { type: p.type, text: text.substr(p.tokenStart, p.lenToken) };
  }
}
