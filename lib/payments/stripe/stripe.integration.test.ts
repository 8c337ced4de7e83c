// Stripe through the real SDK against the project's fake Stripe server (tests/fake-stripe.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { jobKey } from "@/lib/jobs/kinds";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent, expireHold } from "@/tests/fixtures";
import { FakeStripe } from "@/tests/fake-stripe";
import { accountBuyer } from "@/lib/orders/buyer";

const SECRET = "whsec_test_secret";
const fake = new FakeStripe({ webhookSecret: SECRET });
let stripe: typeof import("./events") & typeof import("./stripe-provider") & typeof import("./refund");
let expireCheckout: typeof import("../expire-checkout").expireCheckout;
let resumeCheckout: typeof import("../resume-checkout").resumeCheckout;

const savedEnv = { ...process.env };

beforeAll(async () => {
  const base = await fake.start();
  process.env.STRIPE_SECRET_KEY = "sk_test_fake";
  process.env.STRIPE_WEBHOOK_SECRET = SECRET;
  process.env.STRIPE_API_BASE = base;
  process.env.APP_URL = "http://localhost:3999";
  resetEnvCacheForTests();
  stripe = { ...(await import("./events")), ...(await import("./stripe-provider")), ...(await import("./refund")) };
  ({ expireCheckout } = await import("../expire-checkout"));
  ({ resumeCheckout } = await import("../resume-checkout"));
});
afterAll(async () => {
  // Test files share worker processes: leave the environment as it was found.
  for (const key of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE", "APP_URL"]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  resetEnvCacheForTests();
  await fake.stop();
});

async function pendingOrder(quantity = 2, capacity = 5) {
  const user = await createTestUser();
  const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity, priceMinor: 2500 }] });
  const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity }] } });
  const { url } = await stripe.stripeProvider.startCheckout(order);
  const sessionId = url.split("/pay/")[1];
  return { user, order, ticketType: ticketTypes[0], sessionId, url };
}

