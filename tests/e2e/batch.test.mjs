// The worker console's batch screening (/console/batch) with the real
// server: a generated 10,000-row roster with bad rows goes through the page
// in headless Chromium — once in UTF-8 at 1280×800 in zh-CN, once GBK-encoded
// at 360×740 in English — and the results (read back from the page's own
// CSV export, every household and every program) equal those of
// `screen --batch --summary` on the same file; the bad rows the page lists
// are the CLI's error lines, row for row; filtering by program and outcome
// works; no request carries roster content (no POST at all once signed in);
// axe finds nothing. The page runs one worker a core (two to four), each
// screening a part of the file (issue 6): the file is cut into that many
// parts, and a household id used again in a later part is the same bad
// row as the CLI's.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import {
  DESKTOP, PHONE, repoRoot, consoleMessages, messages, startServer, launchBrowser, newPage,
  screenshotPath,
} from './harness.mjs';

const PASSWORD = 'e2e batch password, long enough';
const PLACES = ['441521', '620422'];
const DATE = '2025-06-01';
const ACCOUNT = {
  username: 'liu', name: '刘社工', role: 'township', office: '海城镇社会救助服务站',
  jurisdictions: PLACES, password: PASSWORD,
};

const bin = (name, env) => process.env[env] ?? join(repoRoot, 'target', 'debug', name);
const screenBin = () => bin('screen', 'JIUZHU_SCREEN_BIN');
const genBin = () => bin(join('examples', 'gen_roster'), 'JIUZHU_GEN_ROSTER_BIN');

/** A generated roster (roster::sample) of `rows` rows, one bad row in every
 *  `badEvery`-th household. */
function roster(rows, { gbk = false, seed = 20250601, badEvery = 37 } = {}) {
  const args = [String(rows), '--bad-every', String(badEvery), '--seed', String(seed)];
  if (gbk) args.push('--gbk');
  const out = spawnSync(genBin(), args, { maxBuffer: 1 << 28 });
  assert.equal(out.status, 0, `gen_roster: ${out.stderr}`);
  return out.stdout;
}

/** `screen --batch --summary` on the same bytes: one JSON object a line. */
function cli(pack, bytes) {
  const out = spawnSync(screenBin(), ['--pack', pack, '--date', DATE, '--batch', '--summary'], {
    input: bytes, maxBuffer: 1 << 28,
  });
  assert.equal(out.status, 0, `screen: ${out.stderr}`);
  return out.stdout.toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** RFC 4180 records of a CSV text. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') {
      row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

let server;
let browser;

before(async () => {
  server = await startServer({ accounts: [ACCOUNT] });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Console errors except the 401 of the session check before sign-in (the
 *  browser logs every 4xx answer to fetch). */
function unexpected(errors) {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of 401/.test(e));
}

async function axe(page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function noOverflow(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
}

/** Sign in and open the batch page; from then on every request of the
 *  context (the page's and its worker's) is recorded. */
async function openBatch(lang, viewport) {
  const m = consoleMessages(lang);
  const opened = await newPage(browser, { viewport, locale: lang });
  const { context, page } = opened;
  await page.addInitScript((l) => localStorage.setItem('jiuzhu.lang', l), lang);
  await page.goto(`${server.url}/console/`);
  await page.locator('#signin-username').fill(ACCOUNT.username);
  await page.locator('#signin-password').fill(PASSWORD);
  await page.getByRole('button', { name: m['signin-submit'], exact: true }).click();
  await page.getByRole('heading', { level: 1, name: m['queue-heading'] }).waitFor();
  const requests = [];
  context.on('request', (r) => requests.push({ method: r.method(), url: r.url(), body: r.postData() }));
  await page.getByRole('link', { name: m['nav-batch'], exact: true }).click();
  await page.getByRole('heading', { level: 1, name: m['batch-heading'] }).waitFor();
  return { ...opened, m, requests };
}

/** Choose the place, date and file, screen, and wait for the results;
 *  returns the progress texts seen on the way. */
async function screenFile(page, m, { place, name, bytes }) {
  await page.locator('#batch-place').selectOption(place);
  await page.locator('#batch-date').fill(DATE);
  await page.locator('#batch-file').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });
  await page.evaluate(() => {
    window.progressSeen = [];
    const target = document.getElementById('batch-progress-text');
    new MutationObserver(() => window.progressSeen.push(target.textContent))
      .observe(target, { childList: true, subtree: true, characterData: true });
  });
  await page.locator('form.batch-form button[type="submit"]').click();
  await page.locator('section.batch-results .summary').waitFor({ timeout: 120000 });
  return page.evaluate(() => window.progressSeen.filter(Boolean));
}

/** The page's export, downloaded as the worker would. */
async function exported(page, m) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: m['batch-export'], exact: true }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^jiuzhu-batch-\d+-\d{8}\.csv$/);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM for Excel');
  return parseCsv(bytes.subarray(3).toString('utf8'));
}

