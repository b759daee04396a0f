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
//   DOM with the table's first households — reading the file, the
//   workers' runs, the summaries sent to the page and read there, the
//   first households asked for and drawn;
// - each worker's own stage times (`read` the file, `plan` the parts,
//   `run` = decode + read + screen its part, `settle` against the earlier
//   parts' ids, `summary` = the codes and bad rows it posts), and the
//   export the workers make after posting the results (the slowest
//   part's), as they report them, and the page's time handling the
//   results;
// - memory: the peak resident set of Chromium's renderer process, which
//   holds the page and its worker (VmHWM in /proc, the process found with
//   CDP SystemInfo.getProcessInfo); the page's JS heap (CDP
//   Performance.getMetrics JSHeapUsedSize, sampled every 50 ms, peak); the
//   page's and the worker's WASM memories (they only grow: their sizes at
//   the end are their peaks). performance.measureUserAgentSpecificMemory()
//   needs a cross-origin-isolated page, which the console is not.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, option, root, serverBin, startServer as startBenchServer } from './server.mjs';
const rows = Number(option('rows', '100000'));
const runs = Number(option('runs', '3'));
const place = option('place', '441521');
const waitWarm = option('wait-warm', '1') === '1';

const PASSWORD = 'bench batch password, long enough';

function load() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
}

/** The release server with one console account, created with the
 *  server's own CLI before it starts. */
function startServer() {
  return startBenchServer({
    prepare(dataDir) {
      const add = spawnSync(serverBin, ['--data-dir', dataDir, 'users', 'add', 'bench', '--name', 'bench',
        '--role', 'township', '--office', 'bench', '--jurisdiction', place], { input: `${PASSWORD}\n`, encoding: 'utf8' });
      if (add.status !== 0) throw new Error(`users add: ${add.stderr}`);
    },
  });
}

/** The roster, written to a file: the browser then reads it from disk as
 *  it would a file the worker picked (setInputFiles with a path sends no
 *  content through the driver). */
function generate() {
  const bin = process.env.JIUZHU_GEN_ROSTER_BIN ?? join(root, 'target', 'release', 'examples', 'gen_roster');
  const out = spawnSync(bin, [String(rows), '--bad-every', '50'], { maxBuffer: 1 << 30 });
  if (out.status !== 0) throw new Error(`gen_roster: ${out.stderr}`);
  const summary = out.stderr.toString().trim();
  const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-roster-'));
  const path = join(dir, 'roster.csv');
  writeFileSync(path, out.stdout);
  return { path, dir, size: out.stdout.length, summary };
}

/** Resident set (kB) of Chromium's renderer processes: `VmHWM` the peak,
 *  `VmRSS` the current. */
