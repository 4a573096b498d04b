/**
 * fast-check generators of input texts for every supported type: valid spellings, edge values
 * and invalid ones, mixed. Used by types.property.test.ts (see README.md in this folder).
 *
 * Postgres counterpart: none (test harness); the spellings come from the input functions in
 * src/backend/utils/adt/ (int.c, numeric.c, float.c, datetime.c, varlena.c, json.c, arrayfuncs.c).
 */
import fc from 'fast-check';

/** Quotes an SQL string literal (standard_conforming_strings on). */
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

/** Pads a text with random leading/trailing spaces now and then. */
const padded = (a: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(a, pick('', '', '', ' ', '  ', '\t', '\n'), pick('', '', '', ' ', '  ')).map(([s, l, r]) => `${l}${s}${r}`);

const bool = padded(
  pick('t', 'f', 'true', 'false', 'TRUE', 'False', 'yes', 'no', 'y', 'n', 'on', 'off', 'of', 'o', '1', '0', 'maybe', '', 'tr', 'truee', 'yES', 'OFF'),
);

function intOf(bits: 16 | 32 | 64): fc.Arbitrary<string> {
  const max = 2n ** BigInt(bits - 1);
  return padded(
    fc.oneof(
      fc.bigInt({ min: -max - 3n, max: max + 3n }).map(String),
      fc.integer({ min: -1000, max: 1000 }).map(String),
      pick(String(max), String(-max), String(max - 1n), String(-max - 1n), '+5', '-0', '+0', '0x1F', '0X1f', '-0x8000', '0o17', '0b101',
        '1_000', '_1', '1__0', '1_', '1e3', '1.0', '', ' ', '-', '+', '0x', '12abc', '00012', '٣', '0x7FFFFFFFFFFFFFFF', '-0x8000000000000000'),
    ),
  );
}

const decimal: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 25 })).map(([neg, n, scale]) => {
    const s = n.toString().padStart(scale + 1, '0');
    const int = s.slice(0, s.length - scale);
    const frac = s.slice(s.length - scale);
    return `${neg ? '-' : ''}${int}${frac ? '.' + frac : ''}`;
  }),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => String(d)),
  fc.tuple(fc.integer({ min: -99999, max: 99999 }), fc.integer({ min: -40, max: 40 })).map(([m, e]) => `${m / 100}e${e}`),
);

const numeric = padded(
  fc.oneof(
    decimal,
    pick('NaN', 'nan', 'Infinity', '-Infinity', '+inf', 'inf', '-inf', '1e1000', '1e-1000', '.5', '5.', '-.0', '-0', '0.000', '1_000.5', '1_000_000',
      '0x1F', '0b11', '1e', 'e5', '', '.', '1.2.3', '9999.995', '-9999.995', '0.0000000000000000000001', '123456789012345678901234567890.123456789'),
  ),
);

const float = padded(
  fc.oneof(
    fc.double().map((d) => String(d)),
    fc.double().map((d) => d.toExponential()),
    fc.double({ min: -1e-300, max: 1e-300 }).map((d) => d.toExponential(17)),
    fc.float().map((d) => String(d)),
    pick('NaN', 'nan', 'Infinity', '-Infinity', 'inf', '-INF', '+infinity', '-0', '0', '-0.0', '4.9e-324', '5e-324', '2.2250738585072014e-308', '1e-400', '1e400', '-1e400',
      '1.7976931348623157e308', '1.7976931348623159e308', '3.4028235e38', '3.4028236e38', '1.4e-45', '1e-46', '1.17549435e-38', '0x10', '1e', '', '1.5x', '.5', '5.', '1_0', '1e+5', '00.100'),
  ),
);

/** Random text: unicode, quotes, backslashes, trailing spaces. */
const textish: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 10, unit: 'grapheme' }),
  fc.string({ maxLength: 8, unit: fc.constantFrom('a', 'b', ' ', "'", '"', '\\', 'é', 'ß', 'İ', '日', '😀', '\t', '{', '}', ',', 'N', 'U', 'L') }),
  pick('abc  ', '  abc', 'ab cd ', '', ' ', 'NULL', 'null', "it's", 'back\\slash', 'ÅÉÎ', 'x'.repeat(70)),
).filter((s) => !s.includes('\u0000'));

