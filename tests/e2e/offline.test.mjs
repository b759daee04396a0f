// No signal: after one visit the whole check works offline (the service
// worker keeps every file), an application made offline waits on the phone
// and is filed exactly once when the connection returns, a new version is
// picked up on the next visit without breaking an open check, and the
// community-event mode's "next family" leaves nothing of the previous family
// on screen. At 360×740.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  repoRoot, messages, startServer, launchBrowser, newPage, screenshotPath, appReady, TEST_PASSWORD,
} from './harness.mjs';
import { enterHousehold, fillApplication, residentId } from './driver.mjs';

const households = JSON.parse(readFileSync(join(repoRoot, 'tests/e2e/fixtures/households.json'), 'utf8'));
const family = households.find((h) => h.name === 'huadu-single-mother-two-children');
const dist = process.env.JIUZHU_DIST ?? join(repoRoot, 'dist');
const CLERK = { username: 'huadu_clerk', role: 'township', jurisdictions: ['440114'] };

let browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/** Wait until the service worker of this build controls the page (it has
 *  then cached every file: it activates only after its install). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout: 20000 });
}

/** The cases the office sees (all of them, decided or not). */
async function officeCases(url) {
  const r = await fetch(`${url}/api/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: CLERK.username, password: TEST_PASSWORD }),
  });
  assert.equal(r.status, 200);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const q = await fetch(`${url}/api/console/cases?status=all`, { headers: { cookie } });
  assert.equal(q.status, 200);
  return (await q.json()).items;
}

test('offline: reload, check, apply; back online the application is filed once and its code shown', async () => {
  let server = await startServer({ accounts: [CLERK] });
  const { context, page, errors } = await newPage(browser, { locale: 'en' });
  const m = messages('en');
  try {
    await page.goto(`${server.url}/?region=${family.pack}`);
    await appReady(page);
    await controlled(page);

    // No signal at all: the browser is offline and the server is gone.
    await context.setOffline(true);
    await server.stop({ keepData: true });
    await page.reload();
    await appReady(page);
    // The policy guide opens offline too: its own page and light bundle.
    await page.goto(`${server.url}/programs/dibao?region=${family.pack}`);
    await page.locator('article.program-guide[data-program="dibao"] .parameters li').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dataset.bundle), 'guide');
    await page.goto(`${server.url}/?region=${family.pack}`);
    await appReady(page);

    await enterHousehold(page, server.url, family.pack, family.household);
    assert.ok(await page.locator('article.decision[data-program="dibao"]').count() === 1);
    const name = 'Li Ying';
    await fillApplication(page, {
      name, id: residentId('44011419850612047'), mobile: '13912340047', address: '花都区新华街道测试社区9号',
    });
    await page.click('button[type=submit]');
    await page.locator('.notice', { hasText: m['apply-held'] }).waitFor();

    // The page is closed and the phone reopened elsewhere, still offline:
    // the application waits on the phone.
    const second = await context.newPage();
    second.setDefaultTimeout(5000);
    await second.goto(`${server.url}/track`);
    await second.locator('.waiting li').waitFor();
    assert.equal(await second.locator('.waiting li').count(), 1);
    const axe = await new AxeBuilder({ page: second }).analyze();
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
    await second.screenshot({ path: screenshotPath('offline-waiting-en-360x740'), fullPage: true });

    // Signal returns: both open pages send the same application (same key).
    server = await startServer({ accounts: [], port: server.port, dataDir: server.dataDir });
    await context.setOffline(false);
    const code = await page.locator('.tracking-code').getAttribute('data-code', { timeout: 20000 });
    assert.match(code, /^[2-9A-HJKMNP-Z]{9}$/);
    await second.locator('.waiting').waitFor({ state: 'detached', timeout: 40000 });
    await second.locator(`a[href="/track/${code}"]`).waitFor();

    const cases = await officeCases(server.url);
    assert.deepEqual(cases.map((c) => c.tracking_code), [code], 'filed exactly once');
    assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e)), []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a new version is picked up on the next visit; an open check keeps working', async () => {
  // Build B: the same files with a marked page and a new worker version
  // (and no stale precompressed copies of the changed files).
  const distB = mkdtempSync(join(tmpdir(), 'jiuzhu-dist-b-'));
  cpSync(dist, distB, { recursive: true });
  for (const file of readdirSync(distB)) {
    if (/^(index\.html|shell\.html|sw\.js)\.(br|gz)$/.test(file)) rmSync(join(distB, file));
  }
  for (const page of ['index.html', 'shell.html']) {
    const html = readFileSync(join(distB, page), 'utf8');
    const marked = html.replace('<meta charset=utf-8>', '<meta charset=utf-8><meta name="jiuzhu-build" content="B">');
    assert.notEqual(marked, html, `${page}: no place for the build mark`);
    writeFileSync(join(distB, page), marked);
  }
  const sw = readFileSync(join(distB, 'sw.js'), 'utf8');
  writeFileSync(join(distB, 'sw.js'), sw.replace(/const VERSION = '([0-9a-f]+)'/, "const VERSION = '$1b'"));

  let server = await startServer();
  const { context, page, errors } = await newPage(browser, { locale: 'zh-CN' });
  try {
    await page.goto(`${server.url}/?region=${family.pack}`);
    await appReady(page);
    await controlled(page);
    await page.click('.start-check');
    await page.locator('.check[data-step="members"]').waitFor();

    // The server now has build B; the open page learns of it and B takes over.
    await server.stop({ keepData: true });
    server = await startServer({ port: server.port, dataDir: server.dataDir, dist: distB });
    const swapped = page.evaluate(() => new Promise((resolve) => {
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true), { once: true });
    }));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    assert.equal(await swapped, true);

    // The open check goes on: its answers, the next steps, another language.
    await page.click('.step-nav a:last-child');
    await page.locator('.check[data-step="people"]').waitFor();
    await page.click('.lang-switch button[data-lang="zh-TW"]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-TW');
    assert.equal(await page.locator('meta[name="jiuzhu-build"]').count(), 0, 'the open page is still build A');

    // The next visit is build B, and the answers are still there.
    const next = await context.newPage();
    await next.goto(`${server.url}/check/members`);
    await next.locator('.check[data-step="members"]').waitFor();
    assert.equal(await next.locator('meta[name="jiuzhu-build"]').getAttribute('content'), 'B');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
    rmSync(distB, { recursive: true, force: true });
  }
});

for (const lang of ['zh-CN', 'en']) {
  test(`${lang}: community-event mode — QR of the event link, next family wipes the previous one`, async () => {
    const server = await startServer();
    const m = messages(lang);
    const { context, page, errors } = await newPage(browser, { locale: lang });
    try {
      await page.goto(`${server.url}/event?region=${family.pack}&lang=${lang}`);
      await page.locator('#event-start').waitFor();
      await page.click('#event-start');
      const link = await page.inputValue('#event-link');
      assert.equal(link, `${server.url}/?region=${family.pack}&lang=${lang}`);
      assert.equal(await page.locator('.event-qr svg').count(), 1);
      const box = await page.locator('.event-qr').boundingBox();
      assert.ok(box.width >= 260, `QR ${box.width}px wide`);
      const axe = await new AxeBuilder({ page }).analyze();
      assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), []);
      await page.screenshot({ path: screenshotPath(`event-qr-${lang}-360x740`), fullPage: true });

      // A family's check, then the next family: nothing of theirs remains.
      await enterHousehold(page, server.url, family.pack, family.household);
      assert.equal(await page.locator('.event-bar').count(), 1);
      await page.click('.event-bar .next-family-button');
      assert.equal(await page.locator('.event-bar [role=alert]').textContent(), m['event-next-confirm']);
      await page.click('.event-bar .next-family-yes');
      await page.locator('.check[data-step="members"]').waitFor();
      const draft = await page.evaluate(() => JSON.parse(localStorage.getItem('jiuzhu.draft.v1') ?? 'null'));
      assert.deepEqual(draft?.household?.members ?? [], []);
      assert.equal(draft?.household?.jurisdiction, family.pack);
      await page.goto(`${server.url}/check/results`);
      await page.locator('.check[data-step="results"]').waitFor();
      assert.equal(await page.locator('article.decision[data-program="dibao"][data-outcome="likely"]').count(), 0);

      // Event mode survives a reload, and ends when asked.
      await page.goto(`${server.url}/event`);
      await page.click('#event-stop');
      await page.locator('#event-start').waitFor();
      assert.equal(await page.locator('.event-bar').count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await server.stop();
    }
  });
}
