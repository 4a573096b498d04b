/**
 * ICU locale names as CREATE COLLATION takes them: the standard form Postgres stores (a BCP 47
 * language tag such as `und-u-ks-level2`, converted from ICU's legacy `@colStrength=secondary`
 * format and case-normalized), and the Intl.Collator settings a tag's collation keywords mean.
 *
 * Postgres counterpart: icu_language_tag() and icu_validate_locale() in
 * src/backend/utils/adt/pg_locale_icu.c / pg_locale.c (uloc_toLanguageTag), and ICU's
 * collation keywords (ks, kc, kf, kn, ka, co).
 * Known gaps: Intl.Collator has no setting for kb (French backwards accents), kr (reordering),
 * kv (max variable) nor tailoring rules; collations using them are refused (0A000). Level 2 with
 * a case level is approximated by full (tertiary) strength.
 */
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

/** ICU's legacy keyword names (`@colStrength=...`) → BCP 47 keys, with their value names. */
const LEGACY_KEYWORDS: Record<string, [string, Record<string, string>]> = {
  colstrength: ['ks', { primary: 'level1', secondary: 'level2', tertiary: 'level3', quaternary: 'level4', identical: 'identic' }],
  colcaselevel: ['kc', { yes: 'true', no: 'false' }],
  colbackwards: ['kb', { yes: 'true', no: 'false' }],
  colcasefirst: ['kf', { upper: 'upper', lower: 'lower', no: 'false' }],
  colalternate: ['ka', { shifted: 'shifted', 'non-ignorable': 'noignore' }],
  colnumeric: ['kn', { yes: 'true', no: 'false' }],
  colnormalization: ['kk', { yes: 'true', no: 'false' }],
  colhiraganaquaternary: ['kh', { yes: 'true', no: 'false' }],
  colreorder: ['kr', {}],
  collation: ['co', { phonebook: 'phonebk', traditional: 'trad', dictionary: 'dict', gb2312han: 'gb2312', big5han: 'big5han' }],
};

/** The outcome of converting a locale name: the tag, or the text of the conversion failure. */
export type LanguageTagResult = { tag: string } | { error: string };

/**
 * The standard form of an ICU locale name (uloc_toLanguageTag): `@key=value` keywords become
 * `-u-` keywords sorted by key, `_` becomes `-`, subtags get their canonical case, the empty
 * name is `und`, and `C` / `POSIX` are `en-US-u-va-posix`.
 *
 * @example icuLanguageTag('@colStrength=secondary') // { tag: 'und-u-ks-level2' }
 */
export function icuLanguageTag(locale: string): LanguageTagResult {
  if (locale === 'C' || locale === 'POSIX') return { tag: 'en-US-u-va-posix' };
  const at = locale.indexOf('@');
  const keywords: [string, string][] = [];
  let base = at >= 0 ? locale.slice(0, at) : locale;
  if (at >= 0) {
    for (const kv of locale.slice(at + 1).split(';')) {
      if (kv === '') continue;
      const eq = kv.indexOf('=');
      const k = (eq >= 0 ? kv.slice(0, eq) : kv).trim().toLowerCase();
      const v = eq >= 0 ? kv.slice(eq + 1).trim().toLowerCase() : '';
      const spec = LEGACY_KEYWORDS[k];
      if (!spec) return { error: `could not convert locale name "${locale}" to language tag: U_ILLEGAL_ARGUMENT_ERROR` };
      keywords.push([spec[0], spec[1][v] ?? v]);
    }
  }
  const subtags = base.replace(/_/g, '-').split('-').filter((s) => s !== '');
  const out: string[] = [];
  let i = 0;
  for (; i < subtags.length; i++) {
    const s = subtags[i];
    if (s.length === 1) break;
    if (i === 0) out.push(s.toLowerCase());
    else if (/^[A-Za-z]{4}$/.test(s) && out.length === 1) out.push(s[0].toUpperCase() + s.slice(1).toLowerCase());
    else if (/^([A-Za-z]{2}|[0-9]{3})$/.test(s)) out.push(s.toUpperCase());
    else out.push(s.toLowerCase());
  }
  // Extensions: -u- keywords (a key and its value subtags), anything else kept as given.
  let rest: string[] = [];
  while (i < subtags.length) {
    const single = subtags[i].toLowerCase();
    if (single !== 'u') {
      rest = subtags.slice(i).map((s) => s.toLowerCase());
      break;
    }
    i++;
    while (i < subtags.length && subtags[i].length !== 1) {
      const key = subtags[i++].toLowerCase();
      const vals: string[] = [];
      while (i < subtags.length && subtags[i].length > 2) vals.push(subtags[i++].toLowerCase());
      keywords.push([key, vals.join('-') || (key === 'kc' || key === 'kn' || key === 'kb' ? 'true' : '')]);
    }
  }
  base = out.length ? out.join('-') : 'und';
  keywords.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const u = keywords.length ? '-u-' + keywords.map(([k, v]) => (v ? `${k}-${v}` : k)).join('-') : '';
  return { tag: base + u + (rest.length ? '-' + rest.join('-') : '') };
}

