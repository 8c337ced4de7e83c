// Bounces reach the admin (issue 29.4: delivery visible per message, "sent, bounced, pending"):
// emails go out through the fake Resend, then Resend's signed webhooks (signed in
// tests/fake-resend.ts from the Standard Webhooks specification) come back to the route. A bad
// signature, a replayed old event, a duplicate or a late "delivered" change nothing.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/email/resend/webhook/route";
import { composeAttendeeMessage } from "@/lib/admin/messages/compose-attendee-message";
import { getAttendeeMessage, listAttendeeMessages } from "@/lib/admin/messages/list-attendee-messages";
import { getAdminOrder } from "@/lib/admin/orders/get-admin-order";
import { prisma } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { jobKey } from "@/lib/jobs/kinds";
import { drainJobs } from "@/lib/jobs/queue";
import { enqueueDueReminders } from "@/lib/reminders/enqueue-due-reminders";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { createActor } from "@/tests/admin-fixtures";
import { signedResendWebhook, startFakeResend, type FakeResend } from "@/tests/fake-resend";
import { createTicketedEvent } from "@/tests/fixtures";
import { setMailSettings, withOutboxMail } from "@/tests/mail-fixtures";
import { paidTicketOrder } from "@/tests/question-fixtures";
import { applyDeliveryEvent } from "./delivery-events";

withOutboxMail("resend-webhook");

const SECRET = `whsec_${randomBytes(24).toString("base64")}`;
let resend: FakeResend;

beforeAll(async () => {
  resend = await startFakeResend();
  setMailSettings({ RESEND_API_KEY: "re_test", RESEND_BASE_URL: resend.url });
  process.env.RESEND_WEBHOOK_SECRET = SECRET;
  resetEnvCacheForTests();
});

afterAll(async () => {
  setMailSettings({ RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined });
  delete process.env.RESEND_WEBHOOK_SECRET;
  resetEnvCacheForTests();
  await resend.close();
});

beforeEach(async () => {
  // Park other files' queued jobs: each drain here runs only what this test made.
  await prisma.$executeRaw`UPDATE jobs SET run_at = now() + interval '1 day' WHERE status = 'queued'`;
});

const drain = () => drainJobs({ handlers: jobHandlers, budgetMs: 30_000 });

async function post(webhook: { body: string; headers: Record<string, string> }) {
  const response = await POST(new Request("http://shop.test/api/email/resend/webhook", { method: "POST", body: webhook.body, headers: webhook.headers }));
  return { status: response.status, body: await response.json() };
}

function event(type: string, emailId: string, extra: Record<string, unknown> = {}) {
  return { type, data: { email_id: emailId, created_at: new Date().toISOString(), from: "x@y.test", to: ["a@b.test"], subject: "s", message_id: "m", ...extra } };
}

const resendIdOf = (key: string) => resend.accepted.find((email) => email.idempotencyKey === key)!.id;

/** A session with two ticket holders and a message sent to both through Resend. */
async function messageToTwo() {
  const { event: shown, session, ticketTypes } = await createTicketedEvent({ title: "Quay Concert", startsAt: new Date(Date.now() + 6 * 3600_000), ticketTypes: [{ capacity: 20 }] });
  const actor = await createActor();
  const kept = await paidTicketOrder(ticketTypes[0].id, 1, "Kim Kept");
  const gone = await paidTicketOrder(ticketTypes[0].id, 1, "Bo Bounce");
  const { id } = await composeAttendeeMessage({ actor, eventId: shown.id, input: { sessionId: session.id, subject: "Doors at seven", body: "Doors open at seven sharp." } });
  await drain();
  const recipients = await prisma.attendeeMessageRecipient.findMany({ where: { messageId: id } });
  const recipientOf = (email: string) => recipients.find((recipient) => recipient.email === email.toLowerCase())!;
  return { event: shown, actor, messageId: id, kept: recipientOf(kept.buyer.email), gone: recipientOf(gone.buyer.email), tickets: [...kept.tickets, ...gone.tickets] };
}

