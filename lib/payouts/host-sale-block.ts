import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { notOnSaleReason } from "./payout-status";

/** Why the host's events cannot go on sale (its Stripe account is not ready), in the admin's words; null when they can. */
export async function hostSaleBlock(db: Tx, hostId: string): Promise<string | null> {
  const [host] = await db.$queryRaw<{ name: string; slug: string; stripe_account_id: string | null; charges_enabled: boolean; details_submitted: boolean }[]>`
    SELECT name, slug, stripe_account_id, charges_enabled, details_submitted FROM hosts WHERE id = ${hostId}::uuid`;
  if (!host) return null;
  return notOnSaleReason({ name: host.name, slug: host.slug, stripeAccountId: host.stripe_account_id, chargesEnabled: host.charges_enabled, detailsSubmitted: host.details_submitted });
}
