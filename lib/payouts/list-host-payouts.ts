import "server-only";
import type { AdminActor } from "@/lib/admin/authorize";
import { prisma } from "@/lib/db";
import { feeTermsOf, type HostFeeTerms } from "./fee-rule";
import { payoutStatus, type PayoutStatus } from "./payout-status";

/** The hosts in the actor's scope with where each stands with Stripe, by name. */
export async function listHostPayoutStatuses(actor: AdminActor): Promise<{ id: string; name: string; status: PayoutStatus; fee: HostFeeTerms }[]> {
  const [hosts, settings] = await Promise.all([
    prisma.host.findMany({
      where: actor.scope === "all" ? {} : { id: { in: [...actor.scope] } },
      orderBy: { name: "asc" },
      select: { id: true, name: true, slug: true, stripeAccountId: true, chargesEnabled: true, detailsSubmitted: true, feePercentBp: true, feeFixedMinor: true },
    }),
    prisma.platformSettings.findUniqueOrThrow({ where: { id: true } }),
  ]);
  return hosts.map((host) => ({ id: host.id, name: host.name, status: payoutStatus(host), fee: feeTermsOf(host, settings) }));
}