const uuid = padded(
  fc.oneof(
    fc.uuid(),
    fc.uuid().map((u) => u.toUpperCase()),
    fc.uuid().map((u) => `{${u}}`),
    fc.uuid().map((u) => u.replace(/-/g, '')),
    fc.uuid().map((u) => u.replace(/-/g, '').replace(/(....)/g, '$1-').slice(0, -1)),
    pick('', '{}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a111', 'a0eebc999c0b4ef8bb6d6bb9bd380a1g', '{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      'a0eebc99-9c0b4ef8-bb6d-6bb9bd380a11', 'a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11', '-a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'a0eebc99--9c0b-4ef8-bb6d-6bb9bd380a11'),
  ),
);

const bytea = fc.oneof(
  fc.uint8Array({ maxLength: 8 }).map((b) => '\\x' + Buffer.from(b).toString('hex')),
  fc.uint8Array({ maxLength: 8 }).map((b) => '\\X' + Buffer.from(b).toString('hex').toUpperCase()),
  fc.string({ maxLength: 6, unit: fc.constantFrom('a', '\\\\', '\\001', '\\377', '\\400', '\\', "'", 'é', ' ', '\\x', '\\12') }),
  pick('\\x', '\\x0', '\\xzz', '\\x 01 02', '\\x01 ', 'abc\\', '\\\\', '\\0', '\\000', '\\1234', 'plain'),
);