/** Every household of the CLI's output is in the export with the same
 *  row, id, outcomes and amounts; every CLI error line is a problem row.
 *  Returns the export's rows by row number. */
function assertExportEqualsCli(csv, lines, lang) {
  const app = messages(lang);
  const m = consoleMessages(lang);
  const [header, ...rows] = csv;
  const outcomeWords = {
    [app['outcome-likely']]: 'likely', [m['batch-export-gap']]: 'likely',
    [app['outcome-possible']]: 'possible', [app['outcome-unlikely']]: 'unlikely',
  };
  const programColumn = {};
  for (const [key, name] of Object.entries(app)) {
    if (!key.startsWith('program-')) continue;
    const i = header.indexOf(name);
    if (i >= 0) programColumn[key.slice('program-'.length).replaceAll('-', '_')] = i;
  }
  const byRow = new Map(rows.map((r) => [Number(r[0]), r]));
  const problemColumn = header.length - 1;
  let households = 0;
  let gaps = 0;
  for (const line of lines) {
    const row = byRow.get(line.line);
    assert.ok(row, `row ${line.line} is in the export`);
    if (line.error) {
      assert.ok(row[problemColumn], `row ${line.line} has its problem`);
      if (line.id) assert.equal(row[1], line.id);
      continue;
    }
    households++;
    assert.equal(row[1], line.id, `row ${line.line}`);
    assert.equal(row[problemColumn], '');
    assert.deepEqual(Object.keys(programColumn).sort(), Object.keys(line.summary).sort(),
      'the export has a column pair for each program the pack runs');
    for (const [program, result] of Object.entries(line.summary)) {
      const i = programColumn[program];
      const cell = row[i];
      assert.equal(outcomeWords[cell], result.outcome, `row ${line.line} ${program}: ${cell}`);
      if (cell === m['batch-export-gap']) gaps++;
      const amount = row[i + 1];
      if (result.amount) {
        const v = result.amount.value;
        const number = result.amount.period === 'share'
          ? `${Number((Number(v) * 100).toFixed(6))}%` : v;
        assert.ok(amount === number || amount.includes(` ${number} `) || amount.includes(`${number} `),
          `row ${line.line} ${program}: amount ${amount}, expected ${number}`);
      } else {
        assert.equal(amount, '', `row ${line.line} ${program} has no amount`);
      }
    }
  }
  assert.equal(rows.length, lines.length, 'one export row per CLI line');
  return { households, gaps };
}