/** The language subtag of a tag (`und` for the root locale). */
export function tagLanguage(tag: string): string {
  return tag.split('-')[0];
}

/**
 * Whether ICU knows a language (icu_validate_locale's test, through the locales Node's ICU
 * has collation data for).
 */
export function isKnownIcuLanguage(lang: string): boolean {
  if (lang === 'und' || lang === 'root' || lang === '') return true;
  try {
    return Intl.Collator.supportedLocalesOf([lang]).length > 0;
  } catch {
    return false;
  }
}

/** What an Intl.Collator needs for a tag: the locale to open and its options. */
export interface IntlCollatorSettings {
  readonly locale: string;
  readonly options: Intl.CollatorOptions;
}

const VALID_VALUES: Record<string, readonly string[]> = {
  ks: ['level1', 'level2', 'level3', 'level4', 'identic'],
  kc: ['true', 'false'],
  kn: ['true', 'false'],
  kf: ['upper', 'lower', 'false'],
  ka: ['shifted', 'noignore'],
};

/**
 * The Intl.Collator locale and options of an ICU language tag. Raises 22023 for a keyword value
 * ICU rejects (as opening the collator fails in Postgres) and 0A000 for keywords Intl.Collator
 * cannot express.
 *
 * @example intlCollatorSettings('und-u-ks-level2') // { locale: 'und', options: { sensitivity: 'accent' } }
 */
export function intlCollatorSettings(tag: string): IntlCollatorSettings {
  const uAt = tag.indexOf('-u-');
  const base = uAt >= 0 ? tag.slice(0, uAt) : tag;
  const kw = new Map<string, string>();
  if (uAt >= 0) {
    const parts = tag.slice(uAt + 3).split('-');
    for (let i = 0; i < parts.length; ) {
      if (parts[i].length === 1) break;
      const key = parts[i++];
      const vals: string[] = [];
      while (i < parts.length && parts[i].length > 2) vals.push(parts[i++]);
      kw.set(key, vals.join('-') || 'true');
    }
  }
  for (const [k, v] of kw) {
    const valid = VALID_VALUES[k];
    if (valid && !valid.includes(v)) throw new PgError(SQLSTATE.invalid_parameter_value, `could not open collator for locale "${tag}": U_ILLEGAL_ARGUMENT_ERROR`);
    if (k === 'kb' || k === 'kr' || k === 'kv' || k === 'kh' || k === 'kk') {
      if (v === 'false') continue;
      throw featureNotSupported(`ICU collation keyword "${k}" (locale "${tag}")`);
    }
  }
  const options: Intl.CollatorOptions = {};
  const ks = kw.get('ks');
  const caseLevel = kw.get('kc') === 'true';
  if (ks === 'level1') options.sensitivity = caseLevel ? 'case' : 'base';
  else if (ks === 'level2') options.sensitivity = caseLevel ? 'variant' : 'accent';
  const kf = kw.get('kf');
  if (kf === 'upper' || kf === 'lower') options.caseFirst = kf;
  if (kw.get('kn') === 'true') options.numeric = true;
  if (kw.get('ka') === 'shifted') options.ignorePunctuation = true;
  const co = kw.get('co');
  const lang = tagLanguage(base);
  const locale = (lang === 'und' || !isKnownIcuLanguage(lang) ? 'und' : base.replace(/-posix$/, '')) + (co ? `-u-co-${co}` : '');
  return { locale, options };
}
