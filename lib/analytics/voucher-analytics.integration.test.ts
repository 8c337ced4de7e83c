import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createActor } from "@/tests/admin-fixtures";
import { createTicketedEvent } from "@/tests/fixtures";
import { createVoucherOrder } from "@/tests/voucher-fixtures";
import { analyticsCsv } from "./csv";
import { getAnalytics } from "./get-analytics";

// Orders are dated July 2002 (no other test writes orders there), so the figures are exactly
// this test's whatever else the shared test database holds.
const at = (day: number) => new Date(`2002-07-${String(day).padStart(2, "0")}T12:00:00Z`);

describe("analytics per voucher code and tag", () => {
  it("counts paid orders, what they paid and what each code took off, per code and per tag, in the range", async () => {
    const admin = await createActor();
    const { event } = await createTicketedEvent({ ticketTypes: [{ capacity: 50, priceMinor: 2000 }] });
    const tag = `summer-${randomUUID().slice(0, 6)}`;
    const voucher = (code: string, uses: number) =>
      prisma.voucher.create({ data: { code: `${code}-${randomUUID().slice(0, 6).toUpperCase()}`, kind: "percent_off", value: 10, maxUses: 100, uses, tag } });
    const a = await voucher("A", 3);
    const b = await voucher("B", 1);
    const untagged = await prisma.voucher.create({ data: { code: `C-${randomUUID().slice(0, 6).toUpperCase()}`, kind: "amount_off", value: 500, currency: "GBP", maxUses: 5, uses: 1 } });

    await createVoucherOrder({ eventId: event.id, voucherId: a.id, totalMinor: 3600, discountMinor: 400, paidAt: at(3) });
    await createVoucherOrder({ eventId: event.id, voucherId: a.id, totalMinor: 1800, discountMinor: 200, paidAt: at(9) });
    await createVoucherOrder({ eventId: event.id, voucherId: a.id, totalMinor: 1800, discountMinor: 200, status: "refunded", paidAt: at(9) });
    await createVoucherOrder({ eventId: event.id, voucherId: a.id, totalMinor: 1800, discountMinor: 200, status: "pending" });
    await createVoucherOrder({ eventId: event.id, voucherId: b.id, totalMinor: 1800, discountMinor: 200, paidAt: at(20) });
    await createVoucherOrder({ eventId: event.id, voucherId: b.id, totalMinor: 1800, discountMinor: 200, paidAt: new Date("2002-08-02T12:00:00Z") }); // outside
    await createVoucherOrder({ eventId: event.id, voucherId: untagged.id, totalMinor: 1000, discountMinor: 500, currency: "GBP", paidAt: at(5) });

    const { analytics } = await getAnalytics({ actor: admin, query: { from: "2002-07-01", to: "2002-07-31" } });
    expect(analytics.vouchers.codes).toEqual([
      { voucherId: a.id, code: a.code, tag, uses: 3, maxUses: 100, orders: 2, revenue: [{ currency: "EUR", minor: 5400 }], discount: [{ currency: "EUR", minor: 600 }] },
      ...[
        { voucherId: b.id, code: b.code, tag, uses: 1, maxUses: 100, orders: 1, revenue: [{ currency: "EUR", minor: 1800 }], discount: [{ currency: "EUR", minor: 200 }] },
        { voucherId: untagged.id, code: untagged.code, tag: "", uses: 1, maxUses: 5, orders: 1, revenue: [{ currency: "GBP", minor: 1000 }], discount: [{ currency: "GBP", minor: 500 }] },
      ].sort((x, y) => (x.code < y.code ? -1 : 1)),
    ]);
    const tagged = analytics.vouchers.tags.find((row) => row.tag === tag);
    expect(tagged).toEqual({ tag, codes: 2, uses: 4, orders: 3, revenue: [{ currency: "EUR", minor: 7200 }], discount: [{ currency: "EUR", minor: 800 }] });
    expect(analytics.vouchers.tags.find((row) => row.tag === "")).toMatchObject({ orders: 1, revenue: [{ currency: "GBP", minor: 1000 }] });

    const csv = analyticsCsv(analytics, "vouchers").trimEnd().split("\r\n");
    expect(csv[0]).toBe("level,code,tag,codes,uses,max_uses,paid_orders,currency,revenue,discount");
    expect(csv).toContain(`code,${a.code},${tag},1,3,100,2,EUR,54.00,6.00`);
    expect(csv).toContain(`tag,,${tag},2,4,,3,EUR,72.00,8.00`);
  });
});