describe("Stripe Checkout", () => {
  it("creates a card-and-crypto session with the order in metadata and an idempotency key", async () => {
    const { order, sessionId } = await pendingOrder();
    const create = fake.requests.find((request) => request.path === "/v1/checkout/sessions" && request.body["metadata[orderId]"] === order.id)!;
    expect(create.idempotencyKey).toBe(`checkout:${order.id}`);
    expect([create.body["allowed_payment_method_types[0]"], create.body["allowed_payment_method_types[1]"]]).toEqual(["card", "crypto"]);
    expect(Number(create.body.expires_at)).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 30 * 60);
    const stored = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(stored).toMatchObject({ paymentProvider: "stripe", paymentRef: sessionId });
    // The hold is shorter than the session: a job closes the session when the hold ends.
    const job = await prisma.job.findUniqueOrThrow({ where: { uniqueKey: jobKey("expire_checkout", order.id) } });
    expect(job.runAt.getTime()).toBe(order.holdExpiresAt.getTime());
  });

  it("a verified completed event confirms the order once; duplicates are no-ops", async () => {
    const { order, sessionId, ticketType } = await pendingOrder();
    const session = fake.markPaid(sessionId, "crypto");
    const event = fake.signEvent("checkout.session.completed", session);
    expect(await stripe.handleStripeWebhook(event.payload, event.signature)).toEqual({ status: 200, outcome: "paid" });
    expect(await stripe.handleStripeWebhook(event.payload, event.signature)).toEqual({ status: 200, outcome: "duplicate" });
    // A second, different event for the same paid session changes nothing either.
    const again = fake.signEvent("checkout.session.async_payment_succeeded", session);
    expect(await stripe.handleStripeWebhook(again.payload, again.signature)).toEqual({ status: 200, outcome: "unchanged" });
    expect(await prisma.ticket.count({ where: { orderId: order.id } })).toBe(2);
    expect(await prisma.paymentEvent.count({ where: { orderId: order.id } })).toBe(2);
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).toMatchObject({ sold: 2, held: 0 });
  });

  it("concurrent duplicate deliveries of one event confirm exactly once", async () => {
    const { order, sessionId } = await pendingOrder();
    const event = fake.signEvent("checkout.session.completed", fake.markPaid(sessionId));
    const results = await Promise.all(Array.from({ length: 6 }, () => stripe.handleStripeWebhook(event.payload, event.signature)));
    expect(results.filter((result) => result.status === 200 && result.outcome === "paid")).toHaveLength(1);
    expect(await prisma.ticket.count({ where: { orderId: order.id } })).toBe(2);
  });

  it("rejects a bad signature, a tampered body and an unknown order with 400, changing nothing", async () => {
    const { order, sessionId } = await pendingOrder();
    const session = fake.markPaid(sessionId);
    const wrongSecret = fake.signEvent("checkout.session.completed", session, { signatureSecret: "whsec_wrong" });
    expect(await stripe.handleStripeWebhook(wrongSecret.payload, wrongSecret.signature)).toMatchObject({ status: 400 });
    const good = fake.signEvent("checkout.session.completed", session);
    expect(await stripe.handleStripeWebhook(good.payload.replace(order.id, order.id.replace(/.$/, (last) => (last === "0" ? "1" : "0"))), good.signature)).toMatchObject({ status: 400 });
    expect(await stripe.handleStripeWebhook(good.payload, null)).toMatchObject({ status: 400 });
    const unknown = fake.signEvent("checkout.session.completed", { ...session, metadata: { orderId: "00000000-0000-4000-8000-000000000000" } });
    expect(await stripe.handleStripeWebhook(unknown.payload, unknown.signature)).toMatchObject({ status: 400, error: "unknown order" });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("pending");
    expect(await prisma.paymentEvent.count({ where: { orderId: order.id } })).toBe(0);
  });

  it("out of order: an expired event after payment changes nothing; completion after expiry re-takes or refunds", async () => {
    const paidFirst = await pendingOrder();
    const paidSession = fake.markPaid(paidFirst.sessionId);
    const completed = fake.signEvent("checkout.session.completed", paidSession);
    await stripe.handleStripeWebhook(completed.payload, completed.signature);
    const lateExpiry = fake.signEvent("checkout.session.expired", { ...paidSession, status: "expired", payment_status: "unpaid" });
    expect(await stripe.handleStripeWebhook(lateExpiry.payload, lateExpiry.signature)).toMatchObject({ outcome: "unchanged" });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: paidFirst.order.id } })).status).toBe("paid");

    // Expired first (places released), then a completion arrives while places are still free.
    const second = await pendingOrder(1, 1);
    const expiredSession = fake.sessions.get(second.sessionId)!;
    const expired = fake.signEvent("checkout.session.expired", { ...expiredSession, status: "expired" });
    expect(await stripe.handleStripeWebhook(expired.payload, expired.signature)).toMatchObject({ outcome: "released" });
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: second.ticketType.id } })).toMatchObject({ held: 0, remaining: 1 });
    const lateCompletion = fake.signEvent("checkout.session.completed", fake.markPaid(second.sessionId));
    expect(await stripe.handleStripeWebhook(lateCompletion.payload, lateCompletion.signature)).toMatchObject({ outcome: "paid" });
  });

  it("a payment after the hold expired and the places were sold is marked for refund", async () => {
    const first = await pendingOrder(1, 1);
    await expireHold(first.order.id);
    const rival = await createTestUser();
    await reserveTickets({ buyer: accountBuyer(rival.id), input: { items: [{ ticketTypeId: first.ticketType.id, quantity: 1 }] } });
    const event = fake.signEvent("checkout.session.completed", fake.markPaid(first.sessionId));
    expect(await stripe.handleStripeWebhook(event.payload, event.signature)).toMatchObject({ outcome: "refund_required" });
    const [refund] = await prisma.refund.findMany({ where: { orderId: first.order.id } });
    expect(refund).toMatchObject({ amountMinor: first.order.totalMinor, status: "pending", reason: "places_gone" });
    expect(await prisma.job.count({ where: { uniqueKey: jobKey("refund_order", refund.id) } })).toBe(1);
    await stripe.refundStripePayment({ orderId: first.order.id, refundId: refund.id, sessionId: first.sessionId, amountMinor: refund.amountMinor });
    expect(fake.refunds.at(-1)).toMatchObject({ payment_intent: fake.sessions.get(first.sessionId)!.payment_intent, amount: first.order.totalMinor });
  });

  it("the browser return confirms by asking Stripe, without waiting for the webhook", async () => {
    const { order, sessionId } = await pendingOrder();
    expect(await stripe.confirmStripeReturn(order.id, sessionId)).toBe("awaiting_payment");
    fake.markPaid(sessionId);
    expect(await stripe.confirmStripeReturn(order.id, sessionId)).toBe("paid");
    expect(await stripe.confirmStripeReturn(order.id, sessionId)).toBe("unchanged");
    const other = await pendingOrder();
    expect(await stripe.confirmStripeReturn(other.order.id, sessionId)).toBe("mismatch");
  });

  it("the expire job closes an open session once the hold has ended", async () => {
    const { order, sessionId } = await pendingOrder();
    await expireCheckout({ orderId: order.id, sessionId });
    expect(fake.sessions.get(sessionId)!.status).toBe("expired");
    await expect(expireCheckout({ orderId: order.id, sessionId })).resolves.toBeUndefined();
  });
});