const date = padded(
  fc.oneof(
    fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.tuple(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${m}-${d} BC`),
    fc.tuple(fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 2100 })).map(([m, d, y]) => `${m}/${d}/${y}`),
    pick('epoch', 'infinity', '-infinity', 'today', 'allballs', '2024-02-29', '2023-02-29', '2024-13-01', '0000-01-01', '4714-11-24 BC', '4714-11-23 BC',
      '5874897-12-31', '5874898-01-01', 'January 8, 1999', '1999-Jan-08', 'Jan-08-1999', '08-Jan-1999', '19990108', '990108', '1999.008', 'J2451187', '1/8/1999',
      '1/18/1999', '18/1/1999', '99-Jan-08', 'Jan 8 1999 AD', '2024-01-01T00:00:00', '2024-01-01 12:34', '', 'garbage', '2024-1-1', '  2024-06-15  ', 'Tue 2024-06-18'),
  ),
);

const tzSuffix = pick('', '', '', 'Z', '+00', '+02', '-05:30', '+14', '-12:00', ' UTC', ' America/New_York', ' Europe/Berlin', ' EST', ' PST8PDT', '+25', ' Mars/Olympus', '+05:30:15', 'z');

const time = padded(
  fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 9999999 })).map(
      ([h, m, s, us]) => `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}${us ? '.' + String(us).padStart(7, '0').replace(/0+$/, '') : ''}`,
    ),
    pick('allballs', '24:00:00', '24:00:00.000001', '23:59:59.9999995', '23:59:59.999999', '12:00 AM', '12:00 PM', '1:02:03 pm', '04:05', '040506', 'T04:05:06', '4:5:6',
      '25:00', '12:60', '12:00:60', '12:00:61', 'noon', '', '2024-01-01 04:05:06', '04:05:06.789+02', '1.5', 'midnight'),
  ),
);

const timetz = fc.tuple(time, tzSuffix).map(([t, z]) => `${t}${z}`);

const timestamp = padded(
  fc.oneof(
    fc.tuple(date, pick(' ', 'T', ' '), time).map(([d, sep, t]) => `${d.trim()}${sep}${t.trim()}`),
    // From 1950: older instants print historical zone abbreviations (EWT, CEMT, MMT) fauxgres does not know.
    fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
    pick('epoch', 'infinity', '-infinity', '+infinity', 'Infinity', '294276-12-31 23:59:59.999999', '294277-01-01 00:00:00', '4713-11-24 00:00:00 BC', '4714-11-24 00:00:00 BC',
      '2024-03-10 02:30:00', '2024-11-03 01:30:00', 'January 8 04:05:06 1999', 'Wed Dec 17 07:37:16 1997', '1997-12-17 07:37:16-08', '1997.12.17 07:37:16.00',
      '2024-06-15 12:00:00.1234565', '2024-06-15 12:00:00.1234575', '2024-06-15T12:00:00.5+05:30', '2024-06-15 12:00 America/Los_Angeles', '2024-06-15 24:00:00',
      '2024-06-15 12:00:00 BC', '1970-01-01 00:00:00+00', '2000-01-01 00:00:00 allballs', '20240615 120000', '2024-06-15 12:00:00 zulu'),
  ),
);

const timestamptz = fc.oneof(timestamp, fc.tuple(timestamp, tzSuffix).map(([t, z]) => `${t.trim()}${z}`));

const intervalUnit = pick('microseconds', 'milliseconds', 'second', 'secs', 'minute', 'min', 'hour', 'hours', 'day', 'days', 'week', 'weeks', 'month', 'mons', 'year', 'years', 'decade', 'century', 'millennium', 'fortnight');

const interval = padded(
  fc.oneof(
    fc.array(fc.tuple(fc.oneof(fc.integer({ min: -100, max: 100 }).map(String), pick('1.5', '-0.5', '2147483647', '1e2', '0.000001')), intervalUnit), { minLength: 1, maxLength: 3 }).map(
      (parts) => parts.map(([n, u]) => `${n} ${u}`).join(' '),
    ),
    fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -99, max: 99 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 })).map(([d, h, m, s]) => `${d} ${h}:${m}:${s}`),
    fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 30 })).map(([y, mo, d, h]) => `P${y}Y${mo}M${d}DT${h}H`),
    pick('@ 1 day ago', '1 day ago', 'P1Y2M3DT4H5M6S', 'P0.5Y', 'PT1.5S', 'P1W', 'PT', 'P', 'P1Y2', 'P0001-02-03T04:05:06', '1-2', '1-2 3 4:05:06', '-1-2 +3 -4:05:06', '1:02', '1:02:03.5',
      '00:00:00.0000005', '00:00:00.0000015', '-00:00:01', 'infinity', '-infinity', '178000000 years', '2147483647 days 2147483647 hours', '1 day 2 days', '', 'garbage', '1 fortnite',
      '+1 month -1 day', '1.5 months', '0.1 year', '10000000000 microseconds', '1 mon 1 mon', '3 4', '@ 5 hours 3 mins ago'),
  ),
);

const jsonText: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 3 }),
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v, null, 1)),
  pick('{"a":1,"a":2}', '{"b":1,"a":2,"aa":3}', '[1, 2.50, -0, 1e3, 1E-2, 0.1e1]', '1e400', '-1e-400', '123456789012345678901234567890', '"\\u00e9\\ud83d\\ude00"', '"\\u0000"',
    '"\\ud800"', '"a\\tb\\n"', '{"a" : [ true , false , null ] }', '{', '[1,]', 'nul', '', ' ', 'NaN', '01', '-', '"abc', '{"a":1}x', '{"\\u0041":"\\u00"}', '"é"', '[[[[]]]]', '{"":""}', '1.0', '-0.0'),
);

/** Element texts for arrays of each element type (quoted when needed by arrayLiteral). */
const arrayElems: Record<string, fc.Arbitrary<string | null>> = {
  int4: fc.option(intOf(32).map((s) => s.trim()).filter((s) => s !== ''), { nil: null, freq: 5 }),
  text: fc.option(textish, { nil: null, freq: 5 }),
  numeric: fc.option(numeric.map((s) => s.trim()).filter((s) => s !== ''), { nil: null, freq: 5 }),
  date: fc.option(date.map((s) => s.trim()).filter((s) => s !== ''), { nil: null, freq: 5 }),
  bool: fc.option(bool.map((s) => s.trim()).filter((s) => s !== ''), { nil: null, freq: 5 }),
  float8: fc.option(float.map((s) => s.trim()).filter((s) => s !== ''), { nil: null, freq: 5 }),
  interval: fc.option(interval.map((s) => s.trim()).filter((s) => s !== ''), { nil: null, freq: 5 }),
  timestamptz: fc.option(timestamptz.map((s) => s.trim()).filter((s) => s !== ''), { nil: null, freq: 5 }),
  uuid: fc.option(uuid.map((s) => s.trim()).filter((s) => s !== ''), { nil: null, freq: 5 }),
  bytea: fc.option(bytea, { nil: null, freq: 5 }),
  jsonb: fc.option(jsonText, { nil: null, freq: 5 }),
};

const quoteElem = (e: string | null, always: boolean): string =>
  e === null ? 'NULL' : always || e === '' || /[{}",\\\s]/.test(e) || /^null$/i.test(e) ? `"${e.replace(/[\\"]/g, (c) => '\\' + c)}"` : e;

