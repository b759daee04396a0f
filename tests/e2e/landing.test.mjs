// The route split (issue 4): a first visit to `/` loads the light landing
// bundle (the home page alone), one to the policy guide (`/programs…`, the
// links shared in WeChat groups) the light guide bundle, and everything
// else the full app. Starting
// the check from the landing page is a page load of the full app that keeps
// the place chosen; `/` loads the full app itself when the device is in
// event mode (its bar belongs on every page) or holds an application
// waiting to be sent (only the full app sends it).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  LANGS, messages, startServer, launchBrowser, newPage, appReady,
} from './harness.mjs';
import { residentId } from './driver.mjs';

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

/** The bundles (`landing`, `app`) whose files ending in `suffix` the page
 * has fetched so far. */
function fetched(page, suffix) {
  return page.evaluate((suffix) => performance.getEntriesByType('resource')
    .map((e) => new URL(e.name).pathname)
    .filter((p) => p.endsWith(suffix) && !p.endsWith('sw.js'))
    .map((p) => p.slice(1).split('-')[0])
    .sort(), suffix);
}

/** The bundles whose WASM the page has fetched. */
const bundles = (page) => fetched(page, '_bg.wasm');

/** The bundles whose JS the page fetched (a page other than `/` has only
 * the full app's). */
const started = (page) => fetched(page, '.js');

/** The bundle `/`'s loader chose. */
function chosen(page) {
  return page.evaluate(() => document.documentElement.dataset.bundle);
}

for (const lang of LANGS) {
  test(`${lang}: / loads only the landing bundle; choosing a place starts the check in the full app`, async () => {
    const m = messages(lang);
    const { context, page, errors } = await newPage(browser, { locale: lang });
    await page.goto(`${server.url}/?lang=${lang}`);
    await appReady(page);
    assert.deepEqual(await bundles(page), ['landing']);
    assert.deepEqual(await started(page), ['landing']);
    assert.equal(await chosen(page), 'landing');
    // Links to the full app's routes are page loads, not client routes.
    assert.equal(await page.getAttribute('a.nav-link[href="/programs"]', 'rel'), 'external');

    await page.fill('#region-search', '441521');
    await page.click('.region-option[data-region="441521"]');
    await page.locator('.check[data-step="members"]').waitFor();
    assert.equal(new URL(page.url()).pathname, '/check/members');
    assert.deepEqual(await started(page), ['app'], 'a new page, the full app');
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    // The place chosen on the landing page is the check's place.
    assert.ok((await page.locator('main').textContent()).includes('海丰县'));

    // Home again, within the full app: the place is remembered.
    await page.click('a.brand');
    await page.locator('.start-check').waitFor();
    assert.ok((await page.locator('.start').textContent()).includes('海丰县'));
    assert.equal(await page.locator('.start-check').textContent(), m['home-start']);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a link with a place opens the landing page ready to start there', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'zh-CN' });
  await page.goto(`${server.url}/?region=620422`);
  await appReady(page);
  assert.ok((await page.locator('.start').textContent()).includes('会宁县'));
  await page.click('.start-check');
  await page.locator('.check[data-step="members"]').waitFor();
  assert.deepEqual(await started(page), ['app']);
  assert.ok((await page.locator('main').textContent()).includes('会宁县'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a policy guide link loads only the guide bundle; its check starts in the full app, in that place', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'zh-CN' });
  // The resident's own check is in 海丰县.
  await page.goto(`${server.url}/?region=441521`);
  await appReady(page);
  const messages = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.ftl')) messages.push(path);
  });
  // A link shared in a group, for 会宁县's 低保.
  await page.goto(`${server.url}/programs/dibao?region=620422`);
  // The page comes with its first paint (tests/e2e/guide-paint.test.mjs);
  // the bundle replaces it.
  await appReady(page);
  await page.locator('article.program-guide[data-program="dibao"] .parameters li').first().waitFor();
  assert.deepEqual(await bundles(page), ['guide']);
  assert.deepEqual(await started(page), ['guide']);
  assert.equal(await chosen(page), 'guide');
  const guide = await page.locator('main').textContent();
  assert.ok(guide.includes('会宁县'));
  // The parameters by their names, from the parameter names' own file: the
  // guide fetches none of the check's rules messages.
  assert.ok(guide.includes('农村低保标准'), guide);
  assert.ok(!guide.includes('dibao_standard'), guide);
  assert.deepEqual(messages, ['/i18n/zh-CN/params.ftl']);
  // Reading another place's guide leaves the resident's check where it was.
  const place = () => page.evaluate(() => JSON.parse(localStorage.getItem('jiuzhu.draft.v1')).household.jurisdiction);
  assert.equal(await place(), '441521');
  // The place's list of programs is a route of the same bundle.
  await page.click('.region-line a');
  await page.locator('.program-list li[data-program="dibao"]').waitFor();
  assert.deepEqual(await started(page), ['guide']);
  // Links to the full app's routes are page loads.
  assert.equal(await page.getAttribute('a.brand', 'rel'), 'external');
  // Starting the check from the guide: a page load of the full app, there.
  await page.click('.start-check');
  await page.locator('.check[data-step="members"]').waitFor();
  assert.deepEqual(await started(page), ['app']);
  assert.ok((await page.locator('main').textContent()).includes('会宁县'));
  assert.equal(await place(), '620422');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in event mode / loads the full app, with the event bar', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'zh-CN' });
  await page.goto(server.url);
  await appReady(page);
  await page.evaluate(() => localStorage.setItem(
    'jiuzhu.event.v1', JSON.stringify({ region: '441521', lang: 'zh-CN' })));
  await page.reload();
  await appReady(page);
  await page.locator('.event-bar').waitFor();
  assert.equal(await chosen(page), 'app');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with an application waiting to be sent, / loads the full app, which sends it', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'zh-CN' });
  const sent = [];
  // The server's answer does not matter here: only that the page sent it.
  await page.route('**/api/applications', async (route) => {
    sent.push(route.request().postData());
    await route.fulfill({ status: 503, body: '' });
  });
  await page.goto(server.url);
  await appReady(page);
  assert.equal(await chosen(page), 'landing');
  assert.equal(sent.length, 0);
  // An application as the apply page holds it (api-boundary's NewApplication).
  const body = JSON.stringify({
    idempotency_key: 'landing-test-key',
    jurisdiction: '441521',
    household: { jurisdiction: '441521' },
    programs: ['dibao'],
    applicant: { name: '测试', resident_id: residentId('44011419850612047'), mobile: '13912340047', address: '海丰县' },
    consent: { agreed: true, name: '测试', text_version: 'v1' },
  });
  await page.evaluate((body) => localStorage.setItem('jiuzhu.outbox.v1', JSON.stringify([{
    key: 'landing-test-key', body, jurisdiction: '441521', last4: '0047',
  }])), body);
  await page.reload();
  await appReady(page);
  assert.equal(await chosen(page), 'app');
  for (let i = 0; i < 100 && sent.length === 0; i++) await page.waitForTimeout(100);
  assert.equal(sent.length > 0 && JSON.parse(sent[0]).idempotency_key, 'landing-test-key', 'the held application was sent');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource/.test(e)), []);
  await context.close();
});
