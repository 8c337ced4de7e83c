import "server-only";
import { prisma } from "@/lib/db";
import { jobPayloadJson } from "@/lib/jobs/enqueue";
import { jobKey } from "@/lib/jobs/kinds";

/** Where an order's money goes (null: the platform keeps it) and the platform's fee (prisma/functions/order_payout_terms.sql). */
export type PayoutTerms = { account: string | null; feeMinor: number | null };

/** The terms for an order's checkout now, by its host's account and fee settings. */
export async function orderPayoutTerms(orderId: string): Promise<PayoutTerms> {
  const [row] = await prisma.$queryRaw<{ terms: PayoutTerms | null }[]>`SELECT order_payout_terms(${orderId}::uuid) AS terms`;
  return row?.terms ?? { account: null, feeMinor: null };
}

/**
 * A pending order is now being paid through a provider's checkout: the provider and its
 * reference (Stripe: the Checkout Session id) are recorded, and in the same statement an
 * `expire_checkout` job is queued for the end of the hold, so the checkout closes when the
 * places go back on sale (docs/decisions/0004). The job is one per order and closes the
 * order's current checkout, so one started again when the buyer resumes is covered too.
 * The status does not change. False when the order is no longer pending (nothing written).
 * `payout`: the terms the checkout takes the money under (Stripe Connect, docs/decisions/0020:
 * the host's account and the platform's fee), kept so the ledger books what Stripe was told.
 */
export async function attachCheckout(options: { orderId: string; provider: string; checkoutRef: string; payout?: PayoutTerms }): Promise<boolean> {
  const { orderId, provider, checkoutRef } = options;
  const payout = options.payout ?? { account: null, feeMinor: null };
  const payload = jobPayloadJson<"expire_checkout">({ orderId, sessionId: checkoutRef });
  const attached = await prisma.$executeRaw`
    WITH attached AS (
      UPDATE orders SET payment_provider = ${provider}, payment_ref = ${checkoutRef},
                        payout_account = ${payout.account}, platform_fee_minor = ${payout.feeMinor}::int
       WHERE id = ${orderId}::uuid AND status = 'pending'
      RETURNING hold_expires_at
    )
    SELECT jobs_enqueue('expire_checkout', ${payload}::jsonb, ${jobKey("expire_checkout", orderId)}, hold_expires_at) FROM attached`;
  return attached > 0;
}
