import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/env";

/**
 * The name under which a phone keeps an account's pages and door lists for offline use
 * (public/sw.js, lib/check-in/door-storage.ts): stable per account, and telling nothing about
 * it (not its id or email) to whoever opens the phone's storage.
 */
export function offlineAccountKey(userId: string): string {
  return createHmac("sha256", authSecret()).update(`offline-account:${userId}`).digest("hex").slice(0, 32);
}
