/**
 * LISTEN / UNLISTEN / NOTIFY and pg_notify: actions are transactional (kept on the transaction,
 * undone by ROLLBACK and ROLLBACK TO SAVEPOINT), applied at commit; a committed transaction's
 * notifications (duplicates of the same channel and payload collapsed, order kept) go to every
 * session listening on the channel at that moment, the sender included, and are delivered when
 * the receiving session is outside a transaction (at once if idle, else right after its
 * transaction ends), as Postgres delivers them.
 * Postgres counterpart: src/backend/commands/async.c.
 * Known gaps: no 8 GB queue limit (pg_notification_queue_usage() is 0).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

export type NotifyAction =
  | { readonly kind: 'listen' | 'unlisten'; readonly channel: string }
  | { readonly kind: 'unlisten_all' }
  | { readonly kind: 'notify'; readonly channel: string; readonly payload: string };

/** What a listener receives (node-postgres's shape: `processId`, `channel`, `payload`). */
export interface Notification {
  readonly processId: number;
  readonly channel: string;
  readonly payload: string;
}

/** A session as the hub sees it. */
export interface NotifyTarget {
  readonly pid: number;
  /** True while the session is inside a transaction (delivery waits for its end). */
  inTransaction(): boolean;
  /** Receives a notification when idle. */
  deliver(n: Notification): void;
}

const MAX_PAYLOAD = 8000;

/** Checks NOTIFY's arguments as Postgres does (before anything is queued). */
export function notifyAction(channel: string | null, payload: string | null): NotifyAction {
  if (channel === null || channel === '') throw new PgError(SQLSTATE.invalid_parameter_value, 'channel name cannot be empty');
  if (channel.length >= 64) throw new PgError(SQLSTATE.invalid_parameter_value, 'channel name too long');
  const p = payload ?? '';
  if (Buffer.byteLength(p) >= MAX_PAYLOAD) throw new PgError(SQLSTATE.invalid_parameter_value, 'payload string too long');
  return { kind: 'notify', channel, payload: p };
}

/** The listeners of one database and the delivery queues of its sessions. */
export class NotifyHub {
  private readonly listening = new Map<NotifyTarget, Set<string>>();
  private readonly queues = new Map<NotifyTarget, Notification[]>();

  /** Channels `t` listens on (pg_listening_channels()). */
  channels(t: NotifyTarget): string[] {
    return [...(this.listening.get(t) ?? [])];
  }

  /** Applies a committed transaction's actions, in order; then delivers what can be delivered. */
  commit(t: NotifyTarget, actions: readonly NotifyAction[]): void {
    const sent: { channel: string; payload: string }[] = [];
    const seen = new Set<string>();
    for (const a of actions) {
      if (a.kind === 'notify') {
        const key = `${a.channel}\u0000${a.payload}`;
        if (!seen.has(key)) {
          seen.add(key);
          sent.push(a);
        }
        continue;
      }
      let set = this.listening.get(t);
      if (a.kind === 'listen') {
        if (!set) this.listening.set(t, (set = new Set()));
        set.add(a.channel);
      } else if (a.kind === 'unlisten') set?.delete(a.channel);
      else set?.clear();
    }
    for (const n of sent) {
      for (const [target, chans] of this.listening) {
        if (!chans.has(n.channel)) continue;
        let q = this.queues.get(target);
        if (!q) this.queues.set(target, (q = []));
        q.push({ processId: t.pid, channel: n.channel, payload: n.payload });
      }
    }
    for (const target of [...this.queues.keys()]) if (!target.inTransaction()) this.flush(target);
  }

  /** Delivers `t`'s queued notifications (call when its transaction ended). */
  flush(t: NotifyTarget): void {
    const q = this.queues.get(t);
    if (!q?.length) return;
    this.queues.delete(t);
    for (const n of q) t.deliver(n);
  }

  /** A session ended: it listens no more. */
  remove(t: NotifyTarget): void {
    this.listening.delete(t);
    this.queues.delete(t);
  }
}