describe("Resend's webhook", () => {
  it("marks a bounced recipient and shows it to the admin; delivered ones stay sent", async () => {
    const world = await messageToTwo();
    expect(world.kept.status).toBe("sent");
    const goneEmail = resendIdOf(jobKey("send_attendee_message", world.gone.id));
    const keptEmail = resendIdOf(jobKey("send_attendee_message", world.kept.id));

    expect(await post(signedResendWebhook(SECRET, event("email.delivered", keptEmail)))).toEqual({ status: 200, body: { received: true, outcome: "applied" } });
    const bounce = signedResendWebhook(SECRET, event("email.bounced", goneEmail, { bounce: { type: "Permanent", subType: "General", message: "550 5.1.1 mailbox does not exist" } }));
    expect((await post(bounce)).body.outcome).toBe("applied");

    const detail = await getAttendeeMessage({ actor: world.actor, eventId: world.event.id, messageId: world.messageId });
    expect(detail?.counts).toEqual({ pending: 0, sent: 1, bounced: 1, failed: 0, skipped: 0 });
    // The bounced one first, with the receiving server's words.
    expect(detail?.recipients[0]).toMatchObject({ id: world.gone.id, status: "bounced", error: "Permanent / General: 550 5.1.1 mailbox does not exist" });
    expect(await prisma.emailDelivery.findUniqueOrThrow({ where: { idempotencyKey: jobKey("send_attendee_message", world.kept.id) } })).toMatchObject({ state: "delivered" });
    const list = await listAttendeeMessages({ actor: world.actor, eventId: world.event.id });
    expect(list?.messages[0].counts).toMatchObject({ sent: 1, bounced: 1 });

    // The same event again (Resend retries), and a late "delivered": nothing moves back.
    expect((await post(bounce)).body.outcome).toBe("stale");
    expect((await post(signedResendWebhook(SECRET, event("email.delivered", goneEmail)))).body.outcome).toBe("stale");
    expect(await prisma.attendeeMessageRecipient.findUniqueOrThrow({ where: { id: world.gone.id } })).toMatchObject({ status: "bounced" });
    expect(await prisma.emailDelivery.findUniqueOrThrow({ where: { idempotencyKey: jobKey("send_attendee_message", world.gone.id) } })).toMatchObject({ state: "bounced" });
    // An email this app never sent is answered (Resend stops retrying) and changes nothing.
    expect((await post(signedResendWebhook(SECRET, event("email.bounced", "unknown-id")))).body.outcome).toBe("unknown_email");
    // Opens and clicks are not kept.
    expect((await post(signedResendWebhook(SECRET, event("email.opened", keptEmail)))).body.outcome).toBe("ignored");
  });

  it("refuses a wrong signature, another secret, a replayed old event and a missing header, changing nothing", async () => {
    const world = await messageToTwo();
    const goneEmail = resendIdOf(jobKey("send_attendee_message", world.gone.id));
    const good = signedResendWebhook(SECRET, event("email.bounced", goneEmail));
    const tampered = { ...good, body: good.body.replace("email.bounced", "email.complained") };
    const otherSecret = signedResendWebhook(`whsec_${randomBytes(24).toString("base64")}`, event("email.bounced", goneEmail));
    const old = signedResendWebhook(SECRET, event("email.bounced", goneEmail), { timestampSeconds: Math.floor(Date.now() / 1000) - 3600 });
    const unsigned = { body: good.body, headers: { "content-type": "application/json" } };
    for (const webhook of [tampered, otherSecret, old, unsigned]) {
      const answer = await post(webhook);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: "malformed_request" });
    }
    expect(await prisma.attendeeMessageRecipient.findUniqueOrThrow({ where: { id: world.gone.id } })).toMatchObject({ status: "sent" });
    expect(await prisma.emailDelivery.findUniqueOrThrow({ where: { idempotencyKey: jobKey("send_attendee_message", world.gone.id) } })).toMatchObject({ state: "sent" });
  });

  it("marks a reminder's tickets bounced", async () => {
    const world = await messageToTwo();
    await enqueueDueReminders();
    await drain();
    const reminders = await prisma.ticketReminder.findMany({ where: { ticketId: { in: world.tickets.map((ticket) => ticket.id) } } });
    expect(reminders).toHaveLength(2);
    const [first] = reminders;
    expect(first.status).toBe("sent");
    expect((await post(signedResendWebhook(SECRET, event("email.bounced", resendIdOf(jobKey("send_reminder", first.batchId)))))).body.outcome).toBe("applied");
    expect(await prisma.ticketReminder.findUniqueOrThrow({ where: { ticketId_kind: { ticketId: first.ticketId, kind: first.kind } } })).toMatchObject({ status: "bounced" });
    expect(await prisma.ticketReminder.findUniqueOrThrow({ where: { ticketId_kind: { ticketId: reminders[1].ticketId, kind: reminders[1].kind } } })).toMatchObject({ status: "sent" });
  });

  it("shows a bounced ticket email on the admin's order page", async () => {
    const world = await messageToTwo();
    const order = await prisma.ticket.findUniqueOrThrow({ where: { id: world.tickets[1].id }, select: { orderId: true } });
    const delivered = resend.accepted.find((email) => email.idempotencyKey === jobKey("deliver_order", order.orderId));
    expect(delivered, "the order's tickets went out through Resend").toBeDefined();
    await post(signedResendWebhook(SECRET, event("email.bounced", delivered!.id, { bounce: { type: "Permanent", subType: "Suppressed", message: "On the suppression list" } })));
    const shown = await getAdminOrder({ actor: world.actor, orderId: order.orderId });
    expect(shown?.emails).toEqual([expect.objectContaining({ state: "bounced", detail: "Permanent / Suppressed: On the suppression list" })]);
  });

  it("in development, a bounce pressed in the outbox does what the webhook does", async () => {
    setMailSettings({ RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined });
    try {
      const world = await messageToTwo();
      const outboxEmail = await prisma.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: jobKey("send_attendee_message", world.gone.id) } });
      expect(await applyDeliveryEvent({ provider: "outbox", providerId: outboxEmail.id, state: "bounced", detail: "by hand" })).toBe("applied");
      expect(await prisma.attendeeMessageRecipient.findUniqueOrThrow({ where: { id: world.gone.id } })).toMatchObject({ status: "bounced", error: "by hand" });
      expect(await prisma.attendeeMessageRecipient.findUniqueOrThrow({ where: { id: world.kept.id } })).toMatchObject({ status: "sent" });
    } finally {
      setMailSettings({ RESEND_API_KEY: "re_test", RESEND_BASE_URL: resend.url });
    }
  });
});
