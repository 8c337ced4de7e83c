// Stripe Connect through the real SDK against the fake Stripe server (tests/fake-stripe.ts):
// onboarding, account.updated, destination charges with the platform's fee, refunds that
// reverse in proportion, and the ledger against what Stripe paid each account, to the cent.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { feeRefundMinor, platformFeeMinor } from "@/lib/money";
import { accountBuyer } from "@/lib/orders/buyer";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { refundPaidOrder } from "@/lib/orders/transitions";
import { createTestUser } from "@/tests/fixtures";
import { FakeStripe } from "@/tests/fake-stripe";
import { createHost, createHostEvent, createMember } from "@/tests/host-fixtures";

const SECRET = "whsec_connect_secret";
const fake = new FakeStripe({ webhookSecret: SECRET });
const savedEnv = { ...process.env };
let app: typeof import("@/lib/payments/stripe/events") & typeof import("@/lib/payments/stripe/stripe-provider") & typeof import("./host-account") & typeof import("./payout-report") & typeof import("@/lib/payments/refund-and-notify");
let markOrderRefunded: typeof import("@/lib/orders/transitions").markOrderRefunded;
let refundPayment: typeof import("@/lib/payments/refund").refundPayment;

beforeAll(async () => {
  const base = await fake.start();
  Object.assign(process.env, { STRIPE_SECRET_KEY: "sk_test_fake", STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_BASE: base, APP_URL: "http://localhost:3998" });
  resetEnvCacheForTests();
  app = {
    ...(await import("@/lib/payments/stripe/events")), ...(await import("@/lib/payments/stripe/stripe-provider")), ...(await import("./host-account")),
    ...(await import("./payout-report")), ...(await import("@/lib/payments/refund-and-notify")),
  };
  ({ markOrderRefunded } = await import("@/lib/orders/transitions"));
  ({ refundPayment } = await import("@/lib/payments/refund"));
});
afterAll(async () => {
  for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE", "APP_URL"]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  resetEnvCacheForTests();
  await fake.stop();
});

/** A host with an owner, onboarded through the fake: account made, onboarding finished, account.updated applied. */
async function connectedHost(fee: { feePercentBp?: number; feeFixedMinor?: number } = {}) {
  const host = await createHost({ connected: false });
  const owner = await createMember(host.id, "owner");
  const { url } = await app.startHostOnboarding({ actor: owner, hostId: host.id });
  const accountId = url.split("/connect/")[1];
  const account = await fake.completeOnboarding(accountId);
  const event = fake.signEvent("account.updated", account);
  expect(await app.handleStripeWebhook(event.payload, event.signature)).toEqual({ status: 200, outcome: "account_updated" });
  await prisma.host.update({ where: { id: host.id }, data: { feePercentBp: fee.feePercentBp ?? null, feeFixedMinor: fee.feeFixedMinor ?? null } });
  return { host: await prisma.host.findUniqueOrThrow({ where: { id: host.id } }), owner, accountId };
}

/** Pays an order through Checkout on the fake, as the browser's return would confirm it. */
async function payThroughStripe(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId } });
  const { url } = await app.stripeProvider.startCheckout({ id: order.id, reference: order.reference, totalMinor: order.totalMinor, currency: order.currency, holdExpiresAt: order.holdExpiresAt });
  const sessionId = url.split("/pay/")[1];
  fake.markPaid(sessionId);
  expect(await app.confirmStripeReturn(order.id, sessionId)).toBe("paid");
  return sessionId;
}

/** The refund job's money part for every pending refund of the order (the email is another test's). */
async function payRefunds(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { refunds: { where: { status: "pending" }, orderBy: { createdAt: "asc" } } } });
  for (const refund of order.refunds) {
    await refundPayment({ orderId, refundId: refund.id, paymentProvider: order.paymentProvider, paymentRef: order.paymentRef, amountMinor: refund.amountMinor });
    await markOrderRefunded(orderId, refund.id);
  }
}

