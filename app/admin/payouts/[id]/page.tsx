import Link from "next/link";
import { notFound } from "next/navigation";
import { adminTitle } from "@/app/admin/admin-title";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { HostFeeForm } from "@/components/admin/host-fee-form";
import { isAdminError } from "@/lib/admin/errors";
import type { AdminActor } from "@/lib/admin/authorize";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { canRunPlatform } from "@/lib/auth/policy";
import { formatMoney } from "@/lib/money";
import { describeFee } from "@/lib/payouts/fee-rule";
import { refreshHostAccount } from "@/lib/payouts/host-account";
import { getHostPayouts } from "@/lib/payouts/payout-report";
import { notOnSaleReason, payoutStatus } from "@/lib/payouts/payout-status";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { connectHostAction, setHostFeeAction } from "../actions";

export const generateMetadata = adminTitle("Payouts");

const STATUS_TEXT = {
  platform: "These are the platform's own events: their money is the platform's, no Stripe account is needed.",
  not_connected: "Not connected: connect a Stripe account to put events on sale and be paid.",
  details_missing: "Details missing: Stripe needs more about the business before it can take payments.",
  ready: "Ready: payments go to the host's Stripe account, less the platform's fee.",
} as const;

const money = (minor: number, currency: string) => (minor === 0 ? "0" : formatMoney(minor, currency));

/** The host's payouts, or null when it is not one of the actor's (a 404). */
async function loadPayouts(actor: AdminActor, hostId: string, backFromStripe: boolean) {
  try {
    // Back from Stripe's onboarding: ask Stripe now rather than wait for account.updated.
    if (backFromStripe) await refreshHostAccount({ actor, hostId });
    return await getHostPayouts({ actor, hostId });
  } catch (error) {
    if (isAdminError(error) && error.code === "not_found") return null;
    throw error;
  }
}

export default async function HostPayoutsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const payouts = await loadPayouts(actor, id, firstParam(query.onboarding) === "return");
  if (!payouts) notFound();
  const { host, lines, fee } = payouts;
  const status = payoutStatus(host);
  const reason = notOnSaleReason(host);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/payouts" className="text-sm font-medium text-brand-700 underline">All payouts</Link>
      <h1 className="text-2xl font-bold tracking-tight">Payouts: {host.name}</h1>
      <section aria-labelledby="stripe-heading" className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="stripe-heading" className="text-lg font-semibold">Stripe account</h2>
        <p role="status">{STATUS_TEXT[status]}</p>
        {reason ? <p className="rounded-lg bg-amber-50 p-3 text-amber-900">{reason}</p> : null}
        {status === "not_connected" || status === "details_missing" ? (
          <ActionButtonForm action={connectHostAction.bind(null, host.id)} label={status === "not_connected" ? "Connect with Stripe" : "Finish on Stripe"} pendingLabel="Opening Stripe…" />
        ) : null}
        {host.stripeAccountId ? <p className="text-sm text-stone-700">Account {host.stripeAccountId} · payouts {host.payoutsEnabled ? "enabled" : "not yet enabled"}</p> : null}
      </section>
      <section aria-labelledby="fee-heading" className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="fee-heading" className="text-lg font-semibold">The platform&apos;s fee</h2>
        <p data-testid="host-fee">{fee.own ? describeFee(fee.percentBp, fee.fixedMinor) : `Platform default (${describeFee(fee.percentBp, fee.fixedMinor)})`}: taken at each payment and given back in proportion with refunds.</p>
        {canRunPlatform(actor) ? <HostFeeForm action={setHostFeeAction.bind(null, host.id)} percentBp={host.feePercentBp} fixedMinor={host.feeFixedMinor} /> : null}
      </section>
      <section aria-labelledby="report-heading" className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="report-heading" className="text-lg font-semibold">Payout report</h2>
        {lines.length === 0 ? <p>No payments yet.</p> : (
          <table className="text-sm">
            <thead><tr className="text-left"><th>Currency</th><th>Payments</th><th>Refunds</th><th>Fees</th><th>Fees back</th><th>Payout</th></tr></thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.currency}>
                  <td>{line.currency}</td><td>{money(line.paymentsMinor, line.currency)}</td><td>−{money(line.refundsMinor, line.currency)}</td>
                  <td>−{money(line.feesMinor, line.currency)}</td><td>{money(line.feeRefundsMinor, line.currency)}</td><td className="font-semibold">{money(line.payoutMinor, line.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <a href={`/api/admin/payouts/${host.id}/export`} className="text-sm font-medium text-brand-700 underline">Download the ledger (CSV)</a>
      </section>
    </div>
  );
}
