import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { sql } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { isUuid } from "@/lib/ids";

// The code of a waiting-list offer for a time range (docs/decisions/0021). The offer is made in
// SQL (a trigger, in the transaction that freed the range), which has no secret, and its email
// is sent later by a job, so the code is derived from the entry's id with a key of its own (as
// the leave link, lib/waitlist/leave-token.ts): nothing secret is stored, the email job and every
// retry carry the same code, and a booking proves it holds the offer by the code alone. About
// 80 bits, shaped like the ticket types' `WAIT-` voucher codes; typed codes ignore case and
// spaces.

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base 32: no I, L, O, U
const LENGTH = 16;

export function waitlistOfferCode(entryId: string): string {
  const key = createHmac("sha256", authSecret()).update("local-tickets:waitlist-range-offer:v1").digest();
  const digest = createHmac("sha256", key).update(entryId.toLowerCase()).digest();
  let code = "";
  for (let i = 0; i < LENGTH; i++) code += ALPHABET[digest[i] % 32];
  return `WAIT-${code}`;
}

function normalized(code: string): string {
  return code.replace(/\s+/g, "").toUpperCase();
}

/** Does `code` name the offer of entry `entryId`? */
export function offerCodeMatches(code: string | null | undefined, entryId: string): boolean {
  if (!code) return false;
  const given = Buffer.from(normalized(code));
  const kept = Buffer.from(waitlistOfferCode(entryId));
  return given.length === kept.length && timingSafeEqual(given, kept);
}

/**
 * The waiting-list entry whose open offer holds exactly [start, end) of resource `resourceId`
 * when `code` is its code, else null. The booking then names it, and the commit hands the
 * offer's held row to the new order under the resource's lock (order_place); a wrong or ended
 * code leaves the booking to find the range taken, as anyone else would.
 */
export async function rangeOfferFor(options: { resourceId: string; start: Date; end?: Date; code: string | null | undefined }): Promise<string | null> {
  if (!options.code || !isUuid(options.resourceId) || Number.isNaN(options.start.getTime())) return null;
  const rows = await sql<{ id: string }>`
    SELECT id FROM waitlist_entries
     WHERE resource_id = ${options.resourceId}::uuid AND starts_at = ${options.start}::timestamptz
       AND (${options.end ?? null}::timestamptz IS NULL OR ends_at = ${options.end ?? null}::timestamptz) AND status = 'offered'`;
  return rows.find((row) => offerCodeMatches(options.code, row.id))?.id ?? null;
}

/**
 * The offer an email's link names, for the booking panel to show as held for its reader: only
 * when the code is that of an open offer starting then on this resource (a stale or made-up
 * link shows the time as taken, as it is for everyone else).
 */
export async function linkedRangeOffer(link: { resourceId: string; startsAt: string | undefined; code: string | undefined }): Promise<{ code: string; startsAt: string } | null> {
  if (!link.code || !link.startsAt) return null;
  const start = new Date(link.startsAt);
  return (await rangeOfferFor({ resourceId: link.resourceId, start, code: link.code })) ? { code: link.code, startsAt: start.toISOString() } : null;
}
