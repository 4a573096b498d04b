/**
 * citext (the extension's case-insensitive text): text I/O, compared by lower-casing both sides
 * (then by the collation), hashed by its lower-cased form. Its pg_type row exists only after
 * CREATE EXTENSION citext; the OIDs are fixed here so operators can be declared once.
 * Postgres counterpart: contrib/citext/citext.c.
 */
import type { TypeIO } from './type-io.js';
import { textIO } from './text.js';
import { compareCitext } from './collation.js';

/** Reserved OIDs (outside the range the OID counter reaches): user-range, as an extension's type is. */
export const CITEXT_OID = 4294960000;
export const CITEXT_ARRAY_OID = 4294960001;

export const citextIO: TypeIO<string> = {
  input: (text, typmod, ctx) => textIO.input(text, typmod, ctx),
  output: (v) => v,
  compare: (a, b) => compareCitext(a, b),
  hashKey: (v) => v.toLowerCase(),
};