describe("onboarding a host", () => {
  it("makes an Express account, links to Stripe's onboarding and back to the Payouts page; account.updated makes it ready", async () => {
    const host = await createHost({ connected: false });
    const owner = await createMember(host.id, "owner");
    const { url } = await app.startHostOnboarding({ actor: owner, hostId: host.id });
    const created = fake.requests.find((request) => request.path === "/v1/accounts" && request.body["metadata[hostId]"] === host.id)!;
    expect(created.body.type).toBe("express");
    expect(created.idempotencyKey).toBe(`connect-account:${host.id}`);
    const stored = await prisma.host.findUniqueOrThrow({ where: { id: host.id } });
    expect(stored).toMatchObject({ chargesEnabled: false, detailsSubmitted: false });
    expect(url).toBe(`${fake.baseUrl}/connect/${stored.stripeAccountId}`);
    const link = fake.accountLinks.findLast((candidate) => candidate.account === stored.stripeAccountId)!;
    expect(link).toMatchObject({ type: "account_onboarding", return_url: `http://localhost:3998/admin/payouts/${host.id}?onboarding=return`, refresh_url: `http://localhost:3998/admin/payouts/${host.id}?onboarding=refresh` });

    // A second press: the same account, a new link.
    await app.startHostOnboarding({ actor: owner, hostId: host.id });
    expect((await prisma.host.findUniqueOrThrow({ where: { id: host.id } })).stripeAccountId).toBe(stored.stripeAccountId);

    const account = await fake.completeOnboarding(stored.stripeAccountId!);
    const forged = fake.signEvent("account.updated", account, { signatureSecret: "whsec_someone_else" });
    expect(await app.handleStripeWebhook(forged.payload, forged.signature)).toEqual({ status: 400, error: "invalid signature" });
    expect((await prisma.host.findUniqueOrThrow({ where: { id: host.id } })).chargesEnabled).toBe(false);

    const event = fake.signEvent("account.updated", account);
    expect(await app.handleStripeWebhook(event.payload, event.signature)).toEqual({ status: 200, outcome: "account_updated" });
    expect(await prisma.host.findUniqueOrThrow({ where: { id: host.id } })).toMatchObject({ chargesEnabled: true, detailsSubmitted: true, payoutsEnabled: true });
  });

  it("another host's member, a door member and the platform's host are refused; nothing is made", async () => {
    const host = await createHost({ connected: false });
    const other = await createHost({ connected: false });
    const stranger = await createMember(other.id, "owner");
    const door = await createMember(host.id, "door");
    const before = fake.requests.length;
    await expect(app.startHostOnboarding({ actor: stranger, hostId: host.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(app.startHostOnboarding({ actor: door, hostId: host.id })).rejects.toMatchObject({ code: "forbidden" });
    const admin = await createTestUser({ role: "admin" });
    const platform = await prisma.host.findUniqueOrThrow({ where: { slug: "local-tickets" } });
    await expect(app.startHostOnboarding({ actor: admin, hostId: platform.id })).rejects.toMatchObject({ code: "validation_failed" });
    expect(fake.requests.length).toBe(before);
    expect((await prisma.host.findUniqueOrThrow({ where: { id: host.id } })).stripeAccountId).toBeNull();
  });
});

describe("payments on a host's behalf", () => {
  it("a destination charge with the fee; a partial refund reverses the transfer and gives back the fee's share explicitly", async () => {
    const { host, accountId } = await connectedHost({ feePercentBp: 1000, feeFixedMinor: 25 });
    const { ticketType } = await createHostEvent(host.id);
    const buyer = await createTestUser();
    const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketType.id, quantity: 3 }] } });
    await payThroughStripe(order.id);
    const create = fake.requests.findLast((request) => request.path === "/v1/checkout/sessions")!;
    // 3 × 1500 = 4500: 10 % is 450, plus 25 per ticket.
    expect(create.body["payment_intent_data[application_fee_amount]"]).toBe("525");
    expect(create.body["payment_intent_data[transfer_data][destination]"]).toBe(accountId);
    expect(create.body["allowed_payment_method_types[1]"]).toBe("crypto");

    const tickets = await prisma.ticket.findMany({ where: { orderId: order.id } });
    await cancelOrder({ orderId: order.id, ticketIds: [tickets[0].id], viewer: { id: buyer.id, email: buyer.email, name: buyer.name, role: "attendee", emailVerified: true } });
    await payRefunds(order.id);
    const refund = fake.requests.findLast((request) => request.path === "/v1/refunds")!;
    expect(refund.body).toMatchObject({ amount: "1500", reverse_transfer: "true", refund_application_fee: "false" });
    // The fee's share is given back explicitly, as the refund row fixed it (not by Stripe's own rounding).
    const feeRefund = fake.requests.findLast((request) => /^\/v1\/application_fees\/fee_\w+\/refunds$/.test(request.path))!;
    expect(feeRefund.body).toMatchObject({ amount: "175" });
    expect(feeRefund.idempotencyKey).toMatch(/^fee-refund:/);
    const ledger = await prisma.ledgerEntry.findMany({ where: { orderId: order.id }, orderBy: { kind: "asc" } });
    expect(Object.fromEntries(ledger.map((entry) => [entry.kind, entry.amountMinor]))).toEqual({ payment: 4500, fee: -525, refund: -1500, fee_refund: 175 });
    const [line] = await app.hostPayoutLines(host.id);
    expect(line).toMatchObject({ currency: "EUR", payoutMinor: 4500 - 525 - 1500 + 175 });
    expect(fake.accountBalance(accountId)).toEqual({ EUR: line.payoutMinor });
  });

  it("the platform's own events are charged as before: no destination, no fee, no ledger", async () => {
    const platform = await prisma.host.findUniqueOrThrow({ where: { slug: "local-tickets" } });
    const { ticketType } = await createHostEvent(platform.id);
    const buyer = await createTestUser();
    const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketType.id, quantity: 1 }] } });
    await payThroughStripe(order.id);
    const create = fake.requests.findLast((request) => request.path === "/v1/checkout/sessions")!;
    expect(Object.keys(create.body).filter((key) => key.includes("transfer_data") || key.includes("application_fee"))).toEqual([]);
    expect(await prisma.ledgerEntry.count({ where: { orderId: order.id } })).toBe(0);
  });
});