/** The page's bad-row table (all of it) equals the CLI's error lines. */
async function assertBadRowsEqualCli(page, m, lines) {
  const errors = lines.filter((l) => l.error).sort((a, b) => a.line - b.line);
  assert.ok(errors.length > 50, `the roster has bad rows (${errors.length})`);
  const heading = m['batch-bad-heading'].replace('{ $count }', String(errors.length));
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
  const more = page.getByRole('button', { name: m['batch-show-more-bad'], exact: true });
  if (await more.count()) await more.click();
  const shown = await page.locator('table.bad tbody tr').evaluateAll((trs) => trs.map((tr) => {
    const [row, id, problem] = [...tr.querySelectorAll('td')].map((td) => td.textContent.trim());
    return { row: Number(row), id, problem };
  }));
  assert.deepEqual(shown.map((b) => [b.row, b.id]), errors.map((e) => [e.line, e.id ?? '']));
  for (const b of shown) assert.ok(b.problem.length > 3, `row ${b.row} says what is wrong`);
}

/** Nothing of the roster went anywhere: no request but GETs of the site's
 *  own static files, no body, no query string. */
function assertNothingSent(requests, origin) {
  // The worker's own requests are seen too (it fetches its WASM itself).
  assert.ok(requests.some((r) => r.url.endsWith('/console/roster-worker_bg.wasm')), 'the worker\'s requests are recorded');
  for (const r of requests) {
    assert.equal(r.method, 'GET', `${r.method} ${r.url}`);
    assert.equal(r.body, null, r.url);
    const url = new URL(r.url);
    if (url.protocol === 'blob:' || url.protocol === 'data:') continue;
    assert.equal(url.origin, origin, r.url);
    assert.equal(url.search, '', r.url);
    assert.ok(/^\/(packs\/\d+\.json|console\/[\w.-]+\.(js|wasm|csv|css|svg)|icons\/.*|i18n\/.*)$/.test(url.pathname)
      && !url.pathname.startsWith('/api/'), `only static files: ${r.url}`);
  }
}

