// The app shell in a real browser: each language renders, the switch changes
// the visible text and the document, the choice survives a reload, unknown
// routes show the 404 page, and axe-core finds no accessibility violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import {
  LANGS, DESKTOP, messages, startServer, launchBrowser, newPage, screenshotPath, appReady,
  firstPaint, difference,
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
    await appReady(page);
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

for (const lang of LANGS) {
  test(`the home page paints in ${lang} before the app arrives, and the app takes its place without moving it`, async () => {
    const m = messages(lang);
    const html = await (await fetch(server.url, { headers: { 'accept-language': `${lang},en;q=0.5` } })).text();
    assert.ok(html.includes(`<html lang=${lang}>`), 'the page is in its language');
    assert.ok(html.includes(`<h1 id="home-heading">${m['home-heading']}</h1>`), 'first paint heading');
    assert.ok(html.includes(`<p class="lead">${m['home-lead']}</p>`), 'first paint lead');
    // A link's language wins over the browser's.
    const linked = await (await fetch(`${server.url}/?lang=${lang}`, { headers: { 'accept-language': 'fr' } })).text();
    assert.equal(linked, html);
    // Other routes get the page without it (no flash of the home page).
    const shell = await (await fetch(`${server.url}/check/members`)).text();
    assert.ok(!shell.includes('first-paint'));
    // Where the first paint puts things is where the app puts them.
    const boxes = (page) => page.evaluate(() => ['.site-header', 'h1', '.lead', '.promises', '.region-list']
      .map((s) => { const r = document.querySelector(s).getBoundingClientRect(); return `${s} ${r.x},${r.y} ${r.width}x${r.height}`; }));
    const still = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: lang, javaScriptEnabled: false });
    const staticPage = await still.newPage();
    await staticPage.goto(server.url);
    assert.equal(await heading(staticPage), m['home-heading']);
    const before = await boxes(staticPage);
    await still.close();
    const { context, page, errors } = await newPage(browser, { locale: lang });
    await page.goto(server.url);
    await appReady(page);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.deepEqual(await boxes(page), before);
    // And it is what the app renders, element for element.
    assert.deepEqual(await page.evaluate(difference, firstPaint(html)), null);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('switching language changes the visible text, the document, and persists', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'zh-CN' });
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await heading(page), messages('zh-CN')['home-heading']);
  for (const lang of ['en', 'zh-TW', 'zh-CN', 'en']) {
    const m = messages(lang);
    await page.click(`button[data-lang="${lang}"]`);
    // Another language's messages may first have to be fetched.
    await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
    assert.equal(await heading(page), m['home-heading']);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    assert.equal(await page.title(), m['app-page-title']);
    assert.equal(await page.getAttribute(`button[data-lang="${lang}"]`, 'aria-pressed'), 'true');
  }
  // The last choice (English) is remembered on this device.
  await page.reload();
  await appReady(page);
  assert.equal(await heading(page), messages('en')['home-heading']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the browser language picks the first language', async () => {
  const { context, page } = await newPage(browser, { locale: 'zh-HK' });
  await page.goto(server.url);
  await appReady(page);
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
  await appReady(page);
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
