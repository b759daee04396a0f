// What the browser benchmarks share: the release server on a free port with
// a throwaway data directory, and Chromium's flags (DEVELOPERS.md).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Headless, root, no network but ours. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The value after `--NAME` on the command line, else `fallback`. */
export function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

export const serverBin = process.env.JIUZHU_SERVER_BIN ?? join(root, 'target', 'release', 'jiuzhu-server');

/** Start `target/release/jiuzhu-server` (or `JIUZHU_SERVER_BIN`, or `bin`)
 *  serving `dist/` (or `JIUZHU_DIST`, or `dist`); resolves with its URL and
 *  `stop()`. `prepare(dataDir)` runs first (e.g. `users add` with the
 *  server's CLI). */
export async function startServer({ prepare, bin = serverBin, dist } = {}) {
  dist ??= process.env.JIUZHU_DIST ?? join(root, 'dist');
  const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-'));
  prepare?.(dataDir);
  const child = spawn(bin, ['--bind', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--dist', dist], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, RUST_LOG: 'warn' },
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
