import "server-only";
import { sql } from "@/lib/db";

/**
 * Each tick of background work (lib/worker/run-due-work.ts): offers past their expiry give
 * their places to the next in line (prisma/functions/waitlist_expire_offers.sql). One short
 * transaction; a type a purchase holds right now is swept next tick.
 */
export async function sweepWaitlistOffers(): Promise<number> {
  const [{ expired }] = await sql<{ expired: number }>`SELECT waitlist_expire_offers() AS expired`;
  return expired;
}
