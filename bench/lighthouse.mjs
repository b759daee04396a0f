// Lighthouse, mobile preset (simulated throttling: slow 4G, 4x CPU), on the
// real server at 127.0.0.1, N runs (default 5) each in a fresh headless
// Chromium; prints every run and the median of each figure.
//
//   node bench/lighthouse.mjs [--runs 5] [--path /] [--lang zh-CN]
//
// Run through `cargo xtask bench lighthouse`, which builds the app and the
// server first. The browser's language is zh-CN unless --lang says otherwise
// (the portal's default language and its residents'; with en the app first
// fetches the English messages).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_ARGS, option, startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const runs = Number(option('runs', '5'));
const path = option('path', '/');
const lang = option('lang', 'zh-CN');

// The same flags as the end-to-end tests (DEVELOPERS.md): root, no network.
const CHROMIUM_FLAGS = [
  ...CHROMIUM_ARGS,
  `--lang=${lang}`, `--accept-lang=${lang}`,
];


const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const server = await startServer();
const url = new URL(path, server.url).href;
const reports = join(root, 'bench', 'results');
mkdirSync(reports, { recursive: true });
const rows = [];
const failed = [];
try {
  for (let i = 1; i <= runs; i++) {
    const chrome = await chromeLauncher.launch({
      chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      chromeFlags: CHROMIUM_FLAGS,
    });
    try {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const lhr = result.lhr;
      writeFileSync(join(reports, `lighthouse-${lang}-run${i}.json`), result.report);
      const audit = (id) => lhr.audits[id]?.numericValue;
      const missing = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time',
        'speed-index', 'cumulative-layout-shift', 'total-byte-weight'].filter((id) => audit(id) === undefined);
      if (lhr.runtimeError || missing.length) {
        // A run Lighthouse could not complete counts as a failure, not as a
        // figure; its report is kept.
        failed.push(i);
        console.log(`run ${i}: no result (${lhr.runtimeError?.code ?? `missing ${missing.join(', ')}`}), `
          + `report in bench/results/lighthouse-${lang}-run${i}.json`);
        continue;
      }
      const row = {
        performance: Math.round(lhr.categories.performance.score * 100),
        accessibility: Math.round(lhr.categories.accessibility.score * 100),
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        si: audit('speed-index'),
        cls: audit('cumulative-layout-shift'),
        bytes: audit('total-byte-weight'),
      };
      const failing = Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
        .map((a) => a.id);
      if (failing.length) row.accessibilityFailing = failing.join(',');
      rows.push(row);
      console.log(`run ${i}: performance ${row.performance}, accessibility ${row.accessibility}, `
        + `FCP ${(row.fcp / 1000).toFixed(2)} s, LCP ${(row.lcp / 1000).toFixed(2)} s, TBT ${Math.round(row.tbt)} ms, `
        + `SI ${(row.si / 1000).toFixed(2)} s, CLS ${row.cls.toFixed(3)}, transfer ${(row.bytes / 1000).toFixed(1)} KB`
        + (row.accessibilityFailing ? `, accessibility failing: ${row.accessibilityFailing}` : ''));
    } finally {
      await chrome.kill();
    }
  }
} finally {
  await server.stop();
}
const m = (k) => median(rows.map((r) => r[k]));
if (failed.length) console.log(`\n${failed.length} of ${runs} runs gave no result (runs ${failed.join(', ')})`);
if (!rows.length) process.exit(1);
console.log(`\nmedian of ${rows.length} runs, ${url}, browser language ${lang}:`);
console.log(`  performance ${m('performance')}, accessibility ${m('accessibility')}`);
console.log(`  FCP ${(m('fcp') / 1000).toFixed(2)} s, LCP ${(m('lcp') / 1000).toFixed(2)} s, TBT ${Math.round(m('tbt'))} ms, `
  + `Speed Index ${(m('si') / 1000).toFixed(2)} s, CLS ${m('cls').toFixed(3)}, transfer ${(m('bytes') / 1000).toFixed(1)} KB`);
console.log(`  targets: performance >= 95, accessibility 100, LCP <= 1.8 s`);
