import "server-only";
import { sql } from "@/lib/db";

/**
 * Each tick of background work (lib/worker/run-due-work.ts): offers past their expiry give
 * their places to the next in line (prisma/functions/waitlist_expire_offers.sql), then free
 * places the trigger could not offer go to whoever fits (waitlist_offer_missed.sql: a shared
 * quota's other type held by a purchase at the time, a quota's capacity raised). Short
 * transactions; a type a purchase holds right now is swept next tick.
 */
export async function sweepWaitlistOffers(): Promise<number> {
  const [{ expired }] = await sql<{ expired: number }>`SELECT waitlist_expire_offers() AS expired`;
  await sql`SELECT waitlist_offer_missed()`;
  return expired;
}
