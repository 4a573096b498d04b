/**
 * The unaccent extension (1.1): the `unaccent` text search template and dictionary (a filtering
 * dictionary: its output goes on to the next dictionary of a mapping) with the rules file the
 * oracle ships (extension-data/unaccent-rules.ts, generated), and unaccent(text) /
 * unaccent(regdictionary, text). Present once CREATE EXTENSION unaccent ran, in its schema.
 * Postgres counterpart: contrib/unaccent/unaccent.c, unaccent--1.1.sql, unaccent.rules.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { lexize, registerExtensionDictionary, tsDictionaryByOid } from '../tsearch/ts-config.js';
import { UNACCENT_RULES } from './extension-data/unaccent-rules.js';
import { fn } from './registry.js';

/** Reserved OIDs (outside the range the OID counter reaches), as citext's type has. */
export const UNACCENT_TEMPLATE_OID = 4294960100;
export const UNACCENT_DICT_OID = 4294960101;
const EXT = 'unaccent';

/**
 * The rules: a source string, whitespace, then the replacement (a double-quoted string with ""
 * for a quote, or a bare word); a source alone is deleted. The first rule for a source wins.
 */
function parseRules(text: string): Map<string, string> {
  const rules = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\S+)(?:\s+(?:"((?:[^"]|"")*)"|(\S+)))?\s*$/.exec(line);
    if (!m) continue;
    const trg = m[2] !== undefined ? m[2].replace(/""/g, '"') : (m[3] ?? '');
    if (!rules.has(m[1])) rules.set(m[1], trg);
  }
  return rules;
}

let RULES: Map<string, string> | undefined;
let longest = 1;

/** unaccent_lexize: the token with every rule applied (longest source first), or null when none applied. */
export function unaccentLexize(token: string): string | null {
  if (!RULES) {
    RULES = parseRules(UNACCENT_RULES);
    for (const k of RULES.keys()) longest = Math.max(longest, [...k].length);
  }
  let out: string | null = null;
  const chars = [...token];
  for (let i = 0; i < chars.length; ) {
    let hit: string | undefined;
    let len = 0;
    for (let n = Math.min(longest, chars.length - i); n >= 1; n--) {
      hit = RULES.get(n === 1 ? chars[i] : chars.slice(i, i + n).join(''));
      if (hit !== undefined) {
        len = n;
        break;
      }
    }
    if (hit !== undefined) {
      if (out === null) out = chars.slice(0, i).join('');
      out += hit;
      i += len;
    } else {
      if (out !== null) out += chars[i];
      i++;
    }
  }
  return out;
}

registerExtensionDictionary({
  extension: EXT,
  dictionary: { oid: UNACCENT_DICT_OID, name: 'unaccent', template: UNACCENT_TEMPLATE_OID, initOption: "rules = 'unaccent'" },
  template: { oid: UNACCENT_TEMPLATE_OID, name: 'unaccent', init: 0, lexize: 0 },
  filter: true,
  lexize: (token) => {
    const r = unaccentLexize(token);
    return r === null ? null : [r];
  },
});

const opts = { extension: EXT, volatility: 's' } as const;
fn('unaccent', [OID.text], OID.text, (a) => unaccentLexize(a[0] as string) ?? a[0], opts);
fn('unaccent', [OID.regdictionary, OID.text], OID.text, (a, rt) => {
  const dict = a[0] as number;
  if (!tsDictionaryByOid(dict, rt.session.catalog())) throw new PgError(SQLSTATE.internal_error, `cache lookup failed for text search dictionary ${dict}`);
  const r = lexize(dict, a[1] as string);
  return r && r.length ? r[0] : a[1];
}, opts);