test('a 10,000-row UTF-8 roster in zh-CN at 1280x800: the CLI\'s results, bad rows listed, nothing sent', async () => {
  const { context, page, errors, m, requests } = await openBatch('zh-CN', DESKTOP);
  const app = messages('zh-CN');

  // The example template downloads as the crate's example.csv.
  const [template] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: m['batch-template'], exact: true }).click(),
  ]);
  assert.deepEqual(readFileSync(await template.path()), readFileSync(join(repoRoot, 'roster', 'example.csv')));

  // The places the account covers, named from their packs.
  await page.locator('#batch-place option', { hasText: /\S+ 441521/ }).waitFor({ state: 'attached' });
  assert.equal(await page.locator('#batch-place option').count(), PLACES.length);

  // The first household's first row again at the end: in the last
  // worker's part, an id an earlier part used.
  const generated = roster(10000);
  const firstLine = generated.toString('utf8').split('\n')[1];
  const bytes = Buffer.concat([generated, Buffer.from(`${firstLine}\n`)]);
  const progress = await screenFile(page, m, { place: '441521', name: 'roster.csv', bytes });
  assert.ok(progress.length >= 1, 'the progress was shown');
  assert.ok(await page.locator('label[for="batch-progress"]').count(), 'the progress bar has a label');
  const lines = cli('441521', bytes);
  const households = lines.filter((l) => !l.error).length;
  assert.match(lines.at(-1).error ?? '', /was used for other rows \(first at row 2\)/, 'the CLI reports the id used again');
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const workers = Math.min(Math.max(cores, 2), 4);
  assert.equal(Number(await page.locator('section.batch-results').getAttribute('data-workers')), workers,
    `the file was cut into one part for each of the ${workers} workers`);
  const summary = await page.locator('section.batch-results .summary').textContent();
  assert.ok(summary.includes(households.toLocaleString('en-US')), `${summary} names ${households} households`);
  assert.ok((await page.locator('section.batch-results').textContent()).includes('UTF-8'));

  const csv = await exported(page, m);
  const result = assertExportEqualsCli(csv, lines, 'zh-CN');
  assert.equal(result.households, households);
  assert.ok(result.gaps > 0, 'some households are likely but not receiving');
  await assertBadRowsEqualCli(page, m, lines);

  // The default filter: households with a program likely but not received,
  // each marked in words.
  const table = page.locator('table.batch tbody tr');
  assert.ok(await table.count() > 0);
  const firstRow = await table.first().textContent();
  assert.ok(firstRow.includes(m['batch-gap-mark']), firstRow);
  // One program, one outcome: the count is the export's.
  await page.locator('#batch-program').selectOption('dibao');
  await page.locator('#batch-outcome').selectOption('likely');
  const dibaoColumn = csv[0].indexOf(app['program-dibao']);
  const likelyDibao = csv.slice(1).filter((r) => [app['outcome-likely'], m['batch-export-gap']].includes(r[dibaoColumn])).length;
  const count = m['batch-shown'].replace('{ $count }', likelyDibao.toLocaleString('en-US'));
  await page.locator('section.batch-results p.count').filter({ hasText: count.split('，')[0] }).waitFor();
  const cells = await table.locator('li.outcome').evaluateAll((lis) => lis.map((li) => [li.dataset.program, li.dataset.outcome]));
  assert.ok(cells.length > 0);
  for (const [program, outcome] of cells) assert.deepEqual([program, outcome], ['dibao', 'likely']);
  // The households shown (asked from the workers) are the export's first
  // ones for that filter, in file order, across the parts; so after "show
  // more".
  const likelyRows = csv.slice(1)
    .filter((r) => [app['outcome-likely'], m['batch-export-gap']].includes(r[dibaoColumn])).map((r) => r[0]);
  const shownRows = () => table.evaluateAll((trs) => trs.map((tr) => tr.querySelector('td').textContent.trim()));
  assert.deepEqual(await shownRows(), likelyRows.slice(0, 50));
  await page.getByRole('button', { name: m['batch-show-more'].replace('{ $count }', '50'), exact: true }).click();
  await table.nth(99).waitFor();
  assert.deepEqual(await shownRows(), likelyRows.slice(0, 100));
  await page.locator('#batch-outcome').selectOption('gap');

  assertNothingSent(requests, server.url);
  assert.deepEqual(await axe(page), [], 'batch page with results (zh-CN)');
  await page.screenshot({ path: screenshotPath('console-batch-zh-CN-1280x800'), fullPage: false });
  await page.locator('section.bad-rows').screenshot({ path: screenshotPath('console-batch-bad-rows-zh-CN-1280x800') });
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test('a GBK-encoded 10,000-row roster in English at 360x740: the same results as the CLI', async () => {
  const { context, page, errors, m, requests } = await openBatch('en', PHONE);
  await noOverflow(page);
  assert.deepEqual(await axe(page), [], 'batch page before a file (en)');
  await page.screenshot({ path: screenshotPath('console-batch-en-360x740'), fullPage: true });

  const bytes = roster(10000, { gbk: true, seed: 7 });
  // GBK really: not valid UTF-8.
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  await screenFile(page, m, { place: '620422', name: 'roster-gbk.csv', bytes });
  assert.ok((await page.locator('section.batch-results').textContent()).includes('GBK'));
  const lines = cli('620422', bytes);
  const csv = await exported(page, m);
  const result = assertExportEqualsCli(csv, lines, 'en');
  assert.equal(result.households, lines.filter((l) => !l.error).length);
  // Household ids in Chinese came through the GBK decoding.
  assert.ok(csv.slice(1).some((r) => /^户\d{6}$/.test(r[1])));
  await assertBadRowsEqualCli(page, m, lines);

  assertNothingSent(requests, server.url);
  await noOverflow(page);
  assert.deepEqual(await axe(page), [], 'batch page with results (en)');
  await page.screenshot({ path: screenshotPath('console-batch-results-en-360x740'), fullPage: false });
  await page.locator('table.batch tbody tr').first().screenshot({ path: screenshotPath('console-batch-row-en-360x740') });
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});
