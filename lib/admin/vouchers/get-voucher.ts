import "server-only";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { assertAdmin, type Actor } from "../authorize";
import { hostWhere } from "../host-scope";
import { toVoucherView, type VoucherView } from "./voucher-view";

/** One voucher with how many orders were placed with it, or null. */
export async function getVoucher(options: { actor: Actor | null; voucherId: string }): Promise<(VoucherView & { orders: number }) | null> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.voucherId)) return null;
  const row = await prisma.voucher.findFirst({ where: { id: options.voucherId, ...hostWhere(actor) }, include: { _count: { select: { orders: true } } } });
  return row ? { ...toVoucherView(row), orders: row._count.orders } : null;
}
