// The app shell in a real browser: each language renders, the switch changes
// the visible text and the document, the choice survives a reload, unknown
// routes show the 404 page, and axe-core finds no accessibility violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import {
  LANGS, DESKTOP, messages, startServer, launchBrowser, newPage, screenshotPath,
} from './harness.mjs';

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

async function heading(page) {
  return (await page.locator('h1').first().textContent()).trim();
}

for (const lang of LANGS) {
  test(`home page renders in ${lang} at 360x740 with no errors and no axe violations`, async () => {
    const m = messages(lang);
    const { context, page, errors } = await newPage(browser, { locale: lang });
    await page.goto(`${server.url}/?lang=${lang}`);
    await page.locator('h1').waitFor();
    assert.equal(await heading(page), m['home-heading']);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.title(), m['app-page-title']);
    assert.equal(
      await page.getAttribute('meta[name=description]', 'content'),
      m['app-description'],
    );
    assert.equal(await page.getAttribute(`button[data-lang="${lang}"]`, 'aria-pressed'), 'true');
    // Phone-first: nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone screen`);
    await page.screenshot({ path: screenshotPath(`home-${lang}-360x740`), fullPage: true });

    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    assert.deepEqual(
      axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('switching language changes the visible text, the document, and persists', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'zh-CN' });
  await page.goto(server.url);
  await page.locator('h1').waitFor();
  assert.equal(await heading(page), messages('zh-CN')['home-heading']);
  for (const lang of ['en', 'zh-TW', 'zh-CN', 'en']) {
    const m = messages(lang);
    await page.click(`button[data-lang="${lang}"]`);
    assert.equal(await heading(page), m['home-heading']);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.title(), m['app-page-title']);
    assert.equal(await page.getAttribute(`button[data-lang="${lang}"]`, 'aria-pressed'), 'true');
  }
  // The last choice (English) is remembered on this device.
  await page.reload();
  await page.locator('h1').waitFor();
  assert.equal(await heading(page), messages('en')['home-heading']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the browser language picks the first language', async () => {
  const { context, page } = await newPage(browser, { locale: 'zh-HK' });
  await page.goto(server.url);
  await page.locator('h1').waitFor();
  assert.equal(await heading(page), messages('zh-TW')['home-heading']);
  await context.close();
});

test('an unknown route shows the 404 page, which leads home', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'zh-CN' });
  await page.goto(`${server.url}/no/such/page`);
  const m = messages('zh-CN');
  await page.getByRole('heading', { name: m['notfound-heading'] }).waitFor();
  await page.getByRole('link', { name: m['notfound-home-link'] }).click();
  await page.getByRole('heading', { name: m['home-heading'] }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');
  const axe = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('desktop layout renders and is screenshotted', async () => {
  const { context, page, errors } = await newPage(browser, { viewport: DESKTOP, locale: 'zh-CN' });
  await page.goto(server.url);
  await page.locator('h1').waitFor();
  await page.screenshot({ path: screenshotPath('home-zh-CN-1280x800'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the manifest and icons are served', async () => {
  const res = await fetch(`${server.url}/manifest.webmanifest`);
  assert.equal(res.status, 200);
  const manifest = await res.json();
  assert.equal(manifest.short_name, messages('zh-CN')['app-name']);
  for (const icon of manifest.icons) {
    const r = await fetch(new URL(icon.src, server.url));
    assert.equal(r.status, 200, icon.src);
  }
});