function arrayLiteral(elem: fc.Arbitrary<string | null>): fc.Arbitrary<string> {
  const one = fc.tuple(fc.array(elem, { maxLength: 4 }), fc.boolean()).map(([xs, q]) => `{${xs.map((x) => quoteElem(x, q)).join(',')}}`);
  const two = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.array(elem, { minLength: 9, maxLength: 9 }), fc.boolean()).map(
    ([r, c, xs, q]) => `{${Array.from({ length: r }, (_, i) => `{${xs.slice(i * 3, i * 3 + c).map((x) => quoteElem(x, q)).join(',')}}`).join(',')}}`,
  );
  const decorated = fc.tuple(fc.integer({ min: -3, max: 3 }), fc.array(elem, { minLength: 1, maxLength: 3 }), fc.integer({ min: -1, max: 1 })).map(
    ([lo, xs, off]) => `[${lo}:${lo + xs.length - 1 + off}]={${xs.map((x) => quoteElem(x, false)).join(',')}}`,
  );
  return fc.oneof(
    { weight: 4, arbitrary: one },
    { weight: 2, arbitrary: two },
    { weight: 1, arbitrary: decorated },
    { weight: 1, arbitrary: pick('{}', '{{}}', '{{1,2},{3}}', '{1,{2}}', '{"a"b}', '{a b}', ' { 1 , 2 } ', '{,}', '{1,}', '1,2', '{{1},{2}}', '{NULL}', '{"NULL"}', '[1:0]={}', '[2]={1}', '[1:2][1:1]={{1},{2}}', '{1}}', '{') },
  );
}

/** type name → generator of input texts. */
/** jsonpath texts: a mode, a primary, accessors, filters and operators, sometimes malformed. */
const jpPredicate = fc.constantFrom(
  '@ > 1', '@.a == "x"', 'exists(@.b)', '@ like_regex "^a" flag "i"', '@ starts with "a"', '!(@ < 0) && @ != null',
  '(@ == 1) is unknown', '@.size() >= $n || @.type() == "string"', '@ + 1 * 2 > (3 - @) / 2', '@ == true', '@ <> 1.5e2',
);
const jpAccessor = fc.oneof(
  fc.constantFrom('.a', '.b', '."x y"', '.size', '.*', '.**', '.**{1 to last}', '.**{2}', '[*]', '[0]', '[1 to last]', '[last - 1, 0]', '.type()', '.double()', '.keyvalue()', '.datetime()', '.decimal(5,2)', '.time(3)', '.string()'),
  jpPredicate.map((p) => ` ? (${p})`),
);
const jsonpathText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('', 'strict ', 'lax ', 'STRICT '),
    fc.constantFrom('$', '$var', '1', '"s"', '-$', '(1 + 2)', '0x1F', '.5', '1e3', '$."a b"'),
    fc.array(jpAccessor, { maxLength: 4 }),
    fc.constantFrom('', '', ' + 1', ' * $.a', ' == 2', ' % 3', ' )', ' &&', ' like_regex "("', '.1a', ' ? (@)', '@', ' last'),
  )
  .map(([mode, head, acc, tail]) => mode + head + acc.join('') + tail);

