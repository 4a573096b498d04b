/**
 * fast-check generators of JSON text for the json / jsonb tests: valid documents with varied
 * whitespace, number spellings, escapes, duplicate and same-length keys; and "token soup" that is
 * mostly invalid, to exercise every error message and context position.
 */
import fc from 'fast-check';

const ws = fc.constantFrom('', '', '', ' ', '\n', '\t ', '\r\n', '  ');

export const jsonNumberText = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc
    .tuple(
      fc.constantFrom('', '-'),
      fc.constantFrom('0', '1', '12', '100', '99999999999999999999'),
      fc.constantFrom('', '.0', '.5', '.25', '.000', '.1000'),
      fc.constantFrom('', 'e2', 'E+2', 'e-3', 'e0', 'e-0', 'E05', 'e+10'),
    )
    .map(([s, i, f, e]) => s + i + f + e),
  fc.constantFrom('0', '-0', '1.0', '1e2', '0.0001e4', '-0.0e-0', '123456789012345678901234567890', '1.5e-3', '100.00'),
);

const strPiece = fc.constantFrom(
  'a', 'B', ' ', 'é', '😀', 'x', '\\"', '\\\\', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u00e9', '\\u0041', '\\ud83d\\ude00',
  '\\u001f', '\\u0001', '\u007f', 'aa', 'b', '中', 'A',
);
export const jsonStringText = fc.array(strPiece, { maxLength: 4 }).map((p) => '"' + p.join('') + '"');

/** Keys from a small set so that duplicates, same-length and non-ASCII keys are common. */
export const jsonKeyText = fc.constantFrom('"a"', '"b"', '"aa"', '"ab"', '"B"', '"é"', '"😀"', '""', '"a\\u0062"', '"ba"', '"c"', '"zz"');

const scalar = fc.oneof(
  { weight: 3, arbitrary: jsonNumberText },
  { weight: 3, arbitrary: jsonStringText },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null') },
);

/** A valid JSON document as text. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; array: string; object: string }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('array'), tie('object')),
  array: fc
    .tuple(ws, fc.array(fc.tuple(ws, tie('value'), ws), { maxLength: 4 }))
    .map(([w, items]) => '[' + (items.length ? items.map(([a, v, b]) => a + v + b).join(',') : w) + ']'),
  object: fc
    .tuple(ws, fc.array(fc.tuple(ws, jsonKeyText, ws, ws, tie('value'), ws), { maxLength: 4 }))
    .map(([w, pairs]) => '{' + (pairs.length ? pairs.map(([a, k, b, c, v, d]) => a + k + b + ':' + c + v + d).join(',') : w) + '}'),
})).value.chain((v) => ws.chain((a) => ws.map((b) => a + v + b)));

/** Mostly invalid JSON: random tokens, broken escapes, truncations. */
export const jsonSoupText = fc.oneof(
  fc
    .array(
      fc.constantFrom(
        '{', '}', '[', ']', ',', ':', '"a"', '"\\u00e9"', '"\\ud800"', '"\\udc00"', '"\\ud800\\udc00"', '"\\ud800x"', '"\\u0000"',
        '1', '-0.5e3', '01', '-', '.5', '1.', '1e', '1e+', '-a', 'true', 'truex', 'nul', 'x', ' ', '\n', '\t', '\r',
        '"\\q"', '"a\tb"', '"a\nb"', '"\\u12"', '"\\u12g4"', '"unterminated', 'é', '😀', '+1', '"\\é"', '"\\', '_', '$',
      ),
      { minLength: 1, maxLength: 8 },
    )
    .map((a) => a.join('')),
  jsonText.chain((t) =>
    fc.nat({ max: Math.max(0, t.length) }).map((n) => {
      // Never cut a surrogate pair in half.
      const c = t.charCodeAt(n - 1);
      return t.slice(0, c >= 0xd800 && c <= 0xdbff ? n - 1 : n);
    }),
  ),
);

/** Hand-picked inputs: every error message, context truncation and line counting case seen. */
export const JSON_EDGE_CASES: string[] = [
  'x', '', ' ', '{', '{"a"', '{"a":', '{"a":1', '{"a":1,', '[1,2', '[1,]', '{"a":1,}', '{,}', '[1 2]', '{"a" 1}', '{1:2}',
  '"abc', '"a\\q"', '"\\u00"', '"\\u0000"', '"\\ud800"', '"\\udc00"', '"\\ud800\\u0041"', '01', '1.', '.1', '-', '-a', '1e',
  '1e+', '+1', 'tru', 'truex', 'true x', 'nul', 'NaN', '1 2', '"a\tb"', '[1,2] ]', '{"a":1}}', '123abc', '1.5e3', '-0',
  '[truee]', '{"a":"b"\n,"c":x}', '1.+', '1e+x', '-.5', '1.5.5', '1ex', '0x10', '1_000', '1é', 'trueé', 'é', 'éa', 'x-y',
  '_', '$', '"\\é"', '"\\', '"\\u', '"\\u12', '"\\u12g4"', 'true_', '[1,2]x', '{"a":1 "b"}', '{"a":1}x', '[]]', '[', ']',
  '}', ':', ',', '{"a":1:}', '{"a"}', '{"a":}', '[:]', '{"a",}', '"\\u0041"', '"\\ud83d\\ude00x"', '[-]', '[1e5,-0.0e-0]',
  '[1,2,]', '1E5', '1e05', '00', '-01', '1\r2', '\r\nx', '[\rx\r]', '[}', '[,', '{"a":1,"b"}', '{"a":1,"b":}', '[1,}',
  '{"a":[}', '"\\ud800\\ud800"', '"\\uZZZZ"', '"\\u00e9\\ud800"', '[1,\n', '[1,\n\n', '\n', ' \n ', '[1, \n 2,\n  ',
  '\n"abc', '"\u007f"', 'nul\u007f', '"\\ud800\\q"', '"\\ud800\u0001"', '"\\ud800\\u00"', '"\\ud800', '"\\ud800\\',
  '"\\ud800\\u', '"\\ud800\\ud', '"\\ud800x"', '"\\ud800\\n"', '"a\nb"', '["ab",\n"c\nd"]', '"a\u0001b"',
  `[${'1,'.repeat(40)}x]`, `[${'1,'.repeat(10)}x]`, `["${'é'.repeat(40)}", x]`, `["${'a'.repeat(47)}" x]`,
  `["${'a'.repeat(48)}" x]`, `["${'é'.repeat(23)}" x]`, `["${'é'.repeat(24)}" x]`, `["${'😀'.repeat(15)}" x]`,
  '{"a":\n  x}', '[1,\n2,\nx\n]', '"\\\n"', '[1,\n"\\\nx"]', '"\\ud800\n"', '"\\u12\n"', '\n"\\ud800\\\n',
  '"\\ud800\\udc00\\u0000"', '"\\ud800\\u0000"', '{"a\\u0000":1}', '{"\\ud800":1}', '{"b":1,"a":2,"a":3}', ' { "a" : [ 1 , { } ] } ', '"\\/\\b\\f\\n\\r\\t\\"\\\\"',
];
