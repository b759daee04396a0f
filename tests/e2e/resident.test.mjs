// The resident's self-check beyond the numbers: nothing leaves the page,
// the draft survives a reload and is wiped on request, the answers travel to
// another device in the URL fragment, the print view is a one-page notice,
// every screen passes axe in every language, large text and read-aloud work.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  LANGS, repoRoot, messages, startServer, launchBrowser, newPage, screenshotPath, appReady,
} from './harness.mjs';
import { enterHousehold, readResults } from './driver.mjs';

const households = JSON.parse(readFileSync(join(repoRoot, 'tests/e2e/fixtures/households.json'), 'utf8'));
const family = households.find((h) => h.name === 'huadu-single-mother-two-children');

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

test('during a whole check, only the app\'s own static files are requested', async () => {
  const { context, page, errors } = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), type: r.resourceType() }));
  await enterHousehold(page, server.url, family.pack, family.household);
  await page.click('details.why summary >> nth=0');
  const origin = new URL(server.url).origin;
  const offending = requests.filter((r) => {
    const u = new URL(r.url);
    if (u.protocol === 'data:' || u.protocol === 'blob:') return false;
    return u.origin !== origin || r.method !== 'GET' || u.pathname.startsWith('/api/');
  });
  assert.deepEqual(offending, []);
  // After the first load, the check fetches only the app's own static files:
  // the place's policy pack and the rules engine's messages, and the full
  // app's page when the check starts from the landing page (its address
  // carries nothing: no query, no fragment).
  const afterLoad = requests.filter((r) => !/\.(js|wasm|css|svg|png|webmanifest)$|\/(\?.*)?$|^\/i18n\/[\w-]+\/\w+\.ftl$|^\/packs\/[\w-]+\.json$/.test(new URL(r.url).pathname + new URL(r.url).search));
  assert.deepEqual(afterLoad.map((r) => `${r.type} ${r.url}`), [`document ${origin}/check/members`]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the draft is restored after a reload and wiped by 清除我的数据', async () => {
  const { context, page, errors } = await newPage(browser);
  await page.goto(`${server.url}/?region=441521`);
  await page.click('.start-check');
  await page.fill('#m0-age', '67');
  await page.check('input[name="m0-sex"][value="female"]');
  await page.reload();
  await page.locator('#m0-age').waitFor();
  assert.equal(await page.inputValue('#m0-age'), '67');
  assert.ok(await page.isChecked('input[name="m0-sex"][value="female"]'));
  const stored = await page.evaluate(() => localStorage.getItem('jiuzhu.draft.v1'));
  assert.ok(stored.includes('441521'));

  const m = messages('zh-CN');
  await page.getByRole('button', { name: m['clear-data'] }).click();
  await page.getByRole('button', { name: m['clear-data-yes'] }).click();
  await page.getByText(m['clear-data-done']).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('jiuzhu.draft.v1')), null);
  await page.goto(`${server.url}/check/members`);
  // No region any more: the picker shows, and no answer is left.
  await page.locator('#region-search').waitFor();
  assert.equal(await page.locator('#m0-age').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the share link carries the answers to another device in the fragment', async () => {
  const first = await newPage(browser);
  await enterHousehold(first.page, server.url, family.pack, family.household);
  const expected = await readResults(first.page);
  const link = await first.page.inputValue('#share-link');
  assert.match(link, /\/check\/results#d=[A-Za-z0-9_-]+$/);
  assert.ok(await first.page.locator('.qr svg').count() === 1, 'a QR code is drawn');
  await first.context.close();

  const other = await newPage(browser, { locale: 'en' });
  const requests = [];
  other.page.on('request', (r) => requests.push(r.url()));
  await other.page.goto(link);
  await other.page.locator('article.decision').first().waitFor();
  assert.deepEqual(await readResults(other.page), expected);
  // The fragment is never sent to the server, and is removed from the address bar.
  assert.ok(requests.every((u) => !u.includes('#d=')));
  assert.equal(new URL(other.page.url()).hash, '');
  assert.deepEqual(other.errors, []);
  await other.context.close();
});

test('the print view is a one-page notice without controls', async () => {
  const { context, page } = await newPage(browser);
  await enterHousehold(page, server.url, family.pack, family.household);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.print-header').isVisible());
  for (const hidden of ['.site-header', '.step-nav', '.clear-data', '.share', '.result-actions', 'details.why', '.decision.outcome-unlikely']) {
    const n = await page.locator(hidden).count();
    for (let i = 0; i < n; i++) assert.equal(await page.locator(hidden).nth(i).isVisible(), false, hidden);
  }
  assert.ok(await page.locator('.decision.outcome-likely').first().isVisible());
  assert.ok(await page.locator('.checklist').isVisible());
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 1 && pages <= 2, `print view has ${pages} pages`);
  await page.screenshot({ path: screenshotPath('print-view'), fullPage: true });
  await context.close();
});

const SCREENS = [
  '/', '/check/members', '/check/people', '/check/income', '/check/assets', '/check/special',
  '/check/results', '/programs?region=340826', '/programs/dibao?region=340826',
];

