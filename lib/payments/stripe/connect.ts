import "server-only";
import type Stripe from "stripe";
import { stripeClient } from "./client";

// Stripe Connect's calls (docs/decisions/0020): a host's Express account, the link to Stripe's
// hosted onboarding, and the account's state. lib/payouts decides when to call them.

/** What the app keeps of a connected account (hosts.charges_enabled and friends). */
export type AccountState = { accountId: string; chargesEnabled: boolean; detailsSubmitted: boolean; payoutsEnabled: boolean };

export function accountState(account: Pick<Stripe.Account, "id" | "charges_enabled" | "details_submitted" | "payouts_enabled">): AccountState {
  return { accountId: account.id, chargesEnabled: Boolean(account.charges_enabled), detailsSubmitted: Boolean(account.details_submitted), payoutsEnabled: Boolean(account.payouts_enabled) };
}

/** A new Express account for a host. The key is the host's: a retried or doubled click makes one account. */
export async function createExpressAccount(host: { id: string; email: string | null }): Promise<AccountState> {
  const account = await stripeClient().accounts.create(
    {
      type: "express",
      ...(host.email ? { email: host.email } : {}),
      capabilities: { card_payments: { requested: true }, transfers: { requested: true } },
      metadata: { hostId: host.id },
    },
    { idempotencyKey: `connect-account:${host.id}` },
  );
  return accountState(account);
}

/** A one-time link to Stripe's onboarding for the account; Stripe sends the owner back to `returnUrl` (or `refreshUrl` when the link expired). */
export async function createOnboardingLink(accountId: string, urls: { refreshUrl: string; returnUrl: string }): Promise<string> {
  const link = await stripeClient().accountLinks.create({ account: accountId, type: "account_onboarding", refresh_url: urls.refreshUrl, return_url: urls.returnUrl });
  return link.url;
}

/** The account as Stripe says now (webhooks may arrive out of order; this never does). */
export async function retrieveAccountState(accountId: string): Promise<AccountState> {
  return accountState(await stripeClient().accounts.retrieve(accountId));
}
