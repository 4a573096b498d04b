/**
 * Password authentication, server side: trust (no password configured), cleartext, MD5 and
 * SCRAM-SHA-256 (RFC 5802/7677 without channel binding), so clients that insist on a password work.
 * A failed exchange is FATAL 28P01 `password authentication failed for user "..."`.
 * Postgres counterpart: src/backend/libpq/auth.c, auth-scram.c, crypt.c.
 * Known gaps: SCRAM-SHA-256-PLUS (no TLS), per-role passwords (one password for every user).
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { MessageWriter } from './writer.js';
import { FieldReader, protocolViolation } from './reader.js';

export type AuthMethod = 'trust' | 'password' | 'md5' | 'scram-sha-256';

export interface AuthOptions {
  /** The password every user must give; without one, every connection is trusted. */
  password?: string;
  /** How the password is asked for (default `scram-sha-256`, as Postgres's default). */
  method?: AuthMethod;
}

const R = 0x52;
const SCRAM_ITERATIONS = 4096;

function failed(user: string): PgError {
  return new PgError(SQLSTATE.invalid_password, `password authentication failed for user "${user}"`, { severity: 'FATAL' });
}

function hmac(key: Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** The server-side SCRAM verifier of a password: computed once per server (PBKDF2 is slow on purpose). */
interface ScramSecret {
  salt: Buffer;
  storedKey: Buffer;
  serverKey: Buffer;
}

const secrets = new Map<string, ScramSecret>();

function scramSecret(password: string): ScramSecret {
  let s = secrets.get(password);
  if (!s) {
    const salt = randomBytes(16);
    const salted = pbkdf2Sync(password.normalize('NFKC'), salt, SCRAM_ITERATIONS, 32, 'sha256');
    s = { salt, storedKey: createHash('sha256').update(hmac(salted, 'Client Key')).digest(), serverKey: hmac(salted, 'Server Key') };
    secrets.set(password, s);
  }
  return s;
}

/** One connection's authentication exchange. */
export class Authenticator {
  private step: 'start' | 'password' | 'md5' | 'sasl-initial' | 'sasl-final' | 'done' = 'start';
  private salt = Buffer.alloc(0);
  private clientFirstBare = '';
  private serverFirst = '';
  private nonce = '';

  constructor(
    private readonly options: AuthOptions,
    private readonly user: string,
  ) {}

  /** Writes the first authentication request; returns true when no password is needed. */
  start(w: MessageWriter): boolean {
    if (this.options.password === undefined || this.options.method === 'trust') {
      this.step = 'done';
      return true;
    }
    const method = this.options.method ?? 'scram-sha-256';
    if (method === 'password') {
      w.begin(R).int32(3).end();
      this.step = 'password';
    } else if (method === 'md5') {
      this.salt = randomBytes(4);
      w.begin(R).int32(5).bytes(this.salt).end();
      this.step = 'md5';
    } else {
      w.begin(R).int32(10).cstring('SCRAM-SHA-256').byte(0).end();
      this.step = 'sasl-initial';
    }
    return false;
  }

  /** Handles a password / SASL message ('p'); returns true when authentication succeeded. */
  receive(body: Buffer, w: MessageWriter): boolean {
    const password = this.options.password as string;
    const r = new FieldReader(body);
    switch (this.step) {
      case 'password': {
        const given = r.cstring();
        if (given !== password) throw failed(this.user);
        this.step = 'done';
        return true;
      }
      case 'md5': {
        const given = r.cstring();
        const inner = createHash('md5').update(password + this.user).digest('hex');
        const expected = 'md5' + createHash('md5').update(Buffer.concat([Buffer.from(inner), this.salt])).digest('hex');
        if (given !== expected) throw failed(this.user);
        this.step = 'done';
        return true;
      }
      case 'sasl-initial': {
        const mechanism = r.cstring();
        if (mechanism !== 'SCRAM-SHA-256') {
          throw new PgError(SQLSTATE.protocol_violation, 'client selected an invalid SASL authentication mechanism', { severity: 'FATAL' });
        }
        const len = r.int32();
        const first = r.bytes(len).toString('utf8');
        // gs2 header: "n,," (no channel binding) or "y,,"; then the bare message "n=<user>,r=<nonce>".
        const m = /^[ny],(?:a=[^,]*)?,(n=[^,]*,r=([^,]+).*)$/.exec(first);
        if (!m) throw new PgError(SQLSTATE.protocol_violation, 'malformed SCRAM message', { severity: 'FATAL', detail: 'Unexpected channel-binding flag.' });
        this.clientFirstBare = m[1];
        this.nonce = m[2] + randomBytes(18).toString('base64');
        const secret = scramSecret(password);
        this.serverFirst = `r=${this.nonce},s=${secret.salt.toString('base64')},i=${SCRAM_ITERATIONS}`;
        w.begin(R).int32(11).text(this.serverFirst).end();
        this.step = 'sasl-final';
        return false;
      }
      case 'sasl-final': {
        const final = r.rest().toString('utf8');
        const m = /^(c=[^,]*,r=([^,]*)),p=([^,]*)$/.exec(final);
        if (!m || m[2] !== this.nonce) throw new PgError(SQLSTATE.protocol_violation, 'malformed SCRAM message', { severity: 'FATAL' });
        const secret = scramSecret(password);
        const authMessage = `${this.clientFirstBare},${this.serverFirst},${m[1]}`;
        const proof = Buffer.from(m[3], 'base64');
        const signature = hmac(secret.storedKey, authMessage);
        if (proof.length !== signature.length) throw failed(this.user);
        const clientKey = Buffer.alloc(proof.length);
        for (let i = 0; i < proof.length; i++) clientKey[i] = proof[i] ^ signature[i];
        if (!timingSafeEqual(createHash('sha256').update(clientKey).digest(), secret.storedKey)) throw failed(this.user);
        const serverSignature = hmac(secret.serverKey, authMessage).toString('base64');
        w.begin(R).int32(12).text(`v=${serverSignature}`).end();
        this.step = 'done';
        return true;
      }
      default:
        throw protocolViolation('unexpected password message');
    }
  }
}
