// The policy guide's first paint (xtask/src/guide_paint.rs, issue 4): a
// guide link comes with its page as static HTML in the language it opens
// in, so the text is on screen before the guide bundle arrives. That page
// must be the page the bundle then renders: the same elements, attributes
// and text, for every page of every place (in zh-CN; in zh-TW and en every
// page of one place and two of each other), or the swap would move or
// change what the resident is reading.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LANGS, repoRoot, startServer, launchBrowser, newPage, appReady,
} from './harness.mjs';

const dist = process.env.JIUZHU_DIST ?? join(repoRoot, 'dist');
const places = Object.keys(JSON.parse(readFileSync(join(dist, 'guide-pages', 'pages.json'), 'utf8')));

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

/** The page the server sends a browser whose languages are `lang`. */
async function served(path, lang) {
  const response = await fetch(`${server.url}${path}`, { headers: { 'accept-language': lang } });
  assert.equal(response.status, 200, path);
  return response.text();
}

/** The first paint's markup in a page (the `#first-paint` element), or null. */
function firstPaint(html) {
  const start = html.indexOf('<div id="first-paint">');
  return start < 0 ? null : html.slice(start, html.lastIndexOf('</body>'));
}

/** In the page: the first difference between the first paint `markup` and
 *  what the app now shows in `<body>` (comments dropped, adjacent text
 *  joined), as the two elements' markup; null when they are equal. */
function difference(markup) {
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

for (const code of places) {
  test(`${code}: every guide page's first paint is the page the guide bundle renders`, async () => {
    const guide = JSON.parse(readFileSync(join(dist, 'guides', `${code}.json`), 'utf8'));
    const all = [
      `/programs?region=${code}`,
      ...guide.programs.map((p) => `/programs/${p.id}?region=${code}`),
    ];
    for (const lang of LANGS) {
      const paths = lang === 'zh-CN' || code === '441521' ? all : all.slice(0, 2);
      const { context, page, errors } = await newPage(browser, { locale: lang });
      for (const path of paths) {
        const html = await served(path, `${lang},en;q=0.5`);
        assert.ok(html.includes(`<html lang=${lang}>`), `${path} ${lang}`);
        const markup = firstPaint(html);
        assert.ok(markup, `${path} ${lang}: no first paint`);
        await page.goto(`${server.url}${path}`);
        await appReady(page);
        assert.equal(await page.evaluate(() => document.documentElement.dataset.bundle), 'guide');
        assert.deepEqual(await page.evaluate(difference, markup), null, `${path} ${lang}`);
      }
      // The link's language wins over the browser's.
      const other = LANGS.find((l) => l !== lang);
      assert.ok((await served(`${all[1]}&lang=${other}`, lang)).includes(`<html lang=${other}>`));
      assert.deepEqual(errors, []);
      await context.close();
    }
  });
}

test('the guide in English fetches only the messages it shows, and shows no Chinese but the packs\'', async () => {
  const { context, page, errors } = await newPage(browser, { locale: 'en' });
  const fetched = new Set();
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.ftl')) fetched.add(path);
  });
  // The places' names are the packs' Chinese, shown as they are.
  const names = places.map((code) => JSON.parse(readFileSync(join(dist, 'guides', `${code}.json`), 'utf8')).name);
  const guide = JSON.parse(readFileSync(join(dist, 'guides', '441521.json'), 'utf8'));
  const paths = [
    '/programs',
    '/programs/no_such_program?region=441521',
    ...places.map((code) => `/programs?region=${code}`),
    // Offered and not offered, with every kind of value and time limit.
    ...guide.programs.map((p) => `/programs/${p.id}?region=441521`),
  ];
  for (const path of paths) {
    await page.goto(`${server.url}${path}`);
    await appReady(page);
    await page.waitForFunction(() => !document.querySelector('main .notice[role="status"]'));
    const chinese = await page.evaluate((names) => {
      const found = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (node.parentElement.closest('[lang^="zh"], script')) continue;
        // English texts may gloss a term in Chinese, in brackets: "Dibao
        // taper period (渐退期)". A message shown in zh-CN has Chinese outside.
        let text = node.data.replace(/\([^)]*\)/g, '');
        for (const name of names) text = text.split(name).join('');
        if (/[\u3400-\u9fff\uff00-\uffef]/.test(text)) found.push(node.data);
      }
      return found;
    }, names);
    assert.deepEqual(chinese, [], path);
  }
  assert.deepEqual([...fetched].sort(), ['/i18n/en/guide.ftl', '/i18n/en/params.ftl']);
  assert.deepEqual(errors, []);
  await context.close();
});
