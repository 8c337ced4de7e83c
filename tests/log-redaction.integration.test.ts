// A full purchase (hold → local payment, and hold → Stripe Checkout → signed webhook, then
// the delivery jobs when they exist) with every log line captured: none may contain a
// secret, a password hash, a ticket code or a card number. The test also logs what a
// careless change might log (request headers, the user row, the order with its tickets,
// a card number typed into a free-text field) to prove the redaction catches it.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeStripe } from "@/tests/fake-stripe";
import { accountBuyer } from "@/lib/orders/buyer";

const AUTH_SECRET = randomBytes(32).toString("base64url");
const JOBS_SECRET = randomBytes(24).toString("base64url");
const STRIPE_KEY = `sk_test_${randomBytes(16).toString("hex")}`;
const WEBHOOK_SECRET = `whsec_${randomBytes(16).toString("hex")}`;
const CARD = "4242 4242 4242 4242";
const fake = new FakeStripe({ webhookSecret: WEBHOOK_SECRET });

const captured: string[] = [];
const restore: (() => void)[] = [];

beforeAll(async () => {
  const base = await fake.start();
  // Before any module reads the settings (they are parsed once, on first use).
  Object.assign(process.env, {
    AUTH_SECRET,
    JOBS_SECRET,
    STRIPE_SECRET_KEY: STRIPE_KEY,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_BASE: base,
    APP_URL: "http://localhost:3998",
    LOG_LEVEL: "trace",
  });
  const { setLogSink } = await import("@/lib/log");
  setLogSink({ write: (line: string) => captured.push(line) });
  restore.push(() => setLogSink(null));
  for (const stream of [process.stdout, process.stderr]) {
    const spy = vi.spyOn(stream, "write").mockImplementation(((chunk: unknown) => {
      captured.push(String(chunk));
      return true;
    }) as typeof stream.write);
    restore.push(() => spy.mockRestore());
  }
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      captured.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg, Object.getOwnPropertyNames(arg ?? {})))).join(" "));
    });
    restore.push(() => spy.mockRestore());
  }
});

afterAll(async () => {
  for (const undo of restore.reverse()) undo();
  await fake.stop();
});

describe("logs of a full purchase", () => {
  it("carry the request id and never a secret, password hash, ticket code or card number", async () => {
    const { prisma } = await import("@/lib/db");
    const { logger, logError, childLogger, CARD_LIKE, luhnValid } = await import("@/lib/log");
    const { runWithRequestContext, newRequestId } = await import("@/lib/ops/request-context");
    const { reserveTickets } = await import("@/lib/orders/reserve-tickets");
    const { confirmOrderPayment } = await import("@/lib/orders/transitions");
    const stripe = { ...(await import("@/lib/payments/stripe/events")), ...(await import("@/lib/payments/stripe/stripe-provider")) };
    const { createTestUser, createTicketedEvent } = await import("@/tests/fixtures");

    const requestId = newRequestId();
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 2500 }] });
    const orderIds: string[] = [];

    await runWithRequestContext({ requestId, operation: "test-purchase" }, async () => {
      const log = childLogger({ module: "checkout" });
      // 1. Hold and pay locally.
      const local = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
      orderIds.push(local.id);
      log.info({ order: local }, "order held");
      expect(await confirmOrderPayment({ orderId: local.id, provider: "local", paymentRef: null })).toMatchObject({ outcome: "paid" });

      // 2. Hold, Stripe Checkout, the signed webhook (and a forged one).
      const viaStripe = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
      orderIds.push(viaStripe.id);
      const { url } = await stripe.stripeProvider.startCheckout(viaStripe);
      const sessionId = url.split("/pay/")[1];
      const event = fake.signEvent("checkout.session.completed", fake.markPaid(sessionId, "card"));
      const forged = fake.signEvent("checkout.session.completed", fake.sessions.get(sessionId)!, { signatureSecret: "whsec_forged_secret_value" });
      expect(await stripe.handleStripeWebhook(forged.payload, forged.signature)).toMatchObject({ status: 400 });
      expect(await stripe.handleStripeWebhook(event.payload, event.signature)).toEqual({ status: 200, outcome: "paid" });

      // What a careless change might log: all of it must come out redacted.
      const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
      const paid = await prisma.order.findUniqueOrThrow({ where: { id: local.id }, include: { tickets: true } });
      log.info({ user: stored }, "buyer");
      logger.info(stored, "buyer, top level");
      log.debug({ order: paid, tickets: paid.tickets }, "order with its tickets");
      log.info({ ticketCode: paid.tickets[0].code, codes: paid.tickets.map((ticket) => ticket.code) }, "codes by name");
      log.info(
        { headers: { authorization: `Bearer ${JOBS_SECRET}`, cookie: `authjs.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..abcdefgh.ijklmnop`, "stripe-signature": event.signature } },
        "incoming request",
      );
      log.warn({ note: `buyer typed ${CARD} into the name field`, compact: CARD.replace(/ /g, "") }, "free text");
      logError("payment provider failed", new Error(`Stripe said: invalid API key ${STRIPE_KEY} (webhook ${WEBHOOK_SECRET}, auth ${AUTH_SECRET})`), {
        orderId: viaStripe.id,
        settings: { stripeKey: STRIPE_KEY, secret: AUTH_SECRET },
      });

      // 3. The delivery jobs (PDFs, email), when the queue handlers exist in this build.
      const runDueWork = await import("@/lib/worker/run-due-work").then((module) => module.runDueWork).catch(() => null);
      if (runDueWork) await runDueWork(20_000).catch((error: unknown) => logError("delivery failed in test", error));
    });

    const tickets = await prisma.ticket.findMany({ where: { orderId: { in: orderIds } }, select: { code: true } });
    expect(tickets).toHaveLength(3);
    const output = captured.join("\n");

    // The logs were captured and carry the request id.
    expect(output).toContain("order held");
    const structured = captured.flatMap((line) => line.split("\n")).filter((line) => line.startsWith("{"));
    const ours = structured.map((line) => JSON.parse(line) as { msg?: string; requestId?: string }).filter((line) => line.msg === "order held");
    expect(ours[0]?.requestId).toBe(requestId);

    const forbidden: [string, string][] = [
      ["AUTH_SECRET", AUTH_SECRET],
      ["JOBS_SECRET", JOBS_SECRET],
      ["Stripe key", STRIPE_KEY],
      ["webhook secret", WEBHOOK_SECRET],
      ["password hash", (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!],
      ...tickets.map((ticket) => ["ticket code", ticket.code] as [string, string]),
    ];
    for (const [what, value] of forbidden) expect(output.includes(value), `${what} appears in the logs`).toBe(false);
    expect(output).not.toMatch(/\$2[aby]\$\d{2}\$/);
    expect(output).not.toMatch(/sk_(test|live)_[A-Za-z0-9]{8,}/);
    expect(output).not.toMatch(/whsec_[A-Za-z0-9]{8,}/);
    const cardLike = [...output.matchAll(CARD_LIKE)].map((match) => match[0]).filter((digits) => luhnValid(digits.replace(/[ -]/g, "")));
    expect(cardLike).toEqual([]);
    expect(output).not.toContain(CARD.replace(/ /g, ""));
  });
});
