// The worker console at /console/ with the real server: a township worker
// sees the queue of their jurisdiction only (urgent first, an overdue step
// marked), and with a county reviewer takes an urgent case with a document
// from the queue to an approval at 360×740; the resident's timeline shows
// the decision, the CSV export is
// a spreadsheet-safe file with masked ID numbers only, the audit log pages
// backwards, a lost session brings back sign-in, and axe finds nothing on
// the sign-in, queue and case pages in zh-CN and en.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  DESKTOP, PHONE, consoleMessages, messages, startServer, launchBrowser, newPage, screenshotPath,
} from './harness.mjs';

const PASSWORD = 'e2e console password, long enough';
const JURISDICTION = '440114';
// A place none of the accounts covers (an Anhui county).
const ELSEWHERE = '340826';
const ACCOUNTS = [
  { username: 'wang', name: '王社工', role: 'township', office: '新华街道社会救助服务站' },
  { username: 'lishen', name: '李审核', role: 'county', office: '花都区民政局' },
  { username: 'zhao', name: '赵管理', role: 'admin', office: '花都区民政局' },
].map((u) => ({ ...u, jurisdictions: [JURISDICTION], password: PASSWORD }));

// Made up: a region, a date and a sequence with a computed GB 11643 check
// character. Nobody's number.
function residentId(birth, seq, region = JURISDICTION) {
  const first17 = `${region}${birth}${seq}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((acc, c, i) => acc + Number(c) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

const URGENT = {
  name: '陈急难', id: residentId('19560314', '027'), mobile: '13912345678',
  address: '花都区新华街道测试社区1号', emergency: 'fire',
};
const ORDINARY = {
  name: '林普通', id: residentId('19800101', '013'), mobile: '13800001111',
  address: '花都区新华街道测试社区2号', emergency: 'none',
};
const FARAWAY = {
  name: '吴外地', id: residentId('19700505', '021', ELSEWHERE), mobile: '13700002222',
  address: '安徽省测试县1号', emergency: 'none', jurisdiction: ELSEWHERE,
};

// A 1×1 PNG: the photo of a 户口簿 page sent with the urgent case.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let server;
let browser;
const filed = {};

async function file(who, key, { hukou } = {}) {
  const body = {
    idempotency_key: key,
    jurisdiction: who.jurisdiction ?? JURISDICTION,
    programs: ['dibao', 'temporary'],
    household: {
      money_assets: '3000', cars: 0, homes: 1, runs_business: false,
      current_benefits: [], emergency: who.emergency,
      members: [{
        relation: 'applicant', age: 70, sex: 'female',
        hukou: { local: true, kind: 'rural' },
        incomes: [{ kind: 'resident_basic_pension', monthly: '180' }],
        supporters: 'none', self_care: 'partial',
      }],
    },
    applicant: { name: who.name, resident_id: who.id, mobile: who.mobile, address: who.address },
    consent: { agreed: true, name: who.name, text_version: '2025-01' },
    client_screening: { decisions: [{ program: 'dibao', outcome: 'possible' }] },
  };
  let res;
  if (hukou) {
    // With a document: multipart, the JSON in the `application` part.
    const form = new FormData();
    form.append('application', JSON.stringify(body));
    form.append('hukou', new Blob([hukou], { type: 'image/png' }), 'hukou.png');
    res = await fetch(`${server.url}/api/applications`, { method: 'POST', body: form });
  } else {
    res = await fetch(`${server.url}/api/applications`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
  }
  assert.equal(res.status, 201, await res.clone().text());
  return res.json();
}

/** Time passes: move a case's stored deadlines into the past (the server
 *  has no clock to set), straight in the SQLite file the server uses. */
function backdateDeadlines(code) {
  const db = join(server.dataDir, 'jiuzhu.sqlite');
  const sql = (query) => {
    const out = spawnSync('sqlite3', ['-json', db, query], { encoding: 'utf8' });
    assert.equal(out.status, 0, `sqlite3: ${out.stderr}`);
    return out.stdout;
  };
  const [{ receipt }] = JSON.parse(sql(`SELECT receipt FROM applications WHERE tracking_code = '${code}'`));
  const stored = JSON.parse(receipt);
  for (const program of stored.programs) {
    for (const step of Object.keys(program.deadlines ?? {})) program.deadlines[step] = '2020-01-02';
  }
  const literal = JSON.stringify(stored).replaceAll("'", "''");
  sql(`UPDATE applications SET receipt = '${literal}' WHERE tracking_code = '${code}'`);
}

before(async () => {
  server = await startServer({ accounts: ACCOUNTS });
  browser = await launchBrowser();
  // The ordinary case is filed first: the urgent one must still lead the queue.
  filed.ordinary = await file(ORDINARY, 'e2e-console-ordinary-1');
  filed.urgent = await file(URGENT, 'e2e-console-urgent-0001', { hukou: PNG });
  filed.faraway = await file(FARAWAY, 'e2e-console-faraway-01');
  // The ordinary case's investigation is late.
  backdateDeadlines(filed.ordinary.tracking_code);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Console errors except the HTTP errors a test provokes on purpose (the
 *  browser logs every 4xx answer to fetch). */
function unexpected(errors) {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of (401|422)/.test(e));
}

async function axe(page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function openConsole(lang, viewport = PHONE) {
  const opened = await newPage(browser, { viewport, locale: lang });
  // The language is a device setting, as a worker's choice would be.
  await opened.page.addInitScript((l) => localStorage.setItem('jiuzhu.lang', l), lang);
  return opened;
}

async function signIn(page, username, m) {
  await page.locator('#signin-username').fill(username);
  await page.locator('#signin-password').fill(PASSWORD);
  await page.getByRole('button', { name: m['signin-submit'], exact: true }).click();
  await page.getByRole('heading', { level: 1, name: m['queue-heading'] }).or(
    page.locator('h1').filter({ hasNotText: m['signin-heading'] }),
  ).first().waitFor();
}

async function move(page, m, to, note) {
  await page.locator(`button[data-to="${to}"]`).click();
  await page.locator('#action-note').fill(note);
  await page.locator('#action-form button[type="submit"]').click();
  const done = m['action-done'].replace('{ $status }', m[`status-${to}`]);
  await page.locator('.action-notice').filter({ hasText: done }).waitFor();
}

async function noOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
}

test('township and county take an urgent case to approval at 360x740; the resident sees it', async () => {
  const m = consoleMessages('zh-CN');
  const app = messages('zh-CN');
  const { context, page, errors } = await openConsole('zh-CN');
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  const code = filed.urgent.tracking_code;

  await page.goto(`${server.url}/console/`);
  await page.locator('#signin-username').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.title(), m['console-page-title']);
  assert.deepEqual(await axe(page), [], 'sign-in page (zh-CN)');
  await page.screenshot({ path: screenshotPath('console-signin-zh-CN-360x740'), fullPage: true });

  // A wrong password: a clear message, and the password is in no URL.
  await page.locator('#signin-username').fill('wang');
  await page.locator('#signin-password').fill('not the password at all');
  await page.getByRole('button', { name: m['signin-submit'], exact: true }).click();
  await page.getByRole('alert').filter({ hasText: m['signin-bad-credentials'] }).waitFor();
  assert.equal(await page.inputValue('#signin-password'), '');
  assert.ok(!page.url().includes('password'), page.url());

  // The CSRF token comes from the sign-in answer and stays in memory.
  const signInAnswer = page.waitForResponse((r) => r.url().endsWith('/api/console/session') && r.request().method() === 'POST');
  await signIn(page, 'wang', m);
  const { csrf_token: csrf } = await (await signInAnswer).json();
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  assert.ok(!stored.includes(csrf), 'the CSRF token is not in web storage');

  // The queue: the account's jurisdiction only; urgent first, marked in
  // words; the late step marked in words too; masked ID numbers only.
  const rows = page.locator('table.queue tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2);
  assert.equal((await rows.nth(0).locator('.case-link').textContent()).trim(), code);
  assert.ok((await rows.nth(0).textContent()).includes(m['urgent-mark']));
  assert.ok(!(await rows.nth(0).textContent()).includes(m['overdue-mark']));
  assert.equal((await rows.nth(1).locator('.case-link').textContent()).trim(), filed.ordinary.tracking_code);
  assert.ok(!(await rows.nth(1).textContent()).includes(m['urgent-mark']));
  assert.ok((await rows.nth(1).textContent()).includes(m['overdue-mark']), 'the late case is marked');
  assert.match(await rows.nth(1).getAttribute('class'), /\boverdue\b/);
  assert.ok((await rows.nth(1).textContent()).includes('2020-01-02'));
  const queueText = await page.locator('main').textContent();
  assert.ok(!queueText.includes(filed.faraway.tracking_code), 'no case from another jurisdiction');
  assert.ok(!queueText.includes(FARAWAY.name));
  assert.ok(queueText.includes(filed.urgent.receipt.resident_id_masked));
  assert.ok(!queueText.includes(URGENT.id), 'no full ID number in the queue');
  // The deadline of the current step: the strictest over the programs.
  const deadline = filed.urgent.receipt.programs.map((p) => p.deadlines.investigation).filter(Boolean).sort()[0];
  assert.ok(queueText.includes(deadline), `the deadline ${deadline} is shown`);
  await noOverflow(page);
  assert.deepEqual(await axe(page), [], 'queue (zh-CN)');
  await page.screenshot({ path: screenshotPath('console-queue-zh-CN-360x740'), fullPage: true });

  // The case, in full for the investigation.
  await rows.nth(0).locator('.case-link').click();
  await page.getByRole('heading', { level: 1, name: m['case-heading'].replace('{ $code }', code) }).waitFor();
  await page.locator('#applicant-h').waitFor();
  const caseText = await page.locator('main').textContent();
  for (const expected of [URGENT.id, URGENT.mobile, URGENT.address, app['program-dibao'], app['opt-emergency-fire'], app['opt-relation-applicant']]) {
    assert.ok(caseText.includes(expected), `case page shows ${expected}`);
  }
  assert.ok(caseText.includes(m['actor-applicant']), 'history names the applicant');
  // Both screenings: the server's, and where the phone's differs from it.
  const screening = page.locator('section[aria-labelledby="screening-h"]');
  assert.ok((await screening.locator('table.screening').first().textContent()).includes(app['program-temporary']));
  const difference = await screening.locator('ul.differences li').first().textContent();
  assert.ok(difference.includes(app['program-dibao']) && difference.includes(app['outcome-possible']), difference);
  // The consent, as signed.
  const consent = await page.locator('section[aria-labelledby="consent-h"]').textContent();
  assert.ok(consent.includes(URGENT.name) && consent.includes('2025-01'), consent);
  // The 户口簿 photo, decrypted on download, byte for byte.
  const documentLink = page.locator('ul.documents a');
  assert.equal(await documentLink.count(), 1);
  assert.ok((await documentLink.textContent()).includes(m['document-hukou']));
  const [photo] = await Promise.all([page.waitForEvent('download'), documentLink.click()]);
  assert.deepEqual(readFileSync(await photo.path()), PNG);
  await noOverflow(page);
  assert.deepEqual(await axe(page), [], 'case page (zh-CN)');
  await page.screenshot({ path: screenshotPath('console-case-zh-CN-360x740'), fullPage: true });

  // A note is required: the error sits next to the field.
  await page.locator('button[data-to="accepted"]').click();
  await page.locator('#action-form button[type="submit"]').click();
  await page.locator('#action-note-error').filter({ hasText: m['field-required'] }).waitFor();
  assert.equal(await page.getAttribute('#action-note', 'aria-invalid'), 'true');
  // The township's three steps; the county's are not offered to it.
  await move(page, m, 'accepted', '材料齐全，予以受理。');
  await move(page, m, 'investigation', '已安排入户调查。');
  await move(page, m, 'review', '入户调查完成，情况属实。');
  assert.equal(await page.locator('button[data-to="publicity"]').count(), 0);
  assert.ok((await page.locator('.history').textContent()).includes('入户调查完成，情况属实。'));
  // Assign the case to the township worker (首问负责).
  await page.selectOption('#assign-worker', 'wang');
  await page.locator('form.assign button[type="submit"]').click();
  await page.locator('.action-notice').filter({ hasText: m['assign-done'].replace('{ $name }', '王社工') }).waitFor();
  await page.screenshot({ path: screenshotPath('console-case-moved-zh-CN-360x740'), fullPage: true });

  await page.getByRole('button', { name: m['sign-out'] }).click();
  await page.locator('#signin-username').waitFor();

  // The county reviewer publishes and approves with an amount.
  // Signing in returns to the page the session ended on (the case); the
  // reviewer goes through the queue all the same.
  await signIn(page, 'lishen', m);
  await page.getByRole('link', { name: m['nav-queue'], exact: true }).click();
  await page.locator(`.case-link:text-is("${code}")`).click();
  await page.locator('#applicant-h').waitFor();
  await move(page, m, 'publicity', '审核通过，公示七天。');
  await page.locator('button[data-to="approved"]').click();
  await page.locator('#action-note').fill('公示无异议，批准。');
  const dibao = page.locator('input[data-program="dibao"]');
  const temporary = page.locator('input[data-program="temporary"]');
  await dibao.fill('1.234');
  await temporary.fill('');
  await page.locator('#action-form button[type="submit"]').click();
  // The server's field error, translated, next to the amount.
  await page.locator('#award-0-error').filter({ hasText: m['field-amount-format'] }).waitFor();
  assert.equal(await dibao.getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: screenshotPath('console-approve-error-zh-CN-360x740'), fullPage: true });
  await dibao.fill('1102.5');
  await page.locator('#action-form button[type="submit"]').click();
  await page.locator('.action-notice').filter({ hasText: m['status-approved'] }).waitFor();
  const decision = await page.locator('section[aria-labelledby="decision-h"]').textContent();
  assert.ok(decision.includes(app['program-dibao']) && decision.includes('1,102.50'), decision);
  assert.equal(await page.locator('.action-buttons').count(), 0, 'a decided case offers no moves');

  // The resident's timeline shows the decision.
  const track = await fetch(`${server.url}/api/applications/${code}`, {
    headers: { 'x-phone-last4': URGENT.mobile.slice(-4) },
  });
  assert.equal(track.status, 200);
  const timeline = await track.json();
  assert.equal(timeline.status, 'approved');
  assert.deepEqual(timeline.decision, {
    outcome: 'approved', awards: [{ program: 'dibao', amount: '1102.50', period: 'month' }],
  });
  assert.ok(timeline.steps.find((s) => s.step === 'decision').reached);
  assert.ok(!JSON.stringify(timeline).includes('公示无异议'), 'workers\' notes stay internal');

  // Nothing personal ever went into a URL.
  for (const secret of [URGENT.id, URGENT.mobile, URGENT.address, encodeURIComponent(URGENT.address), PASSWORD]) {
    assert.deepEqual(urls.filter((u) => u.includes(secret)), [], `no URL carries ${secret}`);
  }
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the CSV export has a BOM, translated headers, masked ID numbers and no formulas', async () => {
  const m = consoleMessages('zh-CN');
  const { context, page, errors } = await openConsole('zh-CN', DESKTOP);
  await page.goto(`${server.url}/console/`);
  await signIn(page, 'wang', m);
  await page.locator('table.queue tbody tr').first().waitFor();
  await page.selectOption('#filter-status', 'all');
  await page.locator('table.queue tbody tr').nth(1).waitFor();
  await page.screenshot({ path: screenshotPath('console-queue-zh-CN-desktop'), fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: m['queue-export'] }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^jiuzhu-cases-\d{8}\.csv$/);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const text = bytes.subarray(3).toString('utf8');
  const lines = text.split('\r\n');
  assert.equal(lines.at(-1), '', 'every line ends with CRLF');
  const header = lines[0].split(',');
  assert.equal(header[0], m['col-code']);
  assert.ok(header.includes(m['col-resident-id']) && header.includes(m['col-status']), lines[0]);
  assert.equal(lines.length, 4, 'header, two cases, final line end');
  for (const [who, receipt] of [[URGENT, filed.urgent], [ORDINARY, filed.ordinary]]) {
    assert.ok(text.includes(receipt.tracking_code));
    assert.ok(text.includes(receipt.receipt.resident_id_masked));
    assert.ok(!text.includes(who.id), 'no full ID number in the export');
    assert.ok(!text.includes(who.mobile) && !text.includes(who.address));
  }
  await page.getByRole('status').filter({ hasText: m['queue-exported'].replace('{ $count }', '2') }).waitFor();
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('the sign-in, queue and case pages pass axe in English; a lost session brings back sign-in', async () => {
  const m = consoleMessages('en');
  const app = messages('en');
  const { context, page, errors } = await openConsole('en');
  await page.goto(`${server.url}/console/`);
  await page.locator('#signin-username').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.title(), m['console-page-title']);
  assert.deepEqual(await axe(page), [], 'sign-in page (en)');
  await page.screenshot({ path: screenshotPath('console-signin-en-360x740'), fullPage: true });
  await signIn(page, 'wang', m);
  await page.locator('table.queue tbody tr').first().waitFor();
  assert.ok((await page.locator('main').textContent()).includes(m['overdue-mark']));
  assert.deepEqual(await axe(page), [], 'queue (en)');
  await page.screenshot({ path: screenshotPath('console-queue-en-360x740'), fullPage: true });
  await page.locator(`.case-link:text-is("${filed.ordinary.tracking_code}")`).click();
  await page.locator('#applicant-h').waitFor();
  assert.ok((await page.locator('main').textContent()).includes(app['program-dibao']));
  assert.deepEqual(await axe(page), [], 'case page (en)');
  await page.screenshot({ path: screenshotPath('console-case-en-360x740'), fullPage: true });

  // The language switch works here too and is remembered.
  await page.locator('button[data-lang="zh-TW"]').click();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-TW');
  assert.equal(await page.evaluate(() => localStorage.getItem('jiuzhu.lang')), 'zh-TW');
  await page.locator('button[data-lang="en"]').click();

  // The session ends behind the page's back: the next call answers 401 and
  // sign-in comes back; signing in returns to the same case.
  await context.clearCookies();
  await page.getByRole('button', { name: `${m['action-accepted']}` }).click();
  await page.locator('#action-note').fill('accept');
  await page.locator('#action-form button[type="submit"]').click();
  await page.locator('#signin-username').waitFor();
  await signIn(page, 'wang', m);
  await page.locator('#applicant-h').waitFor();
  assert.ok(page.url().endsWith(`/console/cases/${filed.ordinary.tracking_code}`), page.url());
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('leaving the queue before its list comes does not break the console', async () => {
  // A slow network: the queue's list arrives after the worker has gone on
  // to the batch page. The late answer must be dropped, not panic the page
  // (it once did: the queue's request read a value its page had disposed).
  const m = consoleMessages('zh-CN');
  const { context, page, errors } = await openConsole('zh-CN');
  let delayed = 0;
  await page.route(/\/api\/console\/cases(\?|$)/, async (route) => {
    delayed++;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue().catch(() => {});
  });
  await page.goto(`${server.url}/console/`);
  await page.locator('#signin-username').fill('wang');
  await page.locator('#signin-password').fill(PASSWORD);
  await page.getByRole('button', { name: m['signin-submit'], exact: true }).click();
  await page.getByRole('link', { name: m['nav-batch'], exact: true }).click();
  await page.getByRole('heading', { level: 1, name: m['batch-heading'] }).waitFor();
  assert.ok(delayed > 0, 'the queue asked for its list');
  // The late answer arrives while the batch page is shown.
  await page.waitForTimeout(2500);
  assert.deepEqual(unexpected(errors), []);
  // The console still works: back to the queue, which lists the cases.
  await page.unroute(/\/api\/console\/cases(\?|$)/);
  await page.getByRole('link', { name: m['nav-queue'], exact: true }).click();
  await page.locator('table.queue tbody tr').first().waitFor();
  await context.close();
});

test('the audit log is for administrators and pages back with `before`', async () => {
  const m = consoleMessages('zh-CN');
  const { context, page, errors } = await openConsole('zh-CN', DESKTOP);
  await page.goto(`${server.url}/console/audit`);
  await signIn(page, 'wang', m);
  await page.getByText(m['audit-forbidden']).waitFor();
  assert.equal(await page.getByRole('link', { name: m['nav-audit'], exact: true }).count(), 0);
  await page.getByRole('button', { name: m['sign-out'] }).click();
  await page.locator('#signin-username').waitFor();

  await signIn(page, 'zhao', m);
  // More than one page of entries: each queue view is audited.
  await page.evaluate(async () => {
    for (let i = 0; i < 55; i += 1) await fetch('/api/console/cases');
  });
  await page.getByRole('link', { name: m['nav-queue'], exact: true }).click();
  await page.locator('table.queue').waitFor();
  await page.getByRole('link', { name: m['nav-audit'], exact: true }).click();
  const rows = page.locator('table.audit tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 50);
  assert.ok((await rows.first().textContent()).includes(m['audit-action-queue-view']));
  const firstPage = await page.locator('table.audit').textContent();
  assert.ok(!firstPage.includes(m['audit-action-application-submit']), 'the oldest entries are on a later page');
  await page.screenshot({ path: screenshotPath('console-audit-zh-CN-desktop'), fullPage: true });
  await page.getByRole('button', { name: m['audit-older'] }).click();
  await page.getByRole('button', { name: m['audit-newest'] }).waitFor();
  const older = await page.locator('table.audit').textContent();
  assert.ok(older.includes(m['audit-action-application-submit']), older);
  assert.ok(older.includes(m['audit-action-case-transition']));
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});