export const TYPE_INPUTS: Record<string, fc.Arbitrary<string>> = {
  bool,
  int2: intOf(16),
  int4: intOf(32),
  int8: intOf(64),
  numeric,
  'numeric(5,2)': numeric,
  'numeric(3,-1)': numeric,
  'numeric(4,6)': numeric,
  float4: float,
  float8: float,
  text: textish,
  'varchar(5)': textish,
  'char(5)': textish,
  char: textish,
  name: textish,
  uuid,
  bytea,
  date,
  time,
  'time(2)': time,
  timetz,
  timestamp,
  'timestamp(0)': timestamp,
  timestamptz,
  'timestamptz(3)': timestamptz,
  interval,
  'interval(1)': interval,
  'interval day to second': interval,
  'interval year to month': interval,
  json: jsonText,
  jsonb: jsonText,
  jsonpath: jsonpathText,
  'int4[]': arrayLiteral(arrayElems.int4),
  'text[]': arrayLiteral(arrayElems.text),
  'numeric[]': arrayLiteral(arrayElems.numeric),
  'date[]': arrayLiteral(arrayElems.date),
  'bool[]': arrayLiteral(arrayElems.bool),
  'float8[]': arrayLiteral(arrayElems.float8),
  'varchar(3)[]': arrayLiteral(arrayElems.text),
  'char(2)[]': arrayLiteral(arrayElems.text),
  'name[]': arrayLiteral(arrayElems.text),
  'interval[]': arrayLiteral(arrayElems.interval),
  'timestamptz[]': arrayLiteral(arrayElems.timestamptz),
  'uuid[]': arrayLiteral(arrayElems.uuid),
  'bytea[]': arrayLiteral(arrayElems.bytea),
  'jsonb[]': arrayLiteral(arrayElems.jsonb),
  'float4[]': arrayLiteral(arrayElems.float8),
  '"char"': textish,
  mood: padded(pick('sad', 'ok', 'happy', 'Happy', 'meh', '')),
  posint: intOf(32),
};

/** Types created on both engines before the tests. */
export const TYPE_SETUP = `CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy'); CREATE DOMAIN posint AS int CHECK (VALUE > 0);`;

