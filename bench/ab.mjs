// Lighthouse on two builds side by side: runs alternate A B B A A B ...,
// so the host's speed, which drifts through the day and with the other
// jobs on the two cores, weighs on both alike. Same settings as
// bench/lighthouse.mjs (mobile preset, simulated throttling, fresh
// Chromium each run); each run also prints the page's main-thread tasks in
// thread CPU time (bench/tasks.mjs).
//
//   node bench/ab.mjs --rounds 5 --a DIR --b DIR [--path /] [--lang zh-CN] [--out /tmp/lh-ab]
//
// DIR holds a built `dist/` and a `jiuzhu-server` binary (copies of
// `dist/` and `target/release/jiuzhu-server`). Reports (JSON) and traces
// land in --out.

import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS, option, startServer } from './server.mjs';
import { mainThreadTasks, median } from './tasks.mjs';

/** Start DIR's `jiuzhu-server` on DIR's `dist/`; resolves with its URL and `stop()`. */
export function startBuild(dir) {
  return startServer({ bin: join(dir, 'jiuzhu-server'), dist: join(dir, 'dist') });
}

async function main() {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const rounds = Number(option('rounds', '5'));
  const path = option('path', '/');
  const lang = option('lang', 'zh-CN');
  const out = option('out', '/tmp/lh-ab');
  const dirs = { A: option('a'), B: option('b') };
  mkdirSync(out, { recursive: true });
  const servers = { A: await startBuild(dirs.A), B: await startBuild(dirs.B) };
  const rows = { A: [], B: [] };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const v of r % 2 ? ['B', 'A'] : ['A', 'B']) {
        const chrome = await chromeLauncher.launch({
          chromePath: '/usr/bin/chromium',
          chromeFlags: [...CHROMIUM_ARGS, `--lang=${lang}`, `--accept-lang=${lang}`],
        });
        const load = loadavg()[0];
        try {
          const result = await lighthouse(new URL(path, servers[v].url).href, {
            port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'],
          });
          const lhr = result.lhr;
          const audit = (id) => lhr.audits[id]?.numericValue;
          const tasks = mainThreadTasks(result.artifacts.Trace);
          const row = {
            perf: Math.round(lhr.categories.performance.score * 100),
            tbt: audit('total-blocking-time'),
            lcp: audit('largest-contentful-paint'),
            fcp: audit('first-contentful-paint'),
            load,
            tasks,
          };
          rows[v].push(row);
          writeFileSync(join(out, `${v}-${r}.json`), result.report);
          writeFileSync(join(out, `${v}-${r}.trace.json`), JSON.stringify(result.artifacts.Trace));
          console.log(`round ${r} ${v}: performance ${row.perf}, TBT ${Math.round(row.tbt)} ms, LCP ${(row.lcp / 1000).toFixed(2)} s, `
            + `FCP ${(row.fcp / 1000).toFixed(2)} s (load ${load.toFixed(2)}); thread CPU: bundle's tasks `
            + `${tasks.wasmTasks.map((x) => x.toFixed(1)).join(' + ')} ms, first layout ${tasks.layout.toFixed(1)}, `
            + `longest ${tasks.longest.toFixed(1)}, all ${tasks.all.toFixed(0)}`);
        } finally {
          await chrome.kill();
        }
      }
    }
  } finally {
    servers.A.stop();
    servers.B.stop();
  }
  for (const v of ['A', 'B']) {
    const rs = rows[v];
    console.log(`${v} ${dirs[v]}: performance median ${median(rs.map((x) => x.perf))} [${rs.map((x) => x.perf).join(', ')}], `
      + `TBT median ${Math.round(median(rs.map((x) => x.tbt)))} ms [${rs.map((x) => Math.round(x.tbt)).join(', ')}], `
      + `LCP median ${(median(rs.map((x) => x.lcp)) / 1000).toFixed(2)} s, `
      + `bundle's longest task median ${median(rs.map((x) => Math.max(...x.tasks.wasmTasks))).toFixed(1)} ms thread CPU`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
