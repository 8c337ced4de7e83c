import "server-only";
import { prisma } from "@/lib/db";

/**
 * Test mode only (the local provider's "pay late", lib/payments/local-payment.ts): a pending
 * order's hold runs out now, as if the payment network had been slow, so the confirm that
 * follows takes the late path (places re-taken if still free, otherwise a refund).
 */
export async function endHoldNow(orderId: string): Promise<void> {
  await prisma.$executeRaw`
    UPDATE orders SET hold_expires_at = ${new Date(Date.now() - 1000)} WHERE id = ${orderId}::uuid AND status = 'pending'`;
}
