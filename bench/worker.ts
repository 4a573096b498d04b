/**
 * A worker process: measures one engine (probe, or a list of figures) and streams what it finds
 * to the orchestrator over IPC. One worker per engine per repetition, so every engine starts from
 * a fresh process and `ready.cold` is really cold.
 *
 * Postgres counterpart: none. Started by run.ts with `--import tsx --expose-gc`; never run directly.
 */
import { EngineUnavailable, type EngineAdapter, type EngineSession } from './engines/adapter.js';
import { createAdapter } from './engines/registry.js';
import { instanceCache, type FigureContext } from './figures/context.js';
import { FIGURE_RUNNERS } from './figures/index.js';
import type { ProbeResult, WorkerMessage, WorkerTask } from './protocol.js';
import { fixtureSeed, schemaSql, splitStatements, type SchemaVariant } from './workload/workload.js';

const send = (m: WorkerMessage): void => {
  if (!terminating) process.send?.(m);
};

const firstLine = (err: unknown): string => {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 300) ?? 'unknown error';
};

let current: EngineAdapter | undefined;
/** Set on SIGTERM: the orchestrator gave up on this worker; stop reporting and starting figures. */
let terminating = false;

async function trySchema(adapter: EngineAdapter, variant: SchemaVariant): Promise<EngineSession> {
  const s = await adapter.start();
  try {
    await s.exec(schemaSql(variant));
    await s.exec(fixtureSeed());
    return s;
  } catch (err) {
    await s.close().catch(() => {});
    throw err;
  }
}

/** Finds the first statement of the variant's schema (then the seed) that the engine rejects. */
async function firstFailure(adapter: EngineAdapter, variant: SchemaVariant): Promise<string | undefined> {
  const s = await adapter.start();
  try {
    for (const stmt of [...splitStatements(schemaSql(variant)), fixtureSeed()]) {
      try {
        await s.exec(stmt);
      } catch (err) {
        const head = stmt.replace(/\s+/g, ' ').slice(0, 60);
        return `${firstLine(err)} (at: ${head}…)`;
      }
    }
    return undefined;
  } finally {
    await s.close().catch(() => {});
  }
}

async function probe(adapter: EngineAdapter): Promise<ProbeResult> {
  let result: Omit<ProbeResult, 'versions'>;
  let serverVersion: string | undefined;
  try {
    let variant: SchemaVariant = 'trigger';
    let triggerError: string | undefined;
    let s: EngineSession;
    try {
      s = await trySchema(adapter, 'trigger');
    } catch (err) {
      if (err instanceof EngineUnavailable) throw err;
      triggerError = firstLine(err);
      variant = 'notrigger';
      s = await trySchema(adapter, 'notrigger');
    }
    try {
      const r = await s.query('SHOW server_version');
      serverVersion = String(Object.values(r.rows[0] as Record<string, unknown>)[0]);
    } catch {
      // Not every engine answers SHOW.
    }
    await s.close();
    result = { status: 'ok', variant, triggerError };
  } catch (err) {
    if (err instanceof EngineUnavailable) {
      result = { status: 'unavailable', reason: firstLine(err) };
    } else {
      const where = await firstFailure(adapter, 'notrigger').catch(() => undefined);
      result = { status: 'failed', reason: where ?? firstLine(err) };
    }
  }
  const versions = await adapter.versions().catch(() => ({}) as Record<string, string>);
  if (serverVersion) versions.server_version = serverVersion;
  return { ...result, versions };
}

async function runFigures(task: Extract<WorkerTask, { kind: 'figures' }>, adapter: EngineAdapter): Promise<void> {
  const cache = instanceCache(adapter, task.variant);
  try {
    for (const figure of task.figures) {
      if (terminating) break;
      send({ type: 'figure-start', figure });
      const ctx: FigureContext = {
        figure,
        adapter,
        profile: task.profile,
        variant: task.variant,
        emit: (m) => send({ type: 'measure', figure, m }),
        info: (key, value) => send({ type: 'info', figure, key, value }),
        fixture: cache.fixture,
        dataset: cache.dataset,
      };
      try {
        await FIGURE_RUNNERS[figure](ctx);
        send({ type: 'figure-end', figure });
      } catch (err) {
        const prefix = err instanceof EngineUnavailable ? 'unavailable: ' : '';
        send({ type: 'figure-end', figure, error: prefix + firstLine(err) });
      }
    }
  } finally {
    await cache.closeAll();
  }
}

async function main(task: WorkerTask): Promise<void> {
  // Resources bypass `send`'s gate: the orchestrator must hear of them even while we terminate.
  const adapter = createAdapter(task.engine, { onResource: (r) => process.send?.({ type: 'resource', ...r } satisfies WorkerMessage) });
  current = adapter;
  try {
    if (task.kind === 'probe') send({ type: 'probe', result: await probe(adapter) });
    else await runFigures(task, adapter);
  } finally {
    await adapter.shutdown().catch(() => {});
    current = undefined;
  }
  send({ type: 'done' });
  // Engines may keep handles open (timers, WASM workers); the orchestrator has all it needs.
  setTimeout(() => process.exit(0), 50);
}

process.on('SIGTERM', () => {
  terminating = true;
  const a = current;
  current = undefined;
  void (a ? a.shutdown().catch(() => {}) : Promise.resolve()).finally(() => process.exit(143));
});

process.once('message', (task: WorkerTask) => {
  void main(task).catch((err: unknown) => {
    process.stderr.write(`worker failed: ${firstLine(err)}\n`);
    process.exit(1);
  });
});
