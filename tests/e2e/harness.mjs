// Shared helpers for the end-to-end tests: start the real server on a free
// port with a throwaway data directory, launch headless Chromium, read the
// Fluent files for expected texts.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = join(here, '..', '..');
export const artifacts = process.env.JIUZHU_ARTIFACTS ?? join(repoRoot, 'tests', 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const LANGS = ['zh-CN', 'zh-TW', 'en'];
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** Simple-message values of one locale's Fluent file (multi-line and
 *  attribute syntax are not used for the messages the tests read). */
export function messages(lang) {
  const text = readFileSync(join(repoRoot, 'app', 'i18n', lang, 'app.ftl'), 'utf8');
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/** The worker console's messages of one locale (same simple syntax). */
export function consoleMessages(lang) {
  const text = readFileSync(join(repoRoot, 'console', 'i18n', lang, 'console.ftl'), 'utf8');
  const out = {};
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

const serverBin = () =>
  process.env.JIUZHU_SERVER_BIN ?? join(repoRoot, 'target', 'debug', 'jiuzhu-server');

/** The password of a console account the tests create without one. */
export const TEST_PASSWORD = 'e2e test password 1';

/** Create a console account with the server's own CLI, as an operator
 *  would: `jiuzhu-server --data-dir D users add NAME …`, the password on
 *  standard input. */
export function addAccount(dataDir, { username, name, role, office, jurisdictions, password }) {
  const args = ['--data-dir', dataDir, 'users', 'add', username,
    '--name', name ?? username, '--role', role, '--office', office ?? `${username} office`,
    ...jurisdictions.flatMap((j) => ['--jurisdiction', j])];
  const out = spawnSync(serverBin(), args, { input: `${password ?? TEST_PASSWORD}\n`, encoding: 'utf8' });
  if (out.status !== 0) {
    throw new Error(`users add ${username} failed (${out.status}):\n${out.stdout}\n${out.stderr}`);
  }
}

/** Start the server binary; resolves once it prints its address. Console
 *  `accounts` (`{ username, name, role, office, jurisdictions, password }`;
 *  name, office and password optional) are created first with the real
 *  `jiuzhu-server users add`. A restart passes the previous `port` and
 *  `dataDir` (service workers and local storage belong to the origin, port
 *  included); `dist` serves another build. */
export async function startServer({
  accounts = [], port = 0, dist = process.env.JIUZHU_DIST ?? join(repoRoot, 'dist'), dataDir,
} = {}) {
  const bin = serverBin();
  dataDir ??= mkdtempSync(join(tmpdir(), 'jiuzhu-e2e-'));
  for (const account of accounts) addAccount(dataDir, account);
  const child = spawn(bin, ['--port', String(port), '--data-dir', dataDir, '--dist', dist], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: 'warn' },
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 20000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited ${code}:\n${log}`)); });
  });
  return {
    url,
    // The SQLite file is `${dataDir}/jiuzhu.sqlite`.
    dataDir,
    log: () => log,
    port: Number(new URL(url).port),
    /** Stop the server; `keepData` leaves its data directory for a restart
     *  (`startServer({ port, dataDir })`). */
    async stop({ keepData = false } = {}) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** A page that records console errors and uncaught exceptions (a CSP
 *  violation shows up as a console error). */
export async function newPage(browser, { viewport = PHONE, locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ viewport, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  // A missing element fails fast instead of after Playwright's 30 s default.
  page.setDefaultTimeout(5000);
  const errors = [];
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors };
}

/** Wait until the app has mounted: the static first paint of `/` (see
 *  xtask/first-paint.html) or of a guide page (xtask/src/guide_paint.rs)
 *  is gone and the app's heading is there. */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('first-paint') && document.querySelector('main h1'));
}

export function screenshotPath(name) {
  return join(artifacts, `${name}.png`);
}

/** The first paint's markup in a page (the `#first-paint` element), or null. */
export function firstPaint(html) {
  const start = html.indexOf('<div id="first-paint">');
  return start < 0 ? null : html.slice(start, html.lastIndexOf('</body>'));
}

/** In the page: the first difference between the first paint `markup` and
 *  what the app now shows in `<body>` (comments dropped, adjacent text
 *  joined), as the two elements' markup; null when they are equal. */
export function difference(markup) {
  const clean = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    for (const c of comments) c.remove();
    root.normalize();
    return root;
  };
  const template = document.createElement('template');
  template.innerHTML = markup;
  const painted = clean(template.content.firstElementChild);
  const app = document.createElement('div');
  for (const el of document.body.children) {
    if (el.tagName !== 'SCRIPT') app.appendChild(el.cloneNode(true));
  }
  clean(app);
  const first = (a, b) => {
    const [as, bs] = [[...a.childNodes], [...b.childNodes]];
    const sameTag = a.nodeType === b.nodeType && a.nodeName === b.nodeName;
    const sameAttrs = a.nodeType !== 1 || (a.attributes.length === b.attributes.length
      && [...a.attributes].every((x) => b.getAttribute(x.name) === x.value));
    if (!sameTag || !sameAttrs || as.length !== bs.length
      || (a.nodeType === 3 && a.data !== b.data)) {
      return [a.outerHTML ?? a.data, b.outerHTML ?? b.data];
    }
    for (let i = 0; i < as.length; i++) {
      const d = first(as[i], bs[i]);
      if (d) return d;
    }
    return null;
  };
  const [ps, as] = [[...painted.childNodes], [...app.childNodes]];
  if (ps.length !== as.length) return [`${ps.length} elements`, `${as.length} elements`];
  for (let i = 0; i < ps.length; i++) {
    const d = first(ps[i], as[i]);
    if (d) return d;
  }
  return null;
}
