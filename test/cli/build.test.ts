/**
 * The package builds to plain JavaScript with type declarations, and plain `node` (no tsx) can
 * import the build and use it: `tsc -p tsconfig.build.json` into a temporary directory, then a
 * child `node` process imports its index.js, runs statements and reports a result and an error.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'fauxgres-build-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run build', () => {
  it('emits JavaScript and declarations that plain node can import and run', () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(out, 'dist')], { cwd: ROOT, stdio: 'pipe' });
    expect(existsSync(join(out, 'dist/index.js'))).toBe(true);
    expect(existsSync(join(out, 'dist/index.d.ts'))).toBe(true);
    // The build resolves its dependencies (libpg-query, pg-types, ...) from the project.
    symlinkSync(join(ROOT, 'node_modules'), join(out, 'node_modules'), 'dir');
    writeFileSync(join(out, 'package.json'), JSON.stringify({ type: 'module' }));
    const script = `
      import { Database } from './dist/index.js';
      const db = await Database.create();
      await db.exec("CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, n numeric(10,2) CHECK (n > 0))");
      const r = await db.query('INSERT INTO t (n) VALUES ($1), ($2) RETURNING id, n', ['1.50', '2']);
      let code;
      try { await db.query('INSERT INTO t (n) VALUES (-1)'); } catch (e) { code = e.code + ' ' + e.constraint; }
      console.log(JSON.stringify({ rows: r.rows, command: r.command, code }));
    `;
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: out, encoding: 'utf8' });
    expect(JSON.parse(stdout)).toEqual({
      rows: [
        { id: '1', n: '1.50' },
        { id: '2', n: '2.00' },
      ],
      command: 'INSERT',
      code: '23514 t_n_check',
    });
  }, 300_000);
});