/** [source type, generator, target types]: casts between related types. */
export const CASTS: [string, fc.Arbitrary<string>, string[]][] = [
  ['int4', intOf(32), ['int2', 'int8', 'numeric', 'numeric(3,1)', 'float4', 'float8', 'text', 'bool', 'varchar(2)', 'char(3)', 'posint', 'interval']],
  ['int8', intOf(64), ['int2', 'int4', 'numeric', 'float4', 'float8', 'text', 'bool']],
  ['numeric', numeric, ['int2', 'int4', 'int8', 'numeric(5,2)', 'numeric(3,-1)', 'numeric(2,2)', 'float4', 'float8', 'text', 'numeric(1000,0)']],
  ['float8', float, ['int2', 'int4', 'int8', 'numeric', 'numeric(6,3)', 'float4', 'text', 'varchar(4)']],
  ['float4', float, ['int4', 'int8', 'numeric', 'float8', 'text']],
  ['text', textish, ['varchar(3)', 'char(3)', 'name', 'bpchar', 'bytea', 'json', 'char']],
  ['char(6)', textish, ['text', 'varchar(3)', 'char(2)', 'name']],
  ['varchar', textish, ['char(4)', 'text', 'name']],
  ['bool', bool, ['int4', 'text', 'varchar(2)']],
  ['text', bool, ['bool']],
  ['text', intOf(32), ['int4', 'numeric', 'float8']],
  ['timestamp', timestamp, ['timestamptz', 'date', 'time', 'text', 'timestamp(0)', 'timestamp(2)']],
  ['timestamptz', timestamptz, ['timestamp', 'date', 'time', 'timetz', 'text', 'timestamptz(0)']],
  ['date', date, ['timestamp', 'timestamptz', 'text']],
  ['time', time, ['timetz', 'interval', 'text', 'time(0)']],
  ['timetz', timetz, ['time', 'text']],
  ['interval', interval, ['time', 'text', 'interval(0)', 'interval year', 'interval hour to minute', 'interval month']],
  ['json', jsonText, ['jsonb', 'text']],
  ['jsonb', jsonText, ['json', 'text', 'int4', 'numeric', 'bool', 'float8']],
  ['int4[]', arrayLiteral(arrayElems.int4), ['int8[]', 'numeric[]', 'text[]', 'float4[]', 'int2[]', 'text']],
  ['text[]', arrayLiteral(arrayElems.text), ['varchar(2)[]', 'int4[]', 'char(2)[]', 'text']],
  ['numeric[]', arrayLiteral(arrayElems.numeric), ['int4[]', 'numeric(4,1)[]', 'float8[]']],
  ['uuid', uuid, ['text']],
  ['date[]', arrayLiteral(arrayElems.date), ['timestamptz[]', 'timestamp[]', 'text[]', 'text']],
  ['text[]', arrayLiteral(arrayElems.date), ['date[]', 'timestamp(0)[]']],
  ['float8[]', arrayLiteral(arrayElems.float8), ['int4[]', 'numeric[]', 'float4[]', 'text[]']],
  ['interval[]', arrayLiteral(arrayElems.interval), ['text[]', 'interval(0)[]', 'time[]']],
  ['jsonb[]', arrayLiteral(arrayElems.jsonb), ['json[]', 'text[]']],
  ['bool[]', arrayLiteral(arrayElems.bool), ['int4[]', 'text[]']],
  ['timestamptz', timestamptz, ['timestamp(3)', 'date', 'varchar(10)']],
  ['interval', interval, ['interval day to second', 'interval minute to second(2)', 'interval day', 'interval(3)']],
  ['numeric', numeric, ['numeric(10,5)', 'numeric(1,0)', 'numeric(38,-5)']],
  ['text', textish, ['"char"', 'int4', 'uuid', 'date']],
  ['bytea', bytea, ['text']],
  ['mood', pick('sad', 'ok', 'happy'), ['text']],
  ['text', pick('sad', 'ok', 'happy', 'nope'), ['mood']],
  ['posint', intOf(32), ['int8', 'text']],
];

/** Session settings a batch runs under (every batch sets all of them, so none leaks). */
export const SETTINGS: fc.Arbitrary<string[]> = fc
  .record({
    tz: pick('UTC', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Europe/Berlin', 'Australia/Lord_Howe', '-03:30', 'Pacific/Chatham'),
    ds: pick('ISO, MDY', 'ISO, MDY', 'ISO, DMY', 'SQL, DMY', 'German', 'Postgres, MDY', 'Postgres, YMD'),
    // Non-ISO DateStyles print zone abbreviations: not under zones whose past ones fauxgres lacks
    // (Lord_Howe's AEST before 1981, Kolkata's MMT before 1941; see tz-iana.ts).
    safeTz: pick('UTC', 'America/New_York', 'Europe/Berlin', '-03:30', 'Pacific/Chatham'),
    is: pick('postgres', 'postgres', 'iso_8601', 'sql_standard', 'postgres_verbose'),
    bo: pick('hex', 'hex', 'escape'),
    efd: pick('1', '1', '0', '3', '-3'),
  })
  .map(({ tz, ds, safeTz, is, bo, efd }) => [
    `SET TimeZone = '${ds.startsWith('ISO') ? tz : safeTz}'`,
    `SET DateStyle = '${ds}'`,
    `SET IntervalStyle = '${is}'`,
    `SET bytea_output = '${bo}'`,
    `SET extra_float_digits = ${efd}`,
  ]);
