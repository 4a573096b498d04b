/**
 * Text comparison under a collation: the database default (ICU `en-US`, as the oracle is
 * initialised), `C` / `POSIX` / `ucs_basic` / `pg_c_utf8` (code-point order, which is UTF-8 byte
 * order), ICU collations named `<locale>-x-icu`, and citext's case-insensitive comparison.
 *
 * Like Postgres with a deterministic collation, strings that ICU ranks equal but that differ
 * (`'a\u0301'` vs `'á'`, ignorable control characters) are ordered by their bytes, so the order is
 * total and `compare(a, b) === 0` exactly when `a === b`.
 *
 * Postgres counterpart: varstr_cmp() in src/backend/utils/adt/varlena.c and
 * src/backend/utils/adt/pg_locale_icu.c; citext_cmp() in contrib/citext/citext.c.
 * User collations (CREATE COLLATION) are registered here by name with their provider, locale
 * and determinism (`registerUserCollation`); expressions carry the collation's name.
 * Known gaps: libc locales other than C / POSIX / C.UTF-8; a collation name is process-wide here,
 * so two databases of one process that define the same name differently share the last one
 * defined. Node's ICU (78.x at the time of writing) and the oracle's agree on every generated
 * test case.
 */
import { intlCollatorSettings } from './icu-locale.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

/** A three-way comparison of two strings. */
export type TextComparator = (a: string, b: string) => number;

/**
 * Code-point order (UTF-8 byte order), the order of collation "C". JS `<` compares UTF-16 code
 * units, which disagrees with code points only when one side is a surrogate (U+10000 and up) and
 * the other a unit in U+E000..U+FFFF; the first differing unit is remapped in that case.
 *
 * @example compareCodePoints('\uffff', '😀') < 0 // while '\uffff' > '😀' in UTF-16
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
        y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
      }
      return x < y ? -1 : 1;
    }
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

/**
 * An ICU comparator with Postgres's deterministic tie-break. V8 has a native fast path in
 * `String.prototype.localeCompare` for ASCII text under root-like locales (en-US is one), ~4x
 * faster than `Intl.Collator#compare`; it falls back to the same ICU collator otherwise, so both
 * give identical results (checked on millions of random pairs). We take the fast path when both
 * strings start with an ASCII character, the collator otherwise.
 */
function icuComparator(locale: string, options?: Intl.CollatorOptions): TextComparator {
  if (options && Object.keys(options).length) {
    const icu = new Intl.Collator(locale, options).compare;
    return (a, b) => {
      if (a === b) return 0;
      const r = icu(a, b);
      return r !== 0 ? r : compareCodePoints(a, b);
    };
  }
  const collator = new Intl.Collator(locale);
  const icu = collator.compare;
  return (a, b) => {
    if (a === b) return 0;
    const r = a.charCodeAt(0) < 128 && b.charCodeAt(0) < 128 ? a.localeCompare(b, locale) : icu(a, b);
    return r !== 0 ? r : compareCodePoints(a, b);
  };
}

/** The database default collation (ICU en-US). */
export const compareDefaultText: TextComparator = icuComparator('en-US');

const comparators = new Map<string, TextComparator>([
  ['default', compareDefaultText],
  ['C', compareCodePoints],
  ['POSIX', compareCodePoints],
  ['ucs_basic', compareCodePoints],
  ['pg_c_utf8', compareCodePoints],
  ['pg_unicode_fast', compareCodePoints],
  ['C.utf8', compareCodePoints],
  ['unicode', icuComparator('und')],
  ['en-US-x-icu', compareDefaultText],
]);

/**
 * The comparator of a collation by its SQL name (`default`, `C`, `POSIX`, `ucs_basic`,
 * `pg_c_utf8`, `unicode`, `<bcp47>-x-icu`). Cached; fetch it once per plan, not per row.
 * Returns undefined for names it does not know (the caller raises `42704`).
 */
export function textComparator(collation: string): TextComparator | undefined {
  let c = comparators.get(collation);
  if (c === undefined) {
    const u = userCollations.get(collation);
    if (u !== undefined) return u.compare;
    if (collation.charCodeAt(0) === 0) return indeterminateComparator;
  }
  if (c === undefined && collation.endsWith('-x-icu')) {
    const locale = collation.slice(0, -6);
    let supported = false;
    try {
      supported = Intl.Collator.supportedLocalesOf([locale]).length > 0 || locale === 'und';
    } catch {
      supported = false;
    }
    if (supported) {
      c = icuComparator(locale);
      comparators.set(collation, c);
    }
  }
  return c;
}

