// 救助通's service worker: after one visit the whole self-check works with
// no signal. `cargo xtask build` writes it to dist/sw.js, filling in the
// build's version and the list of files (see xtask/src/offline.rs).
//
// - Install: every file of this build (the page shells, the loader, the
//   WASM, the CSS, the icons, every policy pack and every message file) goes
//   into a cache named after the build, then this version takes over at once.
// - Pages open from the cache, so an event hall with no signal still gets
//   the app; the browser meanwhile looks for a newer sw.js and installs it,
//   and the next visit opens the new version.
// - An open check is never broken by an update: the previous build's cache
//   is kept (its hashed files stay reachable) until the build after.
// - Nothing under /api/ or /console/ is cached or touched: applications and
//   tracking always go to the server (the app keeps unsent applications in
//   its own outbox), and the worker console is not for offline use.

const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `jiuzhu-${VERSION}`;
// How many builds' caches to keep: this one and the one before it.
const KEEP = 2;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // `reload`: straight from the server, not from the HTTP cache.
    await cache.addAll(FILES.map((url) => new Request(url, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const ours = (await caches.keys()).filter((name) => name.startsWith('jiuzhu-'));
    // Caches are listed oldest first; drop all but the newest KEEP, never this one.
    const others = ours.filter((name) => name !== CACHE);
    const stale = others.slice(0, Math.max(0, others.length - (KEEP - 1)));
    await Promise.all(stale.map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

function passThrough(url) {
  return url.origin !== self.location.origin
    || url.pathname.startsWith('/api/')
    || url.pathname === '/console'
    || url.pathname.startsWith('/console/')
    || url.pathname === '/sw.js';
}

async function fromCaches(request) {
  const current = await caches.open(CACHE);
  return (await current.match(request, { ignoreSearch: true }))
    // A file of the previous build, for a page that is still running it.
    ?? (await caches.match(request, { ignoreSearch: true }));
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (passThrough(url)) return;
  if (request.mode === 'navigate') {
    // `/` has its own static first paint; the policy guide (`/programs`,
    // `/programs/<id>`) is the light bundle's page without it; every other
    // address is the full app's shell (as the server answers).
    const shell = url.pathname === '/' || url.pathname === '/index.html' ? '/'
      : /^\/programs(\/[^/]*)?$/.test(url.pathname) ? '/guide.html' : '/shell.html';
    event.respondWith((async () => {
      const current = await caches.open(CACHE);
      return (await current.match(shell)) ?? fetch(request);
    })());
    return;
  }
  event.respondWith((async () => (await fromCaches(request)) ?? fetch(request))());
});
