/**
 * The pgcrypto functions apps use: crypt() / gen_salt() with Blowfish (bcrypt, `$2a$` as pgcrypto
 * writes it), digest(), hmac(), gen_random_bytes(). Callable once CREATE EXTENSION pgcrypto ran.
 * Other crypt algorithms (md5, des, xdes) raise 0A000.
 * Postgres counterpart: contrib/pgcrypto (px-crypt.c, pgcrypto.c).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { fn } from './registry.js';

const EXT = { extension: 'pgcrypto' } as const;
const utf8 = (s: string) => Buffer.from(s, 'utf8');

const DIGESTS: Record<string, string> = { md5: 'md5', sha1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
function algorithm(name: string): string {
  const a = DIGESTS[name.toLowerCase()];
  if (!a) throw new PgError(SQLSTATE.external_routine_invocation_exception, `Cannot use "${name}": No such hash algorithm`);
  return a;
}

function genSalt(type: string, rounds?: number): string {
  if (type.toLowerCase() !== 'bf') throw featureNotSupported(`gen_salt('${type}')`);
  const r = rounds ?? 6;
  if (r < 4 || r > 31) throw new PgError(SQLSTATE.invalid_parameter_value, 'gen_salt: Incorrect number of rounds');
  return bcrypt.genSaltSync(r).replace(/^\$2b\$/, '$2a$');
}

fn('gen_salt', [OID.text], OID.text, (a) => genSalt(a[0] as string), { volatility: 'v', ...EXT });
fn('gen_salt', [OID.text, OID.int4], OID.text, (a) => genSalt(a[0] as string, a[1] as number), { volatility: 'v', ...EXT });
fn('crypt', [OID.text, OID.text], OID.text, (a) => {
  const salt = a[1] as string;
  if (!/^\$2[abxy]\$\d\d\$/.test(salt)) throw featureNotSupported('crypt() with a non-Blowfish salt');
  return bcrypt.hashSync(a[0] as string, salt);
}, { ...EXT });
for (const t of [OID.text, OID.bytea]) {
  fn('digest', [t, OID.text], OID.bytea, (a) => new Uint8Array(createHash(algorithm(a[1] as string)).update(typeof a[0] === 'string' ? utf8(a[0]) : (a[0] as Uint8Array)).digest()), { ...EXT });
  fn('hmac', [t, t, OID.text], OID.bytea, (a) => {
    const key = typeof a[1] === 'string' ? utf8(a[1]) : (a[1] as Uint8Array);
    const data = typeof a[0] === 'string' ? utf8(a[0]) : (a[0] as Uint8Array);
    return new Uint8Array(createHmac(algorithm(a[2] as string), key).update(data).digest());
  }, { ...EXT });
}
fn('gen_random_bytes', [OID.int4], OID.bytea, (a) => {
  const n = a[0] as number;
  if (n < 1 || n > 1024) throw new PgError(SQLSTATE.external_routine_invocation_exception, 'Length not in range');
  return new Uint8Array(randomBytes(n));
}, { volatility: 'v', ...EXT });
