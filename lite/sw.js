/* Anggaran Terbuka service worker: the app shell and static files cache-first; pages and data
   network-first, falling back to the last copy (with an "offline" notice) when there is no network.
   Cache names carry the asset fingerprint and the data version, so a publish or a new release
   replaces every cache at once: a stale copy can never hide new data while the phone is online. */
const ASSETS = "at-assets-__ASSETS__";
const PAGES = "at-pages-__DATA__";
const KEEP = [ASSETS, PAGES];
// The offline notice in every language of the catalogue ({asof} is the data's date), filled in by the server.
const OFFLINE = __OFFLINE__;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(PAGES).then((c) => c.add("/ringkasan").catch(() => null)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("at-") && !KEEP.includes(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim())
  );
});

function isStatic(url) {
  return url.pathname.startsWith("/assets/") || url.pathname.startsWith("/_dash-component-suites/") || url.pathname.startsWith("/_favicon");
}

// Dash pages fetch their content with POST, which the Cache API cannot key: the body's hash becomes the key.
async function postKey(request) {
  const body = await request.clone().arrayBuffer();
  const digest = await crypto.subtle.digest("SHA-256", body);
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return new Request(new URL("/__offline/" + hex, self.location.origin).href);
}

async function offlineCopy(cached) {
  const type = cached.headers.get("Content-Type") || "";
  if (!type.startsWith("text/html")) return cached;
  const html = await cached.text();
  const lang = (html.match(/<html lang="([a-z]{2,3})"/) || [])[1] || "id";
  const asof = (html.match(/<meta name="data-asof" content="([^"]*)"/) || [])[1] || "–";
  const text = (OFFLINE[lang] || OFFLINE.id).replace("{asof}", () => asof);
  const banner = `<p class="offline-notice" role="status" id="offline-notice">${text}</p>`;
  const out = html.includes("<main>") ? html.replace("<main>", "<main>" + banner) : html.replace(/<body[^>]*>/, (m) => m + banner);
  return new Response(out, { status: 200, headers: { "Content-Type": type } });
}

async function networkFirst(request, key) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(key);
    if (!cached) throw err;
    return request.mode === "navigate" ? offlineCopy(cached) : cached;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/kelola")) return;
  if (request.method === "GET" && isStatic(url)) {
    event.respondWith(cacheFirst(request));
  } else if (request.method === "GET") {
    event.respondWith(networkFirst(request, request));
  } else if (request.method === "POST" && url.pathname === "/_dash-update-component") {
    event.respondWith(postKey(request).then((key) => networkFirst(request, key)));
  }
});
