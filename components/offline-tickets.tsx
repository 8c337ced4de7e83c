"use client";
import { useEffect } from "react";

/**
 * Registers the service worker (public/sw.js) that keeps this page, and the order pages
 * opened before, available without a connection, for `account` only: the worker keeps the
 * page in that account's cache (the meta tag says whose it is) and shows it offline only
 * while that account is the one signed in. The page turns it on in production only
 * (`enabled`): in development it would serve stale pages over hot reloads.
 */
export function OfflineTickets({ enabled, account }: { enabled: boolean; account: string }) {
  useEffect(() => {
    if (!enabled || !("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // No service worker (private mode, an old browser): the page still works online.
    });
  }, [enabled]);
  return <meta name="offline-account" content={account} />;
}
