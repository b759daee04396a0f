// 掌上办 end to end, at 360×740 in zh-CN and en: a resident does the check,
// applies online (with a photo of the 户口簿), gets a tracking code and
// follows the case; workers move it to a decision; the resident sees the
// decision on the timeline. Nothing personal ever appears in a URL.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  repoRoot, messages, startServer, launchBrowser, newPage, screenshotPath, TEST_PASSWORD,
} from './harness.mjs';
import { enterHousehold, residentId } from './driver.mjs';

const households = JSON.parse(readFileSync(join(repoRoot, 'tests/e2e/fixtures/households.json'), 'utf8'));
const family = households.find((h) => h.name === 'huadu-single-mother-two-children');

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);

let server;
let browser;

before(async () => {
  server = await startServer({
    accounts: [
      { username: 'huadu_clerk', role: 'township', jurisdictions: ['440114'], office: '新华街道社会救助服务站' },
      { username: 'huadu_review', role: 'county', jurisdictions: ['440114'] },
    ],
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** A worker's session through the API (the console's own pages are tested
 *  in console.test.mjs). */
async function signIn(username) {
  const r = await fetch(`${server.url}/api/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  assert.equal(r.status, 200);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await r.json();
  return async (code, body) => {
    const res = await fetch(`${server.url}/api/console/cases/${code}/transitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200, await res.text());
  };
}

for (const lang of ['zh-CN', 'en']) {
  test(`${lang}: check, apply, track; the office decides; the resident sees it`, async () => {
    const m = messages(lang);
    const { context, page, errors } = await newPage(browser, { locale: lang });
    const urls = [];
    page.on('request', (r) => urls.push(r.url()));
    await enterHousehold(page, server.url, family.pack, family.household);

    // From the results to the application form, likely programs ticked.
    await page.click('.apply-button');
    await page.locator('#apply-form').waitFor();
    assert.equal(await page.isChecked('#apply-program-dibao'), true);
    const ticked = await page.locator('#apply-programs input:checked').count();
    assert.ok(ticked >= 1);

    // Submitting empty names every missing answer and focuses the first.
    await page.click('button[type=submit]');
    assert.equal(await page.locator('#apply-name-error').textContent(), m['error-required']);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'apply-name');

    const id = residentId(`44011419850612${lang === 'en' ? '046' : '045'}`);
    const wrong = id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
    const name = lang === 'en' ? '李英' : '李芳';
    await page.fill('#apply-name', name);
    await page.fill('#apply-id', wrong);
    await page.fill('#apply-mobile', '139 1234 5678');
    await page.fill('#apply-address', '花都区新华街道测试社区8号');
    await page.check('#apply-consent');
    await page.fill('#apply-consent-name', name);
    await page.click('button[type=submit]');
    assert.equal(await page.locator('#apply-id-error').textContent(), m['apply-error-id-check-digit']);
    await page.fill('#apply-id', id);
    // A photo of the 户口簿; a text file dressed as a photo is refused by content.
    await page.setInputFiles('#apply-file-other', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a photo at all') });
    await page.locator('.picked li.invalid').waitFor();
    await page.click('.picked li.invalid button');
    await page.setInputFiles('#apply-file-hukou', { name: 'hukou.png', mimeType: 'image/png', buffer: PNG });
    await page.locator('.picked li:not(.invalid)').waitFor();
    const axeForm = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(axeForm.violations.map((v) => `${v.id}: ${v.help}`), []);
    await page.click('button[type=submit]');

    // The receipt: a tracking code, what to bring, where.
    const code = await page.locator('.tracking-code').getAttribute('data-code');
    assert.match(code, /^[2-9A-HJKMNP-Z]{9}$/);
    assert.equal(await page.locator('#receipt-heading').textContent(), m['receipt-heading']);
    assert.ok(await page.locator('.receipt-programs li[data-program="dibao"]').count() === 1);
    await page.screenshot({ path: screenshotPath(`apply-receipt-${lang}-360x740`), fullPage: true });

    // Tracking: the phone remembers the digits; the timeline shows "submitted".
    await page.click('.receipt a.button');
    await page.locator('.timeline').waitFor();
    assert.equal(await page.locator('.status').getAttribute('data-status'), 'submitted');
    assert.equal(await page.locator('.step.reached').count(), 1);

    // The office works the case and approves it.
    const clerk = await signIn('huadu_clerk');
    for (const to of ['accepted', 'investigation', 'review']) {
      await clerk(code, { to, note: `e2e ${to}` });
    }
    const review = await signIn('huadu_review');
    await review(code, { to: 'publicity', note: 'e2e publicity' });
    await review(code, { to: 'approved', note: '公示无异议', awards: [{ program: 'dibao', amount: '1102', period: 'month' }] });

    // A bookmark of the tracking page on another visit: the decision.
    await page.goto(`${server.url}/track/${code}`);
    await page.locator('.verdict').waitFor();
    assert.equal(await page.locator('.status').getAttribute('data-status'), 'approved');
    assert.equal(await page.locator('.step.reached').count(), 6);
    const award = await page.locator('.verdict li[data-program="dibao"]').textContent();
    assert.ok(award.includes('1,102'), award);
    assert.ok(!(await page.content()).includes('e2e review'), 'worker notes stay internal');
    const axeTrack = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(axeTrack.violations.map((v) => `${v.id}: ${v.help}`), []);
    await page.screenshot({ path: screenshotPath(`track-approved-${lang}-360x740`), fullPage: true });

    // A wrong last-4 on a fresh device is "not found", nothing more.
    const other = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: lang });
    const p2 = await other.newPage();
    await p2.goto(`${server.url}/track`);
    await p2.fill('#track-code', code.toLowerCase());
    await p2.fill('#track-last4', '0000');
    await p2.click('form button[type=submit]');
    assert.equal(await p2.locator('.notice.error').textContent(), m['track-not-found']);
    await other.close();

    // Nothing personal in any address the browser asked for (hashed asset
    // names aside, whose hex could contain any digits).
    for (const u of urls.filter((u) => !/-[0-9a-f]{16}[._]/.test(u))) {
      for (const secret of [id, '13912345678', '5678', name]) {
        assert.ok(!decodeURIComponent(u).includes(secret), `${secret} in ${u}`);
      }
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}
