// The resident's self-check, end to end: ten realistic households from the
// seeds' jurisdictions are entered through the questionnaire in headless
// Chromium, at a phone size and a desktop size; the outcomes and amounts the
// page shows must equal those of the native `screen` CLI for the same
// household JSON on the same date.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PHONE, DESKTOP, repoRoot, startServer, launchBrowser, newPage, screenshotPath,
} from './harness.mjs';
import { enterHousehold, readResults } from './driver.mjs';

const households = JSON.parse(readFileSync(join(repoRoot, 'tests/e2e/fixtures/households.json'), 'utf8'));
const screenBin = process.env.JIUZHU_SCREEN_BIN ?? join(repoRoot, 'target', 'debug', 'screen');

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Today in the local time zone, as the browser sees it. */
function today() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function cli(pack, household) {
  const run = spawnSync(screenBin, ['--pack', pack, '--date', today()], {
    input: JSON.stringify(household),
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const screening = JSON.parse(run.stdout);
  const out = {};
  for (const d of screening.decisions) {
    out[d.program] = {
      outcome: d.outcome,
      amount: d.amount?.value ?? null,
      period: d.amount?.period ?? null,
    };
  }
  return out;
}

test('there are at least ten households, from every seed jurisdiction', () => {
  assert.ok(households.length >= 10);
  const packs = new Set(households.map((h) => h.pack));
  for (const code of ['441521', '620422', '440114', '340826', '500000-demo']) assert.ok(packs.has(code), code);
});

for (const [viewportName, viewport] of [['phone', PHONE], ['desktop', DESKTOP]]) {
  for (const { name, pack, household } of households) {
    test(`${name} (${viewportName}): the page shows what the CLI computes`, async () => {
      const { context, page, errors } = await newPage(browser, { viewport, locale: 'zh-CN' });
      await enterHousehold(page, server.url, pack, household);
      const shown = await readResults(page);
      const expected = cli(pack, household);
      assert.deepEqual(shown, expected);
      if (viewportName === 'phone') {
        await page.screenshot({ path: screenshotPath(`results-${name}-360x740`), fullPage: false });
      }
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
