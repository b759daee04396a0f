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
  LANGS, repoRoot, startServer, launchBrowser, newPage, appReady, firstPaint, difference,
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
