// Cold start offline: after one visit with signal, the time from navigation
// to a usable check with no network at all (the browser offline and the
// server stopped), every file from the service worker's cache, with 4× CPU
// throttling (CDP Emulation.setCPUThrottlingRate). Each run is a new tab in
// the same browser profile (the service worker and its cache stay; the
// page's memory does not). Two pages a run: the home page, usable when the
// landing bundle has mounted and the region's start button is on screen
// (`.start-check`); and the check's first step (`/check/members`, the full
// app: its WASM, the messages and the place's pack), usable when the step's
// first field is on screen. Prints the median and the slowest run of each.
//
//   node bench/offline.mjs [--runs 7] [--rate 4] [--lang zh-CN]
//
// Run through `cargo xtask bench offline`, which builds the app and the
// release server first.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, option, startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const runs = Number(option('runs', '7'));
const rate = Number(option('rate', '4'));
const lang = option('lang', 'zh-CN');
const REGION = '441521';



const profileDir = mkdtempSync(join(tmpdir(), 'jiuzhu-bench-profile-'));
const server = await startServer();
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
  viewport: { width: 360, height: 740 },
  locale: lang,
  deviceScaleFactor: 1,
});
let serverUp = true;
try {
  const url = `${server.url}/?region=${REGION}&lang=${lang}`;
  // The one visit with signal: the service worker installs and caches all.
  const first = await context.newPage();
  await first.goto(url);
  await first.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 30000 });
  await first.locator('.start-check').waitFor();
  await first.close();

  await context.setOffline(true);
  await server.stop();
  serverUp = false;

  const times = { home: [], check: [] };
  const pages = [
    ['home', url, '.start-check'],
    ['check', `${server.url}/check/members`, '.check[data-step="members"] #m0-age'],
  ];
  for (let i = 0; i < runs; i++) {
    for (const [name, address, ready] of pages) {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(address, { waitUntil: 'commit' });
      await page.locator(ready).waitFor({ timeout: 60000 });
      const ms = await page.evaluate(() => performance.now());
      if (errors.length) throw new Error(errors.join('\n'));
      times[name].push(ms);
      await page.close();
    }
  }
  for (const [name, list] of Object.entries(times)) {
    list.sort((a, b) => a - b);
    const median = list[Math.floor(list.length / 2)];
    console.log(`offline cold start, ${name} (${rate}× CPU, ${lang}, ${runs} runs): median ${median.toFixed(0)} ms, slowest ${list[list.length - 1].toFixed(0)} ms`);
    console.log(`  runs: ${list.map((t) => t.toFixed(0)).join(', ')} ms`);
  }
} finally {
  await context.close();
  if (serverUp) await server.stop();
  rmSync(profileDir, { recursive: true, force: true });
}
