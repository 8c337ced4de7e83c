// Where a host stands with Stripe Connect (docs/decisions/0020), as the Payouts page and the
// event page say it. Pure: a component may ask too.

export type PayoutStatus = "platform" | "not_connected" | "details_missing" | "ready";

export type HostAccountFacts = { slug: string; stripeAccountId: string | null; chargesEnabled: boolean; detailsSubmitted: boolean };

/** The platform's own host needs no account (its money is the platform's); any other is ready once Stripe lets it take charges. */
export function payoutStatus(host: HostAccountFacts): PayoutStatus {
  if (host.slug === PLATFORM_HOST_SLUG) return "platform";
  if (!host.stripeAccountId) return "not_connected";
  return host.chargesEnabled ? "ready" : "details_missing";
}

/** prisma/functions/host_takes_payments.sql is the same rule. */
export function hostTakesPayments(host: HostAccountFacts): boolean {
  const status = payoutStatus(host);
  return status === "platform" || status === "ready";
}

export const PLATFORM_HOST_SLUG = "local-tickets";

/** Why a host's events cannot go on sale yet, in the admin's words; null when they can. */
export function notOnSaleReason(host: HostAccountFacts & { name: string }): string | null {
  switch (payoutStatus(host)) {
    case "not_connected":
      return `${host.name} has not connected a Stripe account yet, so its events cannot go on sale. Connect one on the Payouts page.`;
    case "details_missing":
      return `${host.name}'s Stripe account cannot take payments yet (Stripe is waiting for details), so its events cannot go on sale. Finish it on the Payouts page.`;
    default:
      return null;
  }
}
