// The worker console's batch screening in headless Chromium: a generated
// roster (100,000 rows by default, `roster::sample`, with bad rows) through
// /console/batch on the release server, as a worker would upload it.
//
//   node bench/batch.mjs [--rows 100000] [--runs 3] [--place 441521] [--wait-warm 1]
//
// Run through `cargo xtask bench batch`, which builds the app, the release
// server and the generator first.
//
// Each run is a fresh browser: sign in, open the batch page, then either
// wait until the page's worker has warmed up (`--wait-warm 1`, the default:
// the worker chooses a file while it does) or not (`0`: the file is handed
// over as soon as the button is enabled, before the browser has optimised
// the WASM). Measured:
// - households/s: households screened / the time from the form's submit
//   (a capture listener on the page) until the results' summary is in the
//   DOM — reading the file, the worker's run, the export, the results sent
//   to the page and parsed there, the first rendering;
// - the worker's own stage times (`run` = decode + read + screen, `export`,
//   `json`), as it reports them;
// - memory: the peak resident set of Chromium's renderer process, which
//   holds the page and its worker (VmHWM in /proc, the process found with
//   CDP SystemInfo.getProcessInfo); the page's JS heap (CDP
//   Performance.getMetrics JSHeapUsedSize, sampled every 50 ms, peak); the
//   page's and the worker's WASM memories (they only grow: their sizes at
//   the end are their peaks). performance.measureUserAgentSpecificMemory()
//   needs a cross-origin-isolated page, which the console is not.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const rows = Number(option('rows', '100000'));
const runs = Number(option('runs', '3'));
const place = option('place', '441521');
const waitWarm = option('wait-warm', '1') === '1';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const serverBin = process.env.JIUZHU_SERVER_BIN ?? join(root, 'target', 'release', 'jiuzhu-server');
const PASSWORD = 'bench batch password, long enough';

function load() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
}

async function startServer() {
  const dist = process.env.JIUZHU_DIST ?? join(root, 'dist');
  const dataDir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-batch-'));
  const add = spawnSync(serverBin, ['--data-dir', dataDir, 'users', 'add', 'bench', '--name', 'bench',
    '--role', 'township', '--office', 'bench', '--jurisdiction', place], { input: `${PASSWORD}\n`, encoding: 'utf8' });
  if (add.status !== 0) throw new Error(`users add: ${add.stderr}`);
  const child = spawn(serverBin, ['--bind', '127.0.0.1', '--port', '0', '--data-dir', dataDir, '--dist', dist], {
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
  return { url, stop: () => { child.kill('SIGTERM'); rmSync(dataDir, { recursive: true, force: true }); } };
}

function generate() {
  const bin = process.env.JIUZHU_GEN_ROSTER_BIN ?? join(root, 'target', 'release', 'examples', 'gen_roster');
  const out = spawnSync(bin, [String(rows), '--bad-every', '50'], { maxBuffer: 1 << 30 });
  if (out.status !== 0) throw new Error(`gen_roster: ${out.stderr}`);
  const summary = out.stderr.toString().trim();
  return { bytes: out.stdout, summary };
}

/** Peak resident set (kB) of Chromium's renderer processes. */
async function rendererPeakKb(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let kb = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      kb += Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    } catch { /* the process is gone */ }
  }
  return kb;
}

async function once(url, file) {
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(300000);
    await page.goto(`${url}/console/`);
    await page.locator('#signin-username').fill('bench');
    await page.locator('#signin-password').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.locator('.site-nav').waitFor();
    await page.goto(`${url}/console/batch`);
    await page.locator('#batch-file').waitFor();
    await page.locator('form.batch-form button[type="submit"]:not([disabled])').waitFor();
    if (waitWarm) {
      await page.locator('form.batch-form[data-worker="warm"]').waitFor();
      // The browser optimises the warmed-up code in the background; a
      // worker choosing a file takes longer than this.
      await page.waitForTimeout(3000);
    }
    await page.locator('#batch-file').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: file.bytes });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    let heapPeak = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const { metrics } = await cdp.send('Performance.getMetrics');
        heapPeak = Math.max(heapPeak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const loadBefore = load();
    await page.evaluate(() => {
      window.benchDone = new Promise((resolve) => {
        document.querySelector('form.batch-form').addEventListener('submit', () => {
          const t0 = performance.now();
          const seen = () => document.querySelector('section.batch-results .summary');
          const observer = new MutationObserver(() => {
            if (seen()) { observer.disconnect(); resolve(performance.now() - t0); }
          });
          observer.observe(document.querySelector('main'), { childList: true, subtree: true });
        }, { capture: true, once: true });
      });
    });
    await page.locator('form.batch-form button[type="submit"]').click();
    const ms = await page.evaluate(() => window.benchDone);
    sampling = false;
    await sampler;
    const section = page.locator('section.batch-results');
    const summary = await section.locator('.summary').textContent();
    const households = Number(/([\d,]+)/.exec(summary)[1].replaceAll(',', ''));
    const stage = JSON.parse((await section.getAttribute('data-stage-ms')) || '{}');
    const workerMemory = Number(await section.getAttribute('data-worker-memory'));
    const pageMemory = Number(await section.getAttribute('data-page-memory'));
    const rssKb = await rendererPeakKb(browser);
    return { ms, households, stage, workerMemory, pageMemory, heapPeak, rssKb, load: `${loadBefore} → ${load()}` };
  } finally {
    await browser.close();
  }
}

const MB = (bytes) => (bytes / 1e6).toFixed(1);
const file = generate();
console.log(`${file.summary}; ${MB(file.bytes.length)} MB; pack ${place}; ${waitWarm ? 'worker warmed up first' : 'file handed over at once (no warm-up wait)'}`);
const server = await startServer();
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const r = await once(server.url, file);
    results.push(r);
    console.log(`run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s for ${r.households} households = ${Math.round(r.households / r.ms * 1000)} households/s, ` +
      `${Math.round(rows / r.ms * 1000)} rows/s | worker: run ${Math.round(r.stage.run)} ms, export ${Math.round(r.stage.export)} ms, json ${Math.round(r.stage.json)} ms | ` +
      `renderer peak RSS ${MB(r.rssKb * 1000)} MB, page JS heap peak ${MB(r.heapPeak)} MB, page WASM ${MB(r.pageMemory)} MB, worker WASM ${MB(r.workerMemory)} MB | load ${r.load}`);
  }
} finally {
  server.stop();
}
const sorted = [...results].sort((a, b) => a.ms - b.ms);
const best = sorted[0];
const median = sorted[Math.floor(sorted.length / 2)];
const rate = (r) => Math.round(r.households / r.ms * 1000);
console.log(`best ${(best.ms / 1000).toFixed(2)} s (${rate(best)} households/s), median ${(median.ms / 1000).toFixed(2)} s (${rate(median)} households/s); ` +
  `peak renderer RSS max ${MB(Math.max(...results.map((r) => r.rssKb)) * 1000)} MB`);
