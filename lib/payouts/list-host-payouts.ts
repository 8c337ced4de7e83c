import "server-only";
import type { AdminActor } from "@/lib/admin/authorize";
import { prisma } from "@/lib/db";
import { payoutStatus, type PayoutStatus } from "./payout-status";

/** The hosts in the actor's scope with where each stands with Stripe, by name. */
export async function listHostPayoutStatuses(actor: AdminActor): Promise<{ id: string; name: string; status: PayoutStatus }[]> {
  const hosts = await prisma.host.findMany({
    where: actor.scope === "all" ? {} : { id: { in: [...actor.scope] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, stripeAccountId: true, chargesEnabled: true, detailsSubmitted: true },
  });
  return hosts.map((host) => ({ id: host.id, name: host.name, status: payoutStatus(host) }));
}
