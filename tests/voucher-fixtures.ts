// Orders placed with a voucher, written directly (the buying side is lib/orders'): what the
// admin's figures per code read.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";

export async function createVoucherOrder(options: {
  eventId: string;
  voucherId: string;
  status?: "pending" | "paid" | "expired" | "cancelled" | "refund_required" | "refunded";
  totalMinor: number;
  discountMinor: number;
  currency?: string;
  paidAt?: Date;
}) {
  const status = options.status ?? "paid";
  return prisma.order.create({
    data: {
      reference: `V${randomUUID().slice(0, 10).toUpperCase()}`,
      eventId: options.eventId,
      status,
      totalMinor: options.totalMinor,
      currency: options.currency ?? "EUR",
      holdExpiresAt: new Date(Date.now() + 15 * 60_000),
      paidAt: status === "pending" || status === "expired" ? null : (options.paidAt ?? new Date()),
      buyerEmail: `buyer-${randomUUID().slice(0, 8)}@example.test`,
      buyerName: "Code Buyer",
      voucherId: options.voucherId,
      discountMinor: options.discountMinor,
    },
  });
}
