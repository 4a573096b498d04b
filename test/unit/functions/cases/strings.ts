/** Cases for string functions, text operators, LIKE, regular expressions and encodings. */
import fc from 'fast-check';
import { OID } from '../../../../src/types/oids.js';
import { fnCase, opCase, type Case } from '../harness.js';

const { text: T, int4: I4, bytea: B, bpchar: BP, name: NAME, bool: BOOL, int8: I8 } = OID;

const SAMPLES = ['aΣ x', 'ǄΣ_Ǆ', '', 'a', 'hello', 'Hello World', '  padded  ', 'ÉCOLE émile', 'ß straße', '😀x😀', 'a,b,,c', 'xxaxx', "it's", 'a\\b', 'ǆa ǈb', 'foo_bar-baz.qux 3rd'];

function gen(seed: number, n: number): string[] {
  return fc.sample(fc.string({ unit: fc.constantFrom('a', 'b', 'A', ' ', ',', 'é', '😀', '%', '_', '\\', 'x'), maxLength: 8 }), { seed, numRuns: n });
}

export function cases(): Case[] {
  const out: Case[] = [];
  const strs = [...SAMPLES, ...gen(42, 20)];
  for (const s of strs) {
    for (const f of ['length', 'char_length', 'octet_length', 'bit_length', 'lower', 'upper', 'initcap', 'btrim', 'ltrim', 'rtrim', 'reverse', 'ascii', 'md5', 'quote_ident', 'quote_literal', 'quote_nullable']) {
      out.push(fnCase(f, [T], [s]));
    }
    out.push(fnCase('length', [BP], [s]), fnCase('octet_length', [BP], [s]), fnCase('char_length', [BP], [s]));
    for (const n of ['-3', '0', '1', '2', '5', '100']) {
      out.push(fnCase('left', [T, I4], [s, n]), fnCase('right', [T, I4], [s, n]), fnCase('repeat', [T, I4], [s, n]));
      out.push(fnCase('substr', [T, I4], [s, n]), fnCase('lpad', [T, I4], [s, n]), fnCase('rpad', [T, I4, T], [s, n, 'xy']));
      for (const m of ['-1', '0', '2', '10']) out.push(fnCase('substr', [T, I4, I4], [s, n, m]));
    }
    for (const t of ['a', 'x', '', 'é😀', ',', 'ab']) {
      out.push(fnCase('strpos', [T, T], [s, t]), fnCase('btrim', [T, T], [s, t]), fnCase('ltrim', [T, T], [s, t]), fnCase('rtrim', [T, T], [s, t]));
      out.push(fnCase('replace', [T, T, T], [s, t, 'Z']), fnCase('translate', [T, T, T], [s, t, 'Q']), fnCase('starts_with', [T, T], [s, t]));
      out.push(fnCase('string_to_array', [T, T], [s, t]), fnCase('string_to_array', [T, T, T], [s, t, 'b']));
      for (const n of ['1', '2', '-1', '-2', '4', '0']) out.push(fnCase('split_part', [T, T, I4], [s, t, n]));
      out.push(opCase('||', T, T, [s, t]), opCase('=', T, T, [s, t]), opCase('<', T, T, [s, t]), opCase('^@', T, T, [s, t]));
      out.push(opCase('<', T, T, [s, t], { collation: 'C', sql: '($1::text < $2::text collate "C")' }));
    }
    for (const p of ['%', 'a%', '%a', '_', '%_%', 'h%o', 'a\\%', '%\\\\%', 'A%', '%é%', '😀%', '\\']) {
      out.push(opCase('~~', T, T, [s, p]), opCase('~~*', T, T, [s, p]), opCase('!~~', T, T, [s, p]));
    }
    for (const p of ['^a', 'a$', '[a-c]+', '\\d', '(?i)A', 'o.W', '[[:alpha:]]+', '\\mfoo', 'x*', '^$', 'a|b', '\\w+']) {
      out.push(opCase('~', T, T, [s, p]), opCase('~*', T, T, [s, p]));
      out.push(fnCase('regexp_match', [T, T], [s, p]), fnCase('regexp_count', [T, T], [s, p]), fnCase('regexp_like', [T, T, T], [s, p, 'i']));
      out.push(fnCase('regexp_replace', [T, T, T], [s, p, '<\\&>']), fnCase('regexp_replace', [T, T, T, T], [s, p, '#', 'g']));
      out.push(fnCase('regexp_split_to_array', [T, T], [s, p]), fnCase('regexp_matches', [T, T, T], [s, p, 'g']));
      out.push(fnCase('regexp_substr', [T, T], [s, p]), fnCase('regexp_instr', [T, T], [s, p]));
    }
  }
  // Hand-picked edge cases.
  const edge: [string, number[], (string | null)[]][] = [
    ['split_part', [T, T, I4], ['a,b', ',', '0']],
    ['substr', [T, I4, I4], ['hello', '1', '-1']],
    ['chr', [I4], ['65']],
    ['chr', [I4], ['0']],
    ['chr', [I4], ['-1']],
    ['chr', [I4], ['128512']],
    ['chr', [I4], ['1114112']],
    ['chr', [I4], ['55296']],
    ['to_hex', [I4], ['255']],
    ['to_hex', [I4], ['-1']],
    ['to_hex', [I8], ['-1']],
    ['to_hex', [I8], ['9223372036854775807']],
    ['encode', [B, T], ['\\x00ff10', 'hex']],
    ['encode', [B, T], ['\\x00ff105c41', 'escape']],
    ['encode', [B, T], ['hello world', 'base64']],
    ['encode', [B, T], ['\\x' + '61'.repeat(100), 'base64']],
    ['encode', [B, T], ['abc', 'foo']],
    ['decode', [T, T], ['616263', 'hex']],
    ['decode', [T, T], ['61 62', 'hex']],
    ['decode', [T, T], ['abc', 'hex']],
    ['decode', [T, T], ['zz', 'hex']],
    ['decode', [T, T], ['aGVsbG8=', 'base64']],
    ['decode', [T, T], ['aGVsbG8', 'base64']],
    ['decode', [T, T], ['a=b', 'base64']],
    ['decode', [T, T], ['a*bc', 'base64']],
    ['decode', [T, T], ['a\\000b\\\\', 'escape']],
    ['decode', [T, T], ['a\\q', 'escape']],
    ['md5', [B], ['\\x00ff']],
    ['sha256', [B], ['abc']],
    ['sha512', [B], ['']],
    ['reverse', [B], ['\\x010203']],
    ['length', [B], ['\\x010203']],
    ['btrim', [B, B], ['\\x0001020100', '\\x00']],
    ['substr', [B, I4, I4], ['\\x0102030405', '2', '3']],
    ['like_escape', [T, T], ['a#%b', '#']],
    ['like_escape', [T, T], ['a\\b', '']],
    ['like_escape', [T, T], ['a#', '#']],
    ['like_escape', [T, T], ['a', 'xy']],
    ['similar_to_escape', [T], ['a|b%_c(d).$^']],
    ['similar_to_escape', [T, T], ['a#"b#"c', '#']],
    ['similar_to_escape', [T, T], ['a#"b#"c#"d', '#']],
    ['similar_to_escape', [T, T], ['[%_]x', '']],
    ['regexp_match', [T, T, T], ['a', 'a', 'g']],
    ['regexp_match', [T, T, T], ['a', 'a', 'z']],
    ['regexp_replace', [T, T, T, I4], ['abcabc', 'b', 'X', '4']],
    ['regexp_replace', [T, T, T, I4, I4], ['abcabcabc', 'b', 'X', '1', '2']],
    ['regexp_replace', [T, T, T, I4, I4, T], ['aaa', 'a', 'X', '2', '1', 'g']],
    ['regexp_replace', [T, T, T, I4], ['abc', 'b', 'X', '0']],
    ['regexp_replace', [T, T, T], ['abc', '(b)', '\\0\\1\\x\\2']],
    ['regexp_instr', [T, T, I4, I4, I4], ['abcabc', 'b', '1', '2', '1']],
    ['regexp_instr', [T, T, I4, I4, I4, T, I4], ['xabcabc', '(c)', '1', '1', '0', '', '1']],
    ['regexp_substr', [T, T, I4], ['abcabc', 'b.', '3']],
    ['regexp_count', [T, T, I4], ['abab', '^a', '3']],
    ['regexp_split_to_table', [T, T], ['a1b22c', '\\d+']],
    ['regexp_split_to_array', [T, T, T], ['aXbxc', 'x', 'i']],
    ['regexp_split_to_array', [T, T, T], ['abc', 'b', 'g']],
    ['substring', [T, T], ['foobar', 'o(b.)']],
    ['substring', [T, T], ['abcd', 'a|ab']],
    ['substring', [T, T], ['abcd', '(a|ab)(c|bcd)']],
    ['regexp_match', [T, T], ['abcd', '(a|ab)(c|bcd)']],
    ['regexp_match', [T, T], ['xyz', 'x|xy|xyz']],
    ['regexp_replace', [T, T, T, T], ['abcab', 'a|ab', 'X', 'g']],
    ['regexp_count', [T, T], ['abcabc', 'b|bc']],
    ['substring', [T, T], ['foobar', 'o.b']],
    ['substring', [T, T, T], ['foobar', '%#"o_b#"%', '#']],
    ['substring', [T, T, T], ['foobar', '#"o_b#"%', '#']],
  ];
  for (const [f, types, args] of edge) out.push(fnCase(f, types, args));
  for (const [s, r, st, n] of [['Txxxxas', 'hom', '2', '4'], ['abc', 'X', '10', '1'], ['abc', 'X', '0', '1'], ['abc', 'X', '1', '-1'], ['a😀c', 'é', '2', '1']]) {
    out.push(fnCase('overlay', [T, T, I4, I4], [s, r, st, n], { sql: 'overlay($1::text placing $2::text from $3::int4 for $4::int4)' }));
    out.push(fnCase('overlay', [T, T, I4], [s, r, st], { sql: 'overlay($1::text placing $2::text from $3::int4)' }));
  }
  out.push(fnCase('overlay', [B, B, I4, I4], ['\\x010203', '\\xff', '2', '1'], { sql: 'overlay($1::bytea placing $2::bytea from $3::int4 for $4::int4)' }));
  const bad = ['(', ')', '[', '*', 'a**', 'a{2,1}', '\\q', '[[:foo:]]', 'a{', '\\1', '[b-a]', '+', '(?z)a', 'a{1000}', 'a\\', '[a'];
  for (const p of bad) out.push(opCase('~', T, T, ['a', p]));
  for (const p of ['a\\', '%\\', 'a']) out.push(opCase('~~', T, T, ['a', p]), opCase('~~', T, T, ['a\\', p]), opCase('~~', T, T, ['ab', p]));
  out.push(opCase('~~', BP, T, ['ab  ', 'ab'], { sql: '($1::char(4) ~~ $2::text)' }), opCase('~~', BP, T, ['ab  ', 'ab%'], { sql: '($1::char(4) ~~ $2::text)' }));
  out.push(opCase('~', BP, T, ['ab  ', 'ab  $'], { sql: '($1::char(4) ~ $2::text)' }));
  out.push(fnCase('position', [B, B], ['\\x0102030405', '\\x0304'], { sql: 'position($2::bytea in $1::bytea)' }));
  out.push(fnCase('position', [T, T], ['hello', 'lo'], { sql: 'position($2::text in $1::text)' }));
  out.push(opCase('~~', NAME, T, ['abc', 'a%']), opCase('=', NAME, T, ['abc', 'abc']), opCase('<', NAME, T, ['B', 'a']));
  out.push(opCase('=', BP, BP, ['ab ', 'ab']), opCase('<', BP, BP, ['a ', 'a']));
  out.push(opCase('~<~', T, T, ['B', 'a']), opCase('~>=~', T, T, ['a', 'B']));
  out.push(opCase('||', B, B, ['\\x01', '\\x0203']), opCase('~~', B, B, ['\\x010203', '\\x01%']));
  out.push(opCase('||', T, OID.anynonarray, ['a', '1'], { argTypes: [T, I4], sql: '($1::text || $2::int4)' }));
  out.push(opCase('||', OID.anynonarray, T, ['t', 'x'], { argTypes: [BOOL, T], sql: '($1::bool || $2::text)' }));
  out.push(opCase('||', OID.anynonarray, T, ['1.50', 'x'], { argTypes: [OID.numeric, T], sql: '($1::numeric || $2::text)' }));
  return out;
}