describe("resuming payment (the order page's Continue to payment)", () => {
  const createsFor = (orderId: string) => fake.requests.filter((request) => request.path === "/v1/checkout/sessions" && request.body["metadata[orderId]"] === orderId);

  it("opens the order's Checkout session again while it is open, never the local test page", async () => {
    const { user, order, url } = await pendingOrder();
    expect(await resumeCheckout({ orderId: order.id, userId: user.id })).toEqual({ url });
    expect(createsFor(order.id)).toHaveLength(1);
    // Paying on the resumed session confirms the order.
    const sessionId = url.split("/pay/")[1];
    const event = fake.signEvent("checkout.session.completed", fake.markPaid(sessionId));
    expect(await stripe.handleStripeWebhook(event.payload, event.signature)).toEqual({ status: 200, outcome: "paid" });
  });

  it("is only for the buyer's own order", async () => {
    const { order } = await pendingOrder();
    const stranger = await createTestUser();
    await expect(resumeCheckout({ orderId: order.id, userId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(resumeCheckout({ orderId: "not-an-id", userId: stranger.id })).rejects.toMatchObject({ code: "not_found" });
  });

  it("starts the session the purchase could not start (the API answers even when Stripe fails)", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5, priceMinor: 1500 }] });
    const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    const { url } = await resumeCheckout({ orderId: order.id, userId: user.id });
    expect(url).toMatch(new RegExp(`^${fake.baseUrl}/pay/cs_`));
    expect(createsFor(order.id).map((request) => request.idempotencyKey)).toEqual([`checkout:${order.id}`]);
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ paymentProvider: "stripe", paymentRef: url.split("/pay/")[1] });
  });

  it("replaces a closed session while the hold lasts; the hold's expiry job closes the new one too", async () => {
    const { user, order, sessionId } = await pendingOrder();
    fake.sessions.get(sessionId)!.status = "expired";
    const { url } = await resumeCheckout({ orderId: order.id, userId: user.id });
    const replacement = url.split("/pay/")[1];
    expect(replacement).not.toBe(sessionId);
    expect(fake.sessions.get(replacement)!.status).toBe("open");
    // A request of its own, not a replay of the first session's key.
    expect(createsFor(order.id).at(-1)!.idempotencyKey).toBe(`checkout:${order.id}:after:${sessionId}`);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).paymentRef).toBe(replacement);
    // Still one expiry job per order, and it closes the order's current session.
    const job = await prisma.job.findUniqueOrThrow({ where: { uniqueKey: jobKey("expire_checkout", order.id) } });
    expect(job.payload).toMatchObject({ orderId: order.id, sessionId });
    await expireCheckout({ orderId: order.id, sessionId });
    expect(fake.sessions.get(replacement)!.status).toBe("expired");
  });

  it("after the hold: an open session is still offered (a late payment is re-taken or refunded), a new one is refused", async () => {
    const { user, order, url, sessionId } = await pendingOrder();
    await expireHold(order.id);
    expect(await resumeCheckout({ orderId: order.id, userId: user.id })).toEqual({ url });
    fake.sessions.get(sessionId)!.status = "expired";
    await expect(resumeCheckout({ orderId: order.id, userId: user.id })).rejects.toMatchObject({ code: "not_on_sale", messageKey: "holdEnded" });
    expect(createsFor(order.id)).toHaveLength(1);
  });

  it("a session paid before its webhook arrived confirms the order instead of charging again", async () => {
    const { user, order, sessionId } = await pendingOrder();
    fake.markPaid(sessionId);
    expect(await resumeCheckout({ orderId: order.id, userId: user.id })).toEqual({ url: `/orders/${order.id}` });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
    expect(createsFor(order.id)).toHaveLength(1);
    // Paid now: nothing to resume, the order page.
    expect(await resumeCheckout({ orderId: order.id, userId: user.id })).toEqual({ url: `/orders/${order.id}` });
  });
});