/**
 * Compares two strings under a collation (default: the database collation, ICU en-US).
 * Unknown collation names fall back to the default.
 *
 * @example
 * compareText('a', 'B') < 0        // en-US: a < B
 * compareText('a', 'B', 'C') > 0   // code points: B (0x42) < a (0x61)
 */
export function compareText(a: string, b: string, collation = 'default'): number {
  if (collation === 'default') return compareDefaultText(a, b);
  return (textComparator(collation) ?? compareDefaultText)(a, b);
}

/**
 * citext's comparison: both sides lower-cased (Unicode default case mapping, which is what ICU
 * en-US applies), then compared under the collation.
 *
 * @example compareCitext('ABC', 'abc') === 0
 */
export function compareCitext(a: string, b: string, collation = 'default'): number {
  if (a === b) return 0;
  return compareText(a.toLowerCase(), b.toLowerCase(), collation);
}

/** What CREATE COLLATION defined: provider (c libc, i ICU, b builtin), locale, determinism. */
export interface CollationSpec {
  readonly provider: 'c' | 'i' | 'b';
  /** The ICU language tag, or the libc / builtin locale name. */
  readonly locale: string;
  readonly deterministic: boolean;
}

/** A registered user collation: its comparator, equality, and the locale case mapping uses. */
export interface UserCollation {
  readonly spec: CollationSpec;
  readonly compare: TextComparator;
  /** The language case mapping follows (`tr` maps i to İ), undefined for locale-independent mapping. */
  readonly caseLocale: string | undefined;
}

const userCollations = new Map<string, UserCollation>();
/** Names of the registered nondeterministic collations (checked on the equality path). */
const nondeterministicNames = new Set<string>();

/**
 * The comparator a spec defines: code points for libc C / POSIX / C.UTF-8 and the builtin
 * provider, an ICU collator otherwise. A deterministic collation breaks ties by code point; a
 * nondeterministic one leaves strings the collator ranks equal equal.
 */
export function specComparator(spec: CollationSpec): TextComparator {
  if (spec.provider !== 'i') return compareCodePoints;
  const { locale, options } = intlCollatorSettings(spec.locale);
  if (spec.deterministic) return icuComparator(locale, options);
  const icu = new Intl.Collator(locale, options).compare;
  return (a, b) => (a === b ? 0 : icu(a, b));
}

/**
 * Registers (or replaces) a user collation under the name expressions carry. Raises what
 * opening the collator raises (see intlCollatorSettings).
 */
export function registerUserCollation(name: string, spec: CollationSpec): void {
  const lang = spec.provider === 'i' ? spec.locale.split('-')[0] : undefined;
  userCollations.set(name, { spec, compare: specComparator(spec), caseLocale: lang === 'tr' || lang === 'az' || lang === 'lt' ? lang : undefined });
  if (spec.deterministic) nondeterministicNames.delete(name);
  else nondeterministicNames.add(name);
}

/** The registered user collation of a name. */
export function userCollation(name: string): UserCollation | undefined {
  return userCollations.get(name);
}

/** Whether a collation name is a nondeterministic collation (equality by the collator). */
export function isNondeterministic(collation: string | undefined): boolean {
  return collation !== undefined && nondeterministicNames.size !== 0 && nondeterministicNames.has(collation);
}

/**
 * Text equality under a collation: identical strings, or, under a nondeterministic collation,
 * strings its collator ranks equal.
 */
export function textEquals(a: string, b: string, collation: string | undefined): boolean {
  if (a === b) return true;
  if (collation === undefined) return false;
  if (collation.charCodeAt(0) === 0) throw indeterminateCollationError();
  if (nondeterministicNames.size === 0) return false;
  const u = nondeterministicNames.has(collation) ? userCollations.get(collation) : undefined;
  return u !== undefined && u.compare(a, b) === 0;
}

/** The case-mapping locale of a collation (`tr` for a Turkish ICU collation), if it has one. */
export function caseMappingLocale(collation: string | undefined): string | undefined {
  if (collation === undefined || collation === 'default') return undefined;
  if (collation.endsWith('-x-icu')) {
    const lang = collation.split('-')[0];
    return lang === 'tr' || lang === 'az' || lang === 'lt' ? lang : undefined;
  }
  return userCollations.get(collation)?.caseLocale;
}