// The measure: 1,000 random orders over three hosts (different fees, two currencies),
// each paid through Checkout, then some tickets cancelled under a fee policy (partial refunds)
// and some refunded in full by an admin. Per host: payments − refunds − fees + fee refunds from
// the test's own arithmetic == the ledger's payout report == what the fake Stripe paid the
// host's account (transfers − reversals, net of fees and fee refunds), to the cent.
const RUNS = 10;
const ORDERS_PER_RUN = 100;

describe("the payout report matches Stripe to the cent", () => {
  it("over 1,000 random orders with partial and full refunds across three hosts", { timeout: 120_000 }, async () => {
    const hosts = await Promise.all([
      connectedHost({ feePercentBp: 500 }),
      connectedHost({ feePercentBp: 290, feeFixedMinor: 30 }),
      connectedHost({ feeFixedMinor: 99 }),
    ]);
    const prices = [[333, 1250, 4999], [100, 2750, 12_000], [150, 999, 6_501]];
    const shops = await Promise.all(hosts.map(async ({ host }, index) => {
      const { event, session, ticketType } = await createHostEvent(host.id);
      await prisma.event.update({ where: { id: event.id }, data: { cancellationPolicy: "fee", cancellationFeePercent: 15, cancellationCutoffHours: 1 } });
      const currency = index === 2 ? "USD" : "EUR";
      await prisma.ticketType.update({ where: { id: ticketType.id }, data: { priceMinor: prices[index][0], capacity: 100_000, currency } });
      const more = await Promise.all(prices[index].slice(1).map((priceMinor) => prisma.ticketType.create({ data: { sessionId: session.id, name: `At ${priceMinor}`, priceMinor, capacity: 100_000, currency } })));
      return { ...hosts[index], typeIds: [ticketType.id, ...more.map((type) => type.id)] };
    }));
    const buyer = await createTestUser();
    const viewer = { id: buyer.id, email: buyer.email, name: buyer.name, role: "attendee" as const, emailVerified: true };
    const expected = new Map<string, number>();
    const settings = await prisma.platformSettings.findUniqueOrThrow({ where: { id: true } });

    const anOrder = fc.record({
      host: fc.integer({ min: 0, max: 2 }),
      quantities: fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })).filter((q) => q.some((n) => n > 0)),
      // Tickets cancelled one batch at a time (indexes into the order's tickets), then perhaps a full refund of the rest.
      cancellations: fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
      refundRest: fc.boolean(),
    });

    type Plan = { host: number; quantities: [number, number, number]; cancellations: number[][]; refundRest: boolean };
    async function runOrder(plan: Plan) {
      const shop = shops[plan.host];
      const items = shop.typeIds.map((ticketTypeId, index) => ({ ticketTypeId, quantity: plan.quantities[index] })).filter((item) => item.quantity > 0);
      const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items } });
      await payThroughStripe(order.id);
      const places = items.reduce((sum, item) => sum + item.quantity, 0);
      const fee = platformFeeMinor({ totalMinor: order.totalMinor, places, percentBp: shop.host.feePercentBp ?? settings.feePercentBp, fixedMinor: shop.host.feeFixedMinor ?? settings.feeFixedMinor });
      let refunded = 0;
      let feeBack = 0;
      const applyRefunds = async () => {
        const pending = await prisma.refund.findMany({ where: { orderId: order.id, status: "pending" }, orderBy: { createdAt: "asc" } });
        await payRefunds(order.id);
        for (const refund of pending) {
          feeBack += feeRefundMinor({ feeMinor: fee, totalMinor: order.totalMinor, refundedBeforeMinor: refunded, refundMinor: refund.amountMinor });
          refunded += refund.amountMinor;
        }
      };
      for (const batch of plan.cancellations) {
        const valid = await prisma.ticket.findMany({ where: { orderId: order.id, status: "valid" }, orderBy: { id: "asc" }, select: { id: true } });
        if (valid.length === 0) break;
        const chosen = [...new Set(batch.map((index) => valid[index % valid.length].id))];
        await cancelOrder({ orderId: order.id, ticketIds: chosen, viewer });
        await applyRefunds();
      }
      if (plan.refundRest) {
        await refundPaidOrder(order.id);
        await applyRefunds();
      }
      // The ledger's fee refunds of this order are the fee in proportion to all refunded.
      expect(feeBack).toBe(Math.floor((2 * fee * refunded + order.totalMinor) / (2 * order.totalMinor)));
      const key = `${shop.host.id} ${order.currency}`;
      expected.set(key, (expected.get(key) ?? 0) + order.totalMinor - fee - refunded + feeBack);
    }

    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(anOrder, { minLength: ORDERS_PER_RUN, maxLength: ORDERS_PER_RUN }), async (plans) => {
        // A few orders at once, as buyers would: each order's own steps stay in order.
        for (let index = 0; index < plans.length; index += 5) await Promise.all(plans.slice(index, index + 5).map(runOrder));
        for (const shop of shops) {
          const lines = await app.hostPayoutLines(shop.host.id);
          const report = Object.fromEntries(lines.map((line) => [line.currency, line.payoutMinor]));
          const wanted = Object.fromEntries([...expected].filter(([key]) => key.startsWith(shop.host.id)).map(([key, value]) => [key.split(" ")[1], value]));
          expect(report).toEqual(wanted);
          expect(fake.accountBalance(shop.accountId)).toEqual(report);
          for (const line of lines) expect(line.paymentsMinor - line.refundsMinor - line.feesMinor + line.feeRefundsMinor).toBe(line.payoutMinor);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    console.log(`payout property: ${RUNS * ORDERS_PER_RUN} orders in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
