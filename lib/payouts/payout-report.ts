import "server-only";
import { assertAdmin, type Actor } from "@/lib/admin/authorize";
import { AdminError } from "@/lib/admin/errors";
import { canManageHost } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { feeTermsOf } from "./fee-rule";

// A host's payout report (docs/decisions/0020): its ledger summed per currency. What Stripe
// paid the host's account (transfers − reversals, net of the platform's fees) is the same
// figure to the cent; the local test provider's "would transfer" is this figure too.

export type PayoutLine = { currency: string; paymentsMinor: number; refundsMinor: number; feesMinor: number; feeRefundsMinor: number; payoutMinor: number; orders: number };

/** Per currency: payments − refunds − fees + fee refunds (all positive here; the ledger's rows are signed). */
export async function hostPayoutLines(hostId: string): Promise<PayoutLine[]> {
  const rows = await prisma.$queryRaw<{ currency: string; payments: bigint; refunds: bigint; fees: bigint; fee_refunds: bigint; payout: bigint; orders: bigint }[]>`
    SELECT currency,
           coalesce(sum(amount_minor) FILTER (WHERE kind = 'payment'), 0) AS payments,
           coalesce(-sum(amount_minor) FILTER (WHERE kind = 'refund'), 0) AS refunds,
           coalesce(-sum(amount_minor) FILTER (WHERE kind = 'fee'), 0) AS fees,
           coalesce(sum(amount_minor) FILTER (WHERE kind = 'fee_refund'), 0) AS fee_refunds,
           sum(amount_minor) AS payout,
           count(DISTINCT order_id) AS orders
      FROM ledger_entries WHERE host_id = ${hostId}::uuid
     GROUP BY currency ORDER BY currency`;
  return rows.map((row) => ({
    currency: row.currency.trim(),
    paymentsMinor: Number(row.payments), refundsMinor: Number(row.refunds), feesMinor: Number(row.fees), feeRefundsMinor: Number(row.fee_refunds),
    payoutMinor: Number(row.payout), orders: Number(row.orders),
  }));
}

/** The host, for its Payouts page: another host's (or none) is not found. */
export async function getHostPayouts(options: { actor: Actor | null; hostId: string }) {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.hostId) || !canManageHost(actor, options.hostId)) throw new AdminError("not_found", "This host does not exist");
  const host = await prisma.host.findUnique({
    where: { id: options.hostId },
    select: { id: true, slug: true, name: true, stripeAccountId: true, chargesEnabled: true, detailsSubmitted: true, payoutsEnabled: true, feePercentBp: true, feeFixedMinor: true },
  });
  if (!host) throw new AdminError("not_found", "This host does not exist");
  const settings = await prisma.platformSettings.findUniqueOrThrow({ where: { id: true } });
  return { actor, host, lines: await hostPayoutLines(host.id), fee: feeTermsOf(host, settings) };
}

const CSV_HEADER = "date,order_reference,refund_id,kind,amount_minor,currency";

/** The host's ledger, one row per entry, oldest first (amounts signed, in minor units). */
export async function hostLedgerCsv(options: { actor: Actor | null; hostId: string }): Promise<string> {
  const { host } = await getHostPayouts(options);
  const entries = await prisma.ledgerEntry.findMany({
    where: { hostId: host.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { createdAt: true, refundId: true, kind: true, amountMinor: true, currency: true, order: { select: { reference: true } } },
  });
  const lines = entries.map((entry) => [entry.createdAt.toISOString(), entry.order.reference, entry.refundId ?? "", entry.kind, String(entry.amountMinor), entry.currency.trim()].join(","));
  return [CSV_HEADER, ...lines].join("\n") + "\n";
}
