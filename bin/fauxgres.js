#!/usr/bin/env node
// The fauxgres command. A source checkout runs src/ through tsx (so it is never stale); the
// published package, which has no src/, runs dist/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli', 'main.ts');
let mod;
if (existsSync(source)) {
  const { tsImport } = await import('tsx/esm/api');
  mod = await tsImport(pathToFileURL(source).href, import.meta.url);
} else {
  mod = await import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href);
}
process.exitCode = await mod.main(process.argv.slice(2));