/** format / concat / concat_ws cases (VARIADIC "any", arguments packed as the executor does). */
export function variadicCases(): Case[] {
  const out: Case[] = [];
  const fmt = (f: string, args: (string | null)[], types: number[]): Case =>
    fnCase('format', [T, OID.any], [f, ...args], {
      argTypes: [T, ...types],
      variadicFrom: 1,
      sql: `format($1::text${types.map((t, i) => `, $${i + 2}::${t === T ? 'text' : t === I4 ? 'int4' : 'numeric'}`).join('')})`,
    });
  const T2 = [T, T];
  out.push(fmt('%s %s', ['a', 'b'], T2), fmt('%1$s %1$s', ['x'], [T]), fmt('%I', ['Foo'], [T]), fmt('%L', ["it's"], [T]));
  out.push(fmt('%L', [null], [T]), fmt('%s', [null], [T]), fmt('%5s|%-5s|', ['a', 'b'], T2), fmt('%*s|', ['4', 'x'], [I4, T]));
  out.push(fmt('%-*s|', ['4', 'x'], [I4, T]), fmt('%2$s %1$s %s', ['a', 'b', 'c'], [T, T, T]), fmt('%*2$s|', ['x', '3', 'y'], [T, I4, T]));
  out.push(fmt('%s %s', ['a'], [T]), fmt('%z', ['a'], [T]), fmt('%', ['a'], [T]), fmt('%I', [null], [T]), fmt('%0$s', ['a'], [T]));
  out.push(fmt('%1$', ['a'], [T]), fmt('%s', ['1.50'], [OID.numeric]), fmt('%L', ['1.5'], [OID.numeric]), fmt('%I', ['a b'], [T]));
  out.push(fmt('%*s|', ['-4', 'x'], [I4, T]), fmt('%*s|', [null, 'x'], [I4, T]), fmt('%3s|', ['é'], [T]), fmt('%I', ['select'], [T]));
  out.push(fmt('%1$*2$s|', ['x', '5'], [T, I4]), fmt('%5L|', ['a'], [T]), fmt('%-0s|', ['a'], [T]));
  out.push(
    fnCase('concat', [OID.any], ['a', null, '1', '1.50'], { argTypes: [T, T, I4, OID.numeric], variadicFrom: 0, sql: 'concat($1::text, $2::text, $3::int4, $4::numeric)' }),
    fnCase('concat_ws', [T, OID.any], [',', 'a', null, 'b'], { argTypes: [T, T, T, T], variadicFrom: 1, sql: 'concat_ws($1::text, $2::text, $3::text, $4::text)' }),
    fnCase('concat_ws', [T, OID.any], [null, 'a'], { argTypes: [T, T], variadicFrom: 1, sql: 'concat_ws($1::text, $2::text)' }),
    fnCase('num_nulls', [OID.any], ['a', null, null], { argTypes: [T, T, T], variadicFrom: 0, sql: 'num_nulls($1::text, $2::text, $3::text)' }),
    fnCase('num_nonnulls', [OID.any], ['a', null, '1'], { argTypes: [T, T, I4], variadicFrom: 0, sql: 'num_nonnulls($1::text, $2::text, $3::int4)' }),
  );
  return out;
}
