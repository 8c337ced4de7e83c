// Until its Stripe account may take charges, a host's events cannot go on sale
// (docs/decisions/0020): publishing is refused with the reason, nothing written, and the buying
// path refuses an event already published as not on sale. The platform's host needs no account.
import { describe, expect, it } from "vitest";
import { sql, prisma } from "@/lib/db";
import { createEvent } from "@/lib/admin/events/create-event";
import { accountBuyer } from "@/lib/orders/buyer";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment, markOrderRefunded, refundPaidOrder } from "@/lib/orders/transitions";
import { forgetSaleRules } from "@/lib/orders/sale-rules";
import { createActor, eventInput } from "@/tests/admin-fixtures";
import { createTestUser } from "@/tests/fixtures";
import { createHost, createHostEvent, createMember } from "@/tests/host-fixtures";
import { setHostFee } from "./host-fee";

describe("a host without a ready Stripe account", () => {
  it("cannot publish: the reason is given next to the status, nothing is written; a draft is saved", async () => {
    const host = await createHost({ connected: false, name: "Unready Makers" });
    const { venue } = await createHostEvent(host.id);
    const manager = await createMember(host.id, "manager");
    const { input } = await eventInput({}, { id: venue.id, timeZone: venue.timeZone });
    await expect(createEvent({ actor: manager, input })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { status: "Unready Makers has not connected a Stripe account yet, so its events cannot go on sale. Connect one on the Payouts page." },
    });
    expect(await prisma.event.count({ where: { slug: input.slug as string } })).toBe(0);

    await prisma.host.update({ where: { id: host.id }, data: { stripeAccountId: `acct_test_unready_${host.id.slice(0, 8)}` } });
    await expect(createEvent({ actor: manager, input })).rejects.toMatchObject({ fieldErrors: { status: expect.stringContaining("Stripe is waiting for details") } });

    const draft = await createEvent({ actor: manager, input: { ...input, status: "draft" } });
    expect(draft.status).toBe("draft");
  });

  it("sells nothing: an event published before is refused as not on sale, and sells once the account is ready", async () => {
    const host = await createHost({ connected: false });
    const { event, ticketType } = await createHostEvent(host.id);
    const buyer = await createTestUser();
    forgetSaleRules(event.id);
    await expect(reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketType.id, quantity: 1 }] } })).rejects.toMatchObject({ code: "not_on_sale" });
    expect(await prisma.order.count({ where: { eventId: event.id } })).toBe(0);
    const [{ on_sale }] = await sql<{ on_sale: boolean }>`SELECT event_on_sale(${event.id}::uuid, now()) AS on_sale`;
    expect(on_sale).toBe(false);

    await prisma.host.update({ where: { id: host.id }, data: { stripeAccountId: `acct_test_ready_${host.id.slice(0, 8)}`, chargesEnabled: true } });
    forgetSaleRules(event.id);
    const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketType.id, quantity: 1 }] } });
    expect(order.totalMinor).toBe(1500);
  });

  it("the platform's own host sells without an account", async () => {
    const platform = await prisma.host.findUniqueOrThrow({ where: { slug: "local-tickets" } });
    expect(platform.chargesEnabled).toBe(false);
    const { ticketType } = await createHostEvent(platform.id);
    const buyer = await createTestUser();
    const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketType.id, quantity: 1 }] } });
    expect(order.totalMinor).toBe(1500);
  });
});

describe("the platform's fee for a host", () => {
  it("is refused when it would exceed the host's cheapest ticket, nothing changed; set otherwise, audited", async () => {
    const host = await createHost();
    await createHostEvent(host.id); // one ticket type at 15.00
    const admin = await createActor("admin");
    await expect(setHostFee({ actor: admin, hostId: host.id, input: { feePercentBp: "1000", feeFixedMinor: "1400" } })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { feeFixedMinor: expect.stringContaining("More than the cheapest ticket") },
    });
    expect(await prisma.host.findUniqueOrThrow({ where: { id: host.id } })).toMatchObject({ feePercentBp: null, feeFixedMinor: null });

    expect(await setHostFee({ actor: admin, hostId: host.id, input: { feePercentBp: "1000", feeFixedMinor: "1350" } })).toEqual({ feePercentBp: 1000, feeFixedMinor: 1350 });
    expect(await prisma.auditLog.count({ where: { entityId: host.id, action: "host.fee" } })).toBe(1);
    await expect(setHostFee({ actor: admin, hostId: host.id, input: { feePercentBp: "-1", feeFixedMinor: "" } })).rejects.toMatchObject({ fieldErrors: { feePercentBp: expect.any(String) } });
  });

  it("is the platform admin's: a host's own manager is refused like a missing page", async () => {
    const host = await createHost();
    const manager = await createMember(host.id, "manager");
    await expect(setHostFee({ actor: manager, hostId: host.id, input: { feePercentBp: "0", feeFixedMinor: "0" } })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("the local test provider", () => {
  it("simulates the split: a connected host's payment and refund are booked with the fee, as Stripe would", async () => {
    const host = await createHost();
    await prisma.host.update({ where: { id: host.id }, data: { feePercentBp: 1000, feeFixedMinor: 0 } });
    const { ticketType } = await createHostEvent(host.id);
    const buyer = await createTestUser();
    const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketType.id, quantity: 2 }] } });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "local_test" });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ payoutAccount: host.stripeAccountId, platformFeeMinor: 300 });
    await refundPaidOrder(order.id);
    const [refund] = await prisma.refund.findMany({ where: { orderId: order.id } });
    await markOrderRefunded(order.id, refund.id);
    await markOrderRefunded(order.id, refund.id); // the job again: booked once
    const ledger = await prisma.ledgerEntry.findMany({ where: { orderId: order.id } });
    expect(Object.fromEntries(ledger.map((entry) => [entry.kind, entry.amountMinor]))).toEqual({ payment: 3000, fee: -300, refund: -3000, fee_refund: 300 });
    expect(ledger).toHaveLength(4);
  });
});
