/**
 * Describes the machine a run happened on: CPU, cores, memory, OS, Node, load, git commit.
 *
 * Postgres counterpart: none.
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import type { MachineInfo } from './report/results.js';

function gitCommit(): string | undefined {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return undefined;
  }
}

/** Reads the machine description; call `withLoadEnd` when the run finishes. */
export function describeMachine(): MachineInfo {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryBytes: totalmem(),
    os: `${type()} ${release()}`,
    node: process.version,
    loadStart: loadavg()[0]!,
    loadEnd: loadavg()[0]!,
    gitCommit: gitCommit(),
  };
}

/** The same description with the load average at the end of the run. */
export function withLoadEnd(m: MachineInfo): MachineInfo {
  return { ...m, loadEnd: loadavg()[0]! };
}
