// The service worker (registered by components/offline-tickets.tsx on the order pages, the
// account page and the door scanner; docs/decisions/0008). Deliberately small:
//  - pages it keeps: an attendee's order pages (/orders/<id>: the tickets with their QR codes),
//    "My tickets" (/account) and the door scanner (/check-in). Network first, so a page is
//    always as fresh as the connection allows; the last good copy answers when there is none.
//  - Next's build assets (/_next/static/…, content-hashed, never change): cache first, so a
//    kept page still runs offline.
// Nothing else is touched: no API answers, no other page, no POST. A kept page that the
// network later answers with anything but 200 (signed out, someone else's order) is dropped.
//
// Kept pages belong to one account (issue 26): a page says whose it is
// (<meta name="offline-account">, a key the server derives from the account), and is kept in
// that account's cache, `pages-v2-<key>`. Offline, only the pages of the account signed in
// last are shown. Every page tells the worker who is signed in now (components/offline-account.tsx):
// another account, or nobody, and the other accounts' pages are deleted; signing out deletes
// them all (a message from the sign-out button, and Clear-Site-Data on the sign-out answer).
const VERSION = "v2";
const PAGES_PREFIX = `pages-${VERSION}-`;
const ASSETS = `assets-${VERSION}`;
const META = `meta-${VERSION}`;
const ACCOUNT_ENTRY = "/__offline-account";
// In any language: /orders/<id> or /pt/orders/<id> (the door scanner is English only).
const KEPT_PAGE = /^\/(?:(?:pt|es|ca|de)\/)?(orders\/[0-9a-f-]{36}|account)$|^\/check-in$/;
const ACCOUNT_META = /<meta\s+name="offline-account"\s+content="([0-9a-f]{16,64})"/;

/** Whose pages are shown offline: undefined until read from the meta cache, null for nobody. */
let currentAccount;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Caches of earlier versions (v1 kept every account's pages together) go.
      for (const name of await caches.keys()) if (!name.startsWith(PAGES_PREFIX) && name !== ASSETS && name !== META) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  if (data.type === "account") event.waitUntil(setAccount(typeof data.account === "string" ? data.account : null));
  else if (data.type === "sign-out") event.waitUntil(setAccount(null));
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

async function account() {
  if (currentAccount === undefined) {
    const kept = await (await caches.open(META)).match(ACCOUNT_ENTRY);
    currentAccount = kept ? (await kept.text()) || null : null;
  }
  return currentAccount;
}

/** Who is signed in now; every other account's kept pages are deleted. */
async function setAccount(key) {
  currentAccount = key;
  await (await caches.open(META)).put(ACCOUNT_ENTRY, new Response(key ?? ""));
  for (const name of await caches.keys()) if (name.startsWith(PAGES_PREFIX) && name !== PAGES_PREFIX + key) await caches.delete(name);
}

async function cacheFirst(request) {
  const cache = await caches.open(ASSETS);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function networkFirst(request, path) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const key = await account();
    const kept = key ? await (await caches.open(PAGES_PREFIX + key)).match(path) : undefined;
    if (kept) return kept;
    throw error;
  }
  // Only a page the network served to a signed-in person as is: not a redirect to sign-in,
  // not a 404, and one that says whose it is.
  const owner = response.ok && !response.redirected ? ACCOUNT_META.exec(await response.clone().text())?.[1] : undefined;
  if (owner) {
    if (owner !== (await account())) await setAccount(owner);
    await (await caches.open(PAGES_PREFIX + owner)).put(path, response.clone());
  } else {
    const key = await account();
    if (key) await (await caches.open(PAGES_PREFIX + key)).delete(path);
  }
  return response;
}
