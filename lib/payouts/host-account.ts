import "server-only";
import { randomBytes } from "node:crypto";
import { canManageHost } from "@/lib/auth/policy";
import { assertAdmin, type Actor, type AdminActor } from "@/lib/admin/authorize";
import { writeAudit } from "@/lib/admin/audit";
import { AdminError } from "@/lib/admin/errors";
import { prisma } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/ids";
import type { AccountState } from "@/lib/payments/stripe/connect";
import { appUrl } from "@/lib/urls";
import { PLATFORM_HOST_SLUG } from "./payout-status";

// A host's Stripe Connect account (docs/decisions/0020): its owner or manager starts Stripe's
// hosted onboarding from the Payouts page; Stripe's account.updated (and the return from
// onboarding) bring its state back. Without Stripe keys (the local test provider) connecting
// is simulated: a local account id that may take charges at once, so a demo shows it.

const NOT_FOUND = "This host does not exist";

/** The host's Payouts page. */
export function payoutsPath(hostId: string): string {
  return `/admin/payouts/${hostId}`;
}

async function hostToConnect(actor: Actor | null, hostId: string) {
  const admin = await assertAdmin(actor);
  if (!isUuid(hostId) || !canManageHost(admin, hostId)) throw new AdminError("not_found", NOT_FOUND);
  const host = await prisma.host.findUnique({ where: { id: hostId }, select: { id: true, slug: true, stripeAccountId: true, chargesEnabled: true } });
  if (!host) throw new AdminError("not_found", NOT_FOUND);
  if (host.slug === PLATFORM_HOST_SLUG) throw new AdminError("validation_failed", "The platform's own events are paid to the platform: it needs no connected account.");
  return { admin, host };
}

/**
 * Where the owner goes to connect: Stripe's onboarding for the host's Express account (made on
 * the first press; the same account afterwards), back to the Payouts page. In test mode: the
 * Payouts page, the host connected.
 */
export async function startHostOnboarding(options: { actor: Actor | null; hostId: string }): Promise<{ url: string }> {
  const { admin, host } = await hostToConnect(options.actor, options.hostId);
  const page = `${appUrl()}${payoutsPath(host.id)}`;
  if (!env().STRIPE_SECRET_KEY) {
    if (!host.stripeAccountId) await recordAccount(admin, host.id, { accountId: `acct_local_${randomBytes(8).toString("hex")}`, chargesEnabled: true, detailsSubmitted: true, payoutsEnabled: true });
    return { url: `${payoutsPath(host.id)}?notice=connected` };
  }
  const { createExpressAccount, createOnboardingLink } = await import("@/lib/payments/stripe/connect");
  let accountId = host.stripeAccountId;
  if (!accountId) {
    const created = await createExpressAccount({ id: host.id, email: admin.email });
    accountId = (await recordAccount(admin, host.id, created)) ?? created.accountId;
  }
  return { url: await createOnboardingLink(accountId, { refreshUrl: `${page}?onboarding=refresh`, returnUrl: `${page}?onboarding=return` }) };
}

/** Keeps a new account on the host (the first one wins a race; its id is returned). */
async function recordAccount(actor: AdminActor, hostId: string, state: AccountState): Promise<string | null> {
  return inTransaction(async (tx) => {
    const written = await tx.host.updateMany({
      where: { id: hostId, stripeAccountId: null },
      data: { stripeAccountId: state.accountId, chargesEnabled: state.chargesEnabled, detailsSubmitted: state.detailsSubmitted, payoutsEnabled: state.payoutsEnabled },
    });
    if (written.count === 0) return (await tx.host.findUnique({ where: { id: hostId }, select: { stripeAccountId: true } }))?.stripeAccountId ?? null;
    await writeAudit(tx, { actor, action: "host.connect", entityType: "host", entityId: hostId, after: { stripeAccountId: state.accountId } });
    return state.accountId;
  });
}

/** What Stripe says of an account now, kept on its host (none: not ours, nothing written). */
export async function applyAccountState(state: AccountState): Promise<boolean> {
  const written = await prisma.host.updateMany({
    where: { stripeAccountId: state.accountId },
    data: { chargesEnabled: state.chargesEnabled, detailsSubmitted: state.detailsSubmitted, payoutsEnabled: state.payoutsEnabled },
  });
  return written.count > 0;
}

/** The owner came back from Stripe's onboarding: ask Stripe for the account instead of waiting for the webhook. */
export async function refreshHostAccount(options: { actor: Actor | null; hostId: string }): Promise<void> {
  const { host } = await hostToConnect(options.actor, options.hostId);
  if (!host.stripeAccountId || !env().STRIPE_SECRET_KEY) return;
  const { retrieveAccountState } = await import("@/lib/payments/stripe/connect");
  await applyAccountState(await retrieveAccountState(host.stripeAccountId));
}