async function rendererKb(browser, field = 'VmHWM') {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  let kb = 0;
  for (const p of processInfo.filter((p) => p.type === 'renderer')) {
    try {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      kb += Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
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
    await page.locator('#batch-file').setInputFiles(file.path);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const rssBeforeKb = await rendererKb(browser, 'VmRSS');
    const heapBefore = (await cdp.send('Performance.getMetrics')).metrics
      .find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
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
          // The summary and the first households drawn (the table's count
          // is written with them).
          const seen = () => document.querySelector('section.batch-results .summary')
            && document.querySelector('section.batch-results p.count')?.textContent;
          const observer = new MutationObserver(() => {
            if (window.benchSection === undefined && document.querySelector('section.batch-results')) {
              window.benchSection = performance.now() - t0;
            }
            if (seen()) { observer.disconnect(); resolve(performance.now() - t0); }
          });
          observer.observe(document.querySelector('main'), { childList: true, subtree: true });
        }, { capture: true, once: true });
      });
    });
    await page.locator('form.batch-form button[type="submit"]').click();
    const ms = await page.evaluate(() => window.benchDone);
    const sectionMs = await page.evaluate(() => window.benchSection);
    sampling = false;
    await sampler;
    const section = page.locator('section.batch-results');
    const summary = await section.locator('.summary').textContent();
    const households = Number(/([\d,]+)/.exec(summary)[1].replaceAll(',', ''));
    const stages = JSON.parse((await section.getAttribute('data-stage-ms')) || '[]');
    const workers = Number(await section.getAttribute('data-workers'));
    const startedAt = Number(await section.getAttribute('data-started-at'));
    const finishedAt = Number(await section.getAttribute('data-finished-at'));
    // On the workers' shared clock, from the hand-over: when each worker
    // began and posted its results, when the page had them all.
    const timeline = { sectionMs, workers: stages.map((s) => [Math.round(s.start - startedAt), Math.round(s.end - startedAt)]), finished: Math.round(finishedAt - startedAt) };
    const pageMemory = Number(await section.getAttribute('data-page-memory'));
    const parseMs = Number(await section.getAttribute('data-parse-ms'));
    // The export comes right after the results.
    await page.locator('section.batch-results .export button:not([disabled])').waitFor();
    const exportMs = Number(await section.getAttribute('data-export-ms'));
    const rssKb = await rendererKb(browser);
    return { ms, households, stages, workers, timeline, parseMs, exportMs, workerMemory: Number(await section.getAttribute('data-worker-memory')), pageMemory, heapBefore, heapPeak, rssKb, rssBeforeKb, load: `${loadBefore} → ${load()}` };
  } finally {
    await browser.close();
  }
}

const MB = (bytes) => (bytes / 1e6).toFixed(1);
const file = generate();
console.log(`${file.summary}; ${MB(file.size)} MB; pack ${place}; ${waitWarm ? 'worker warmed up first' : 'file handed over at once (no warm-up wait)'}`);
const server = await startServer();
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const r = await once(server.url, file);
    results.push(r);
    console.log(`run ${i + 1}: ${(r.ms / 1000).toFixed(2)} s for ${r.households} households = ${Math.round(r.households / r.ms * 1000)} households/s, ` +
      `${Math.round(rows / r.ms * 1000)} rows/s | ${r.stages.length} workers, file cut in ${r.workers}: ` +
      r.stages.map((s, k) => `#${k} read ${Math.round(s.read)} (file ${Math.round(s.file)}) plan ${Math.round(s.plan)} run ${Math.round(s.run)}${s.settle === undefined ? '' : ` settle ${Math.round(s.settle)}`} summary ${Math.round(s.summary)} ms`).join(', ') +
      `; then export ${Math.round(r.exportMs)} ms | page: results handled in ${Math.round(r.parseMs)} ms | ` +
      `timeline: workers ${r.timeline.workers.map(([a, b]) => `${a}–${b}`).join(', ')} ms, all in ${r.timeline.finished} ms, results section ${Math.round(r.timeline.sectionMs)} ms, drawn ${Math.round(r.ms)} ms | ` +
      `renderer RSS ${MB(r.rssBeforeKb * 1000)} MB before, peak ${MB(r.rssKb * 1000)} MB, page JS heap ${MB(r.heapBefore)} MB before, peak ${MB(r.heapPeak)} MB, page WASM ${MB(r.pageMemory)} MB, workers' WASM ${MB(r.workerMemory)} MB | load ${r.load}`);
  }
} finally {
  await server.stop();
  rmSync(file.dir, { recursive: true, force: true });
}
const sorted = [...results].sort((a, b) => a.ms - b.ms);
const best = sorted[0];
const median = sorted[Math.floor(sorted.length / 2)];
const rate = (r) => Math.round(r.households / r.ms * 1000);
console.log(`best ${(best.ms / 1000).toFixed(2)} s (${rate(best)} households/s), median ${(median.ms / 1000).toFixed(2)} s (${rate(median)} households/s); ` +
  `peak renderer RSS max ${MB(Math.max(...results.map((r) => r.rssKb)) * 1000)} MB`);