/** Letters ICU expands at the primary level that Unicode decomposition leaves alone. */
const PRIMARY_EXPANSIONS: Record<string, string> = { ß: 'ss', ẞ: 'ss', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd', ł: 'l', Ł: 'l', ı: 'i', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th' };

/**
 * A coarse key that strings a collator may rank equal share: compatibility-decomposed, without
 * marks, format and control characters, punctuation and spaces, case-folded, with the common
 * primary expansions. (Strings sharing it still go through the collator.)
 */
function coarseKey(s: string): string {
  let k = s.normalize('NFKD').replace(/[\p{M}\p{Cf}\p{Cc}\p{P}\p{Z}\p{S}]/gu, '').toLowerCase();
  if (/[^\x00-\x7f]/.test(k)) k = k.replace(/[ßẞæÆœŒøØđĐłŁıðÐþÞ]/g, (c) => PRIMARY_EXPANSIONS[c]);
  return k;
}

/**
 * The hash key of a string under a nondeterministic collation: the first string seen that the
 * collator ranks equal to it (so equal strings share a key), found among the strings sharing
 * its coarse key. Undefined for deterministic collations (the string is its own key).
 * Known gap: strings ICU ranks equal through expansions coarseKey does not know (rare letters)
 * get keys of their own.
 */
export function collationHashKey(collation: string | undefined): ((s: string) => string) | undefined {
  if (!isNondeterministic(collation)) return undefined;
  const compare = userCollations.get(collation!)!.compare;
  const reps = new Map<string, string[]>();
  const memo = new Map<string, string>();
  return (s) => {
    const hit = memo.get(s);
    if (hit !== undefined) return hit;
    const ck = coarseKey(s);
    let bucket = reps.get(ck);
    if (!bucket) reps.set(ck, (bucket = []));
    let rep = bucket.find((r) => compare(r, s) === 0);
    if (rep === undefined) {
      rep = s;
      bucket.push(s);
    }
    memo.set(s, rep);
    return rep;
  };
}

/**
 * Collation names that stand for "no collation could be chosen" (parse_collate.c's
 * COLLATE_CONFLICT and InvalidOid on a collatable result). They start with U+0000, which no
 * collation name can. A conflict carries the two implicit collations and the location of the
 * second, for the 42P21 a sort or group key raises; comparing under either raises 42P22.
 */
export const NO_COLLATION = '\u0000none';

/** The collation name of a conflict between implicit collations `a` and `b` (b at `location`). */
export function conflictCollation(a: string, b: string, location: number | undefined): string {
  return `\u0000conflict\u0000${a}\u0000${b}\u0000${location ?? -1}`;
}

/** The parts of a conflict collation name, or undefined for other names. */
export function collationConflict(collation: string | undefined): { first: string; second: string; location: number | undefined } | undefined {
  if (collation === undefined || !collation.startsWith('\u0000conflict\u0000')) return undefined;
  const [, , first, second, loc] = collation.split('\u0000');
  return { first, second, location: Number(loc) >= 0 ? Number(loc) : undefined };
}

/** Whether a collation name is a conflict or no collation (see NO_COLLATION). */
export function isIndeterminateCollation(collation: string | undefined): boolean {
  return collation !== undefined && collation.charCodeAt(0) === 0;
}

/** 42P22, as varstr_cmp / texteq raise it when no collation was determined. */
export function indeterminateCollationError(): Error {
  return new PgError(SQLSTATE.indeterminate_collation, 'could not determine which collation to use for string comparison', {
    hint: 'Use the COLLATE clause to set the collation explicitly.',
  });
}

const indeterminateComparator: TextComparator = () => {
  throw indeterminateCollationError();
};

/**
 * Whether case mapping under a collation changes ASCII letters only: libc C / POSIX and the
 * builtin C locale (ucs_basic), built-in or user-defined.
 */
export function isAsciiCaseCollation(collation: string | undefined): boolean {
  if (collation === undefined || collation === 'default') return false;
  if (collation === 'C' || collation === 'POSIX' || collation === 'ucs_basic') return true;
  const u = userCollations.get(collation);
  return u !== undefined && (u.spec.provider === 'c' ? u.spec.locale === 'C' || u.spec.locale === 'POSIX' : u.spec.provider === 'b' && u.spec.locale === 'C');
}
