// The landing's start on `/`, two builds side by side: each run a fresh
// headless Chromium (no throttling) loads the page with a trace until the
// app has replaced the first paint; runs alternate A B B A ... Prints the
// main thread's tasks in thread CPU time (bench/tasks.mjs), which the other
// processes on the two cores move far less than wall time or Lighthouse.
//
//   node bench/trace-boot.mjs --runs 10 --a DIR --b DIR
//
// DIR holds a built `dist/` and a `jiuzhu-server` binary (copies of
// `dist/` and `target/release/jiuzhu-server`), e.g. before and after a
// change.

import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, option } from './server.mjs';
import { startBuild } from './ab.mjs';
import { mainThreadTasks, median } from './tasks.mjs';

const runs = Number(option('runs', '10'));
const dirs = { A: option('a'), B: option('b') };
const servers = { A: await startBuild(dirs.A), B: await startBuild(dirs.B) };
const results = { A: [], B: [] };
try {
  for (let r = 0; r < runs; r++) {
    for (const v of r % 2 ? ['B', 'A'] : ['A', 'B']) {
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...CHROMIUM_ARGS, '--lang=zh-CN'] });
      try {
        const page = await browser.newPage({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
        await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
        await page.goto(`${servers[v].url}/`);
        await page.waitForFunction(() => !document.getElementById('first-paint') && document.querySelector('h1'), null, { timeout: 15000 });
        await page.waitForTimeout(500);
        const t = mainThreadTasks(JSON.parse((await browser.stopTracing()).toString()));
        results[v].push(t);
        console.log(`${r} ${v}: bundle's tasks ${t.wasmTasks.map((x) => x.toFixed(1)).join(' + ')} = ${t.wasm.toFixed(1)} ms; `
          + `first layout ${t.layout.toFixed(1)}; longest ${t.longest.toFixed(1)}; all ${t.all.toFixed(0)}; `
          + `sum of max(0, 4x - 50) ${t.blocking.toFixed(0)} (load ${loadavg()[0].toFixed(2)})`);
      } finally {
        await browser.close();
      }
    }
  }
} finally {
  servers.A.stop();
  servers.B.stop();
}
for (const v of ['A', 'B']) {
  const m = (f) => median(results[v].map(f)).toFixed(1);
  console.log(`${v} ${dirs[v]}, medians of ${results[v].length} (ms of thread CPU time): bundle's tasks ${m((t) => t.wasm)}, `
    + `its longest ${m((t) => Math.max(...t.wasmTasks))}, first layout ${m((t) => t.layout)}, longest task ${m((t) => t.longest)}, `
    + `all tasks ${m((t) => t.all)}, sum of max(0, 4x - 50) ${m((t) => t.blocking)}`);
}
