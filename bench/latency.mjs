// Answer-change latency: from an answer change to the updated results on
// screen, in headless Chromium with 4x CPU throttling (CDP
// Emulation.setCPUThrottlingRate), measured in the page with performance
// marks. Prints the median and the 95th percentile.
//
//   node bench/latency.mjs [--changes 60] [--warmup 5] [--rate 4] [--profile out.cpuprofile]
//
// Run through `cargo xtask bench latency`, which builds the app and the
// server first.
//
// What is measured. The page gets a capture-phase listener (it runs before
// the app's own handler) for `input` and `change`: it marks `answer-N`. The
// app handles the event, the draft changes, and the screening memo and the
// live results summary re-render in microtasks (Leptos runs its effects
// there). A message posted from the listener is a task, so it runs after all
// of them: it marks `results-N` (results in the DOM). From there a
// requestAnimationFrame callback and one more posted message mark
// `painted-N`, after the frame that shows the new results (the usual "next
// paint" measure). Each change moves the household's income across the
// dibao line, so the summary text changes every time; the script checks it.

import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, startServer } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}
const changes = Number(option('changes', '60'));
const warmup = Number(option('warmup', '5'));
const rate = Number(option('rate', '4'));
// A CPU profile of the measured changes (open in Chromium's DevTools; a WASM
// built with names, e.g. without `strip`, shows Rust function names).
const profile = option('profile', null);



function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1);
  return s[Math.max(0, i)];
}

// A two-person household in 海丰县 with one income: the amount decides
// whether dibao (and what follows from it) is likely.
const DRAFT = {
  household: {
    jurisdiction: '441521',
    members: [
      { relation: 'applicant', age: 45, hukou: { local: true, kind: 'rural' }, incomes: [{ kind: 'wages', monthly: '300' }] },
      { relation: 'child', age: 10, hukou: { local: true, kind: 'rural' }, incomes: [] },
    ],
  },
  marks: ['m0-income-yes'],
};
const AMOUNTS = ['300', '9000'];

const server = await startServer();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN', deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    window.__latency = [];
    let n = 0;
    const onAnswer = () => {
      const id = ++n;
      performance.mark(`answer-${id}`);
      const done = new MessageChannel();
      done.port1.onmessage = () => {
        performance.mark(`results-${id}`);
        const summary = document.querySelector('.live-summary')?.textContent ?? '';
        requestAnimationFrame(() => {
          const painted = new MessageChannel();
          painted.port1.onmessage = () => {
            performance.mark(`painted-${id}`);
            window.__latency.push({
              id,
              summary,
              dom: performance.measure(`dom-${id}`, `answer-${id}`, `results-${id}`).duration,
              paint: performance.measure(`paint-${id}`, `answer-${id}`, `painted-${id}`).duration,
            });
          };
          painted.port2.postMessage(0);
        });
      };
      done.port2.postMessage(0);
    };
    document.addEventListener('input', onAnswer, true);
    document.addEventListener('change', onAnswer, true);
  });
  await page.goto(`${server.url}/`);
  await page.evaluate((draft) => localStorage.setItem('jiuzhu.draft.v1', JSON.stringify(draft)), DRAFT);
  await page.goto(`${server.url}/check/income`);
  await page.locator('#m0-income-0-amount').waitFor();
  await page.locator('.live-summary').waitFor();

  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });

  const total = warmup + changes;
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  // The changes are made in the page, as the browser does when a person
  // types: set the field's value and dispatch `input`. Nothing else (no
  // test driver polling) runs meanwhile; 150 ms between changes.
  await page.evaluate(async ({ total, amounts }) => {
    const input = document.querySelector('#m0-income-0-amount');
    for (let i = 0; i < total; i++) {
      input.value = amounts[(i + 1) % amounts.length];
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 150));
    }
  }, { total, amounts: AMOUNTS });
  await page.waitForFunction((n) => window.__latency.length >= n, total);
  if (profile) {
    const { profile: data } = await cdp.send('Profiler.stop');
    writeFileSync(profile, JSON.stringify(data));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const samples = (await page.evaluate(() => window.__latency)).slice(warmup);
  // Every change must have changed the results the page shows.
  for (let i = 1; i < samples.length; i++) {
    if (samples[i].summary === samples[i - 1].summary) {
      throw new Error(`change ${samples[i].id} did not change the results: ${samples[i].summary}`);
    }
  }
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  const dom = samples.map((s) => s.dom);
  const paint = samples.map((s) => s.paint);
  const fmt = (x) => `${x.toFixed(1)} ms`;
  console.log(`${samples.length} answer changes (after ${warmup} warm-up), CPU throttled ${rate}x, 360x740, zh-CN`);
  console.log(`  answer -> results in the DOM:        median ${fmt(percentile(dom, 50))}, p95 ${fmt(percentile(dom, 95))}, max ${fmt(Math.max(...dom))}`);
  console.log(`  answer -> next frame with the results: median ${fmt(percentile(paint, 50))}, p95 ${fmt(percentile(paint, 95))}, max ${fmt(Math.max(...paint))}`);
  console.log(`  results shown: "${samples[0].summary.trim()}" / "${samples[1].summary.trim()}"`);
  console.log('  target: median <= 16 ms');
  await context.close();
} finally {
  await browser.close();
  await server.stop();
}
