import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { authSecret } from "@/lib/env";
import { appUrl } from "@/lib/urls";

// Emailed links that download an order's tickets without signing in. The signature binds
// the order and the expiry, so neither can be changed; the key is derived for this purpose only.
export const DOWNLOAD_PATH = "/api/tickets/download";

function linkKey(): Buffer {
  return createHmac("sha256", authSecret()).update("local-tickets:ticket-download-link:v1").digest();
}

function signature(orderId: string, expiresAtSeconds: number): string {
  return createHmac("sha256", linkKey()).update(`${orderId.toLowerCase()}:${expiresAtSeconds}`).digest("base64url");
}

/** An absolute URL that downloads the order's tickets until `expiresAt` (whole seconds). */
export function signDownloadLink(orderId: string, expiresAt: Date, baseUrl = appUrl()): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const query = new URLSearchParams({ order: orderId, expires: String(expires), sig: signature(orderId, expires) });
  return `${baseUrl}${DOWNLOAD_PATH}?${query}`;
}

const ZDownloadLink = z.object({
  order: z.uuid(),
  expires: z.string().regex(/^\d{1,12}$/).transform(Number),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

/** The order id of a genuine, unexpired link, else null. */
export function verifyDownloadLink(searchParams: URLSearchParams, now = new Date()): string | null {
  const parsed = ZDownloadLink.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) return null;
  const { order, expires, sig } = parsed.data;
  const expected = Buffer.from(signature(order, expires));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  if (expires * 1000 <= now.getTime()) return null;
  return order;
}

const DAY_MS = 24 * 3600_000;

/**
 * When an order's emailed link stops working: 30 days after payment, or a day after the
 * last thing it is for ends, whichever is later. Derived from the order, not from "now",
 * so a retried delivery sends exactly the same email (Resend rejects a reused idempotency
 * key whose payload changed).
 */
export function downloadLinkExpiry(paidAt: Date, lastEndsAt: Date | null): Date {
  const afterPayment = paidAt.getTime() + 30 * DAY_MS;
  const afterEvent = lastEndsAt ? lastEndsAt.getTime() + DAY_MS : 0;
  return new Date(Math.max(afterPayment, afterEvent));
}
