// The service worker (registered by components/offline-tickets.tsx on the order pages, the
// account page and the door scanner; docs/decisions/0008). Deliberately small:
//  - pages it keeps: an attendee's order pages (/orders/<id>: the tickets with their QR codes),
//    "My tickets" (/account) and the door scanner (/check-in). Network first, so a page is
//    always as fresh as the connection allows; the last good copy answers when there is none.
//  - Next's build assets (/_next/static/…, content-hashed, never change): cache first, so a
//    kept page still runs offline.
// Nothing else is touched: no API answers, no other page, no POST. A kept page that the
// network later answers with anything but 200 (signed out, someone else's order) is dropped.
const VERSION = "v1";
const PAGES = `pages-${VERSION}`;
const ASSETS = `assets-${VERSION}`;
// In any language: /orders/<id> or /pt/orders/<id> (the door scanner is English only).
const KEPT_PAGE = /^\/(?:(?:pt|es|ca|de)\/)?(orders\/[0-9a-f-]{36}|account)$|^\/check-in$/;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== PAGES && name !== ASSETS) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate" && KEPT_PAGE.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  }
});

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, path) {
  const cache = await caches.open(PAGES);
  try {
    const response = await fetch(request);
    // Only a page the network served to this person as is: not a redirect to sign-in, not a 404.
    if (response.ok && !response.redirected) await cache.put(path, response.clone());
    else await cache.delete(path);
    return response;
  } catch (error) {
    const kept = await cache.match(path);
    if (kept) return kept;
    throw error;
  }
}