for (const lang of LANGS) {
  test(`every screen passes axe in ${lang}`, async () => {
    const { context, page, errors } = await newPage(browser, { locale: lang });
    await page.goto(`${server.url}/?region=340826&lang=${lang}`);
    await appReady(page);
    // A household with a disabled member, so conditional questions show.
    await page.evaluate(() => localStorage.setItem('jiuzhu.draft.v1', JSON.stringify({
      household: { jurisdiction: '340826', members: [
        { relation: 'applicant', age: 70, disability: { has: true, category: 'physical', grade: 2 }, incomes: [{ kind: 'pension', monthly: '800' }], hospital_stay: { level: 'county', days: 3 } },
        { relation: 'grandchild', age: 9, incomes: [] },
      ] },
    })));
    for (const path of SCREENS) {
      await page.goto(`${server.url}${path}`);
      await appReady(page);
      for (const d of await page.locator('details').all()) await d.evaluate((el) => { el.open = true; });
      const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      assert.deepEqual(
        axe.violations.map((v) => `${path} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
        [],
      );
      // No text is left untranslated: Fluent shows a missing id as the id.
      const body = await page.locator('body').innerText();
      assert.doesNotMatch(body, /No localization for id|\{\s*\$[a-z]/, `${path} in ${lang}`);
    }
    await page.goto(`${server.url}/check/results`);
    await page.locator('article.decision').first().waitFor();
    await page.screenshot({ path: screenshotPath(`results-${lang}-360x740`), fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('touch targets are at least 44x44 and the keyboard can answer a question', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(`${server.url}/?region=441521`);
  await page.click('.start-check');
  await page.locator('#m0-age').waitFor();
  const small = await page.evaluate(() => [...document.querySelectorAll('button, a, label.option, input[type=text], select')]
    .filter((el) => el.offsetParent !== null)
    .map((el) => ({ el: el.outerHTML.slice(0, 60), r: el.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 44 || r.height < 44)
    .map(({ el, r }) => `${el} ${Math.round(r.width)}x${Math.round(r.height)}`));
  assert.deepEqual(small, []);
  await page.focus('#m0-age');
  await page.keyboard.type('81');
  // Tab lands on the checked answer of the next question (不清楚, the last);
  // an arrow key moves the choice round to the first answer, as in any radio group.
  await page.keyboard.press('Tab');
  assert.ok(await page.evaluate(() => document.activeElement.value === 'unknown'));
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.isChecked('input[name="m0-sex"][value="female"]'));
  assert.equal(await page.inputValue('#m0-age'), '81');
  await context.close();
});

test('input is validated as it is typed, in plain words', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(`${server.url}/?region=441521`);
  await page.click('.start-check');
  const m = messages('zh-CN');
  await page.fill('#m0-age', '130');
  assert.equal(await page.getAttribute('#m0-age', 'aria-invalid'), 'true');
  assert.match(await page.locator('#m0-age-error').innerText(), /0.*120/);
  await page.fill('#m0-age', '70');
  assert.equal(await page.getAttribute('#m0-age', 'aria-invalid'), 'false');
  await page.click('.step-nav a:last-child');
  await page.click('.step-nav a:last-child');
  await page.locator('.check[data-step="income"]').waitFor();
  await page.check('input[name="m0-has-income"][value="true"]');
  await page.fill('#m0-income-0-amount', '12.345');
  assert.equal(await page.locator('#m0-income-0-amount-error').innerText(), m['error-money-decimals']);
  await page.fill('#m0-income-0-amount', '1,200.5元');
  assert.equal(await page.getAttribute('#m0-income-0-amount', 'aria-invalid'), 'false');
  // Typed key by key, the text stays as typed: "1300.0" on the way to
  // "1300.05" already says 1300 and must not be rewritten under the cursor.
  await page.fill('#m0-income-0-amount', '');
  await page.locator('#m0-income-0-amount').pressSequentially('1300.05', { delay: 30 });
  assert.equal(await page.inputValue('#m0-income-0-amount'), '1300.05');
  // The live summary follows each answer (the household's income crosses
  // the dibao line: what is likely or possible changes).
  const summary = page.locator('.live-summary');
  await page.fill('#m0-income-0-amount', '20000');
  const high = await summary.innerText();
  await page.fill('#m0-income-0-amount', '0');
  assert.notEqual(await summary.innerText(), high);
  await context.close();
});

test('large text mode enlarges the page and is remembered', async () => {
  const { context, page } = await newPage(browser);
  await page.goto(server.url);
  // The first paint's switch is static markup: the app's is the one to press.
  await appReady(page);
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const before = await size();
  await page.click('button.text-size');
  assert.ok(await size() > before * 1.2);
  await page.reload();
  await appReady(page);
  assert.ok(await size() > before * 1.2);
  await context.close();
});

test('read aloud speaks the results in the page language', async () => {
  const { context, page } = await newPage(browser, { locale: 'en' });
  await page.addInitScript(() => {
    window.__spoken = [];
    window.speechSynthesis.speak = (u) => window.__spoken.push({ text: u.text, lang: u.lang });
  });
  await enterHousehold(page, server.url, family.pack, family.household);
  await page.click('button[data-lang="en"]');
  await page.locator('html[lang="en"]').waitFor({ state: 'attached' });
  await page.click('button.read-aloud');
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 1);
  assert.equal(spoken[0].lang, 'en');
  assert.ok(spoken[0].text.includes(messages('en')['program-dibao']), spoken[0].text);
  await context.close();
});

test('the browser back button walks the steps and keeps the answers', async () => {
  const { context, page, errors } = await newPage(browser);
  await page.goto(`${server.url}/?region=620422`);
  await page.click('.start-check');
  await page.fill('#m0-age', '75');
  await page.click('.step-nav a:last-child');
  await page.locator('.check[data-step="people"]').waitFor();
  await page.check('input[name="m0-self-care"][value="partial"]');
  await page.click('.step-nav a:last-child');
  await page.locator('.check[data-step="income"]').waitFor();
  await page.goBack();
  await page.locator('.check[data-step="people"]').waitFor();
  assert.ok(await page.isChecked('input[name="m0-self-care"][value="partial"]'));
  await page.goBack();
  await page.locator('.check[data-step="members"]').waitFor();
  assert.equal(await page.inputValue('#m0-age'), '75');
  await page.goForward();
  await page.locator('.check[data-step="people"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
