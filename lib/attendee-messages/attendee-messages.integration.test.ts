// An admin's message to attendees (issue 29.4) against the real database: who receives it
// (valid tickets of paid orders only, the holder's address when the ticket has one, one email
// per address, in the buyer's language), that fanning out and sending are idempotent, and that
// a provider's refusal marks the recipient failed.
import { beforeEach, describe, expect, it } from "vitest";
import { composeAttendeeMessage } from "@/lib/admin/messages/compose-attendee-message";
import { getAttendeeMessage, listAttendeeMessages } from "@/lib/admin/messages/list-attendee-messages";
import { refundOrder } from "@/lib/admin/orders/refund-order";
import { prisma } from "@/lib/db";
import { jobKey } from "@/lib/jobs/kinds";
import { drainJobs, type ClaimedJob } from "@/lib/jobs/queue";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { createActor } from "@/tests/admin-fixtures";
import { setMailSettings, withOutboxMail } from "@/tests/mail-fixtures";
import { startFakeResend, type FakeResend } from "@/tests/fake-resend";
import { createTicketedEvent } from "@/tests/fixtures";
import { paidTicketOrder, reissueTicket } from "@/tests/question-fixtures";
import { fanOutAttendeeMessage } from "./fan-out-message";
import { sendAttendeeMessage } from "./send-message";

withOutboxMail("messages");

beforeEach(async () => {
  // Park other files' queued jobs: each drain here runs only what this test made.
  await prisma.$executeRaw`UPDATE jobs SET run_at = now() + interval '1 day' WHERE status = 'queued'`;
});

const drain = () => drainJobs({ handlers: jobHandlers, budgetMs: 30_000 });

/** An event with two dates and the orders of every case: what the message's recipients are checked against. */
async function eventWithHolders() {
  const { event, session, ticketTypes, venue } = await createTicketedEvent({ title: "Harbour Lights", ticketTypes: [{ capacity: 50 }] });
  await prisma.eventTranslation.create({ data: { eventId: event.id, locale: "pt", title: "Luzes do Porto", summary: "Um concerto de teste", description: "Feito por um teste, para um teste." } });
  const later = await prisma.eventSession.create({
    data: {
      eventId: event.id,
      venueId: venue.id,
      startsAt: new Date(session.startsAt.getTime() + 24 * 3600_000),
      endsAt: new Date(session.endsAt.getTime() + 24 * 3600_000),
      ticketTypes: { create: { name: "Standing", capacity: 50, priceMinor: 1500 } },
    },
    include: { ticketTypes: true },
  });
  const actor = await createActor();
  // Three tickets, no holders, in Portuguese: one email to the buyer, in Portuguese.
  const many = await paidTicketOrder(ticketTypes[0].id, 3, "Rita Many");
  await prisma.order.update({ where: { id: many.order.id }, data: { locale: "pt" } });
  // Two tickets, one handed on: the buyer still holds one, the friend the re-issued one.
  const shared = await paidTicketOrder(ticketTypes[0].id, 2, "Sam Shared");
  const friend = await reissueTicket(shared.tickets[0].id, { name: "Fran Friend", email: `fran-${event.id.slice(0, 8)}@example.test` });
  // Handed on entirely: the buyer holds nothing any more.
  const gone = await paidTicketOrder(ticketTypes[0].id, 1, "Gil Gone");
  const newHolder = await reissueTicket(gone.tickets[0].id, { name: "Nia New", email: `nia-${event.id.slice(0, 8)}@example.test` });
  // Refunded: nothing.
  const refunded = await paidTicketOrder(ticketTypes[0].id, 1, "Rui Refunded");
  await refundOrder({ actor, orderId: refunded.order.id });
  // The later date only.
  const laterOnly = await paidTicketOrder(later.ticketTypes[0].id, 1, "Lia Later");
  return { event, session, later, actor, many, shared, friend, gone, newHolder, refunded, laterOnly };
}

async function recipientsOf(messageId: string) {
  return prisma.attendeeMessageRecipient.findMany({ where: { messageId }, orderBy: { email: "asc" } });
}

describe("a message to attendees", () => {
  it("reaches each address holding a valid ticket of the session once, in its buyer's language", async () => {
    const world = await eventWithHolders();
    const { id } = await composeAttendeeMessage({
      actor: world.actor,
      eventId: world.event.id,
      input: { sessionId: world.session.id, subject: "Doors open at 19:00", body: "Doors open an hour early.\n\nBring <a coat>: it gets cold." },
    });
    await drain();

    const recipients = await recipientsOf(id);
    expect(recipients.map((recipient) => recipient.email).sort()).toEqual(
      [world.many.buyer.email, world.shared.buyer.email, world.friend.holderEmail!, world.newHolder.holderEmail!].map((email) => email.toLowerCase()).sort(),
    );
    expect(recipients.every((recipient) => recipient.status === "sent")).toBe(true);
    expect(recipients.find((recipient) => recipient.email === world.many.buyer.email.toLowerCase())).toMatchObject({ locale: "pt", name: "Rita Many" });
    expect(recipients.find((recipient) => recipient.email === world.friend.holderEmail)).toMatchObject({ name: "Fran Friend" });

    const emails = await prisma.emailOutbox.findMany({ where: { idempotencyKey: { in: recipients.map((recipient) => jobKey("send_attendee_message", recipient.id)) } } });
    expect(emails).toHaveLength(4);
    const portuguese = emails.find((email) => email.toAddress === world.many.buyer.email.toLowerCase())!;
    expect(portuguese.subject).toBe("Doors open at 19:00 (Luzes do Porto)");
    expect(portuguese.text).toContain("O organizador de Luzes do Porto tem uma mensagem");
    expect(portuguese.html).toContain("Bring &lt;a coat&gt;: it gets cold.");
    expect(portuguese.html).not.toContain("<a coat>");
    const english = emails.find((email) => email.toAddress === world.shared.buyer.email.toLowerCase())!;
    expect(english.text).toContain("The organiser of Harbour Lights has a message");
    // Nobody outside the session, and nobody whose ticket was refunded or handed on.
    for (const outsider of [world.gone.buyer.email, world.refunded.buyer.email, world.laterOnly.buyer.email]) {
      expect(emails.map((email) => email.toAddress)).not.toContain(outsider.toLowerCase());
    }

    const view = await listAttendeeMessages({ actor: world.actor, eventId: world.event.id });
    expect(view?.messages).toEqual([expect.objectContaining({ id, fannedOut: true, counts: { pending: 0, sent: 4, bounced: 0, failed: 0, skipped: 0 } })]);
  });

  it("to the whole event also reaches the later date's holders", async () => {
    const world = await eventWithHolders();
    const { id } = await composeAttendeeMessage({ actor: world.actor, eventId: world.event.id, input: { sessionId: "", subject: "Parking", body: "The car park is closed this month." } });
    await drain();
    const emails = (await recipientsOf(id)).map((recipient) => recipient.email);
    expect(emails).toHaveLength(5);
    expect(emails).toContain(world.laterOnly.buyer.email.toLowerCase());
  });

  it("fans out once and sends each email once, however often the jobs run", async () => {
    const world = await eventWithHolders();
    const { id } = await composeAttendeeMessage({ actor: world.actor, eventId: world.event.id, input: { subject: "Set times", body: "The band plays at nine sharp." } });
    // Two workers fan out at once, then again later: one set of recipients.
    await Promise.all([fanOutAttendeeMessage({ messageId: id }), fanOutAttendeeMessage({ messageId: id })]);
    await fanOutAttendeeMessage({ messageId: id });
    const recipients = await recipientsOf(id);
    expect(recipients).toHaveLength(5);
    expect(await prisma.job.count({ where: { kind: "send_attendee_message", uniqueKey: { in: recipients.map((recipient) => jobKey("send_attendee_message", recipient.id)) } } })).toBe(5);

    // A worker that died after sending and before marking: the retry finds the email already sent.
    const [first] = recipients;
    await Promise.all([sendAttendeeMessage({ recipientId: first.id }), sendAttendeeMessage({ recipientId: first.id })]);
    await prisma.attendeeMessageRecipient.update({ where: { id: first.id }, data: { status: "pending" } });
    await sendAttendeeMessage({ recipientId: first.id });
    await drain();
    expect(await prisma.emailOutbox.count({ where: { idempotencyKey: jobKey("send_attendee_message", first.id) } })).toBe(1);
    expect((await recipientsOf(id)).every((recipient) => recipient.status === "sent")).toBe(true);
  });

  it("skips an address whose ticket was refunded after the fan-out", async () => {
    const world = await eventWithHolders();
    const { id } = await composeAttendeeMessage({ actor: world.actor, eventId: world.event.id, input: { sessionId: world.session.id, subject: "Set times", body: "The band plays at nine sharp." } });
    await fanOutAttendeeMessage({ messageId: id });
    await refundOrder({ actor: world.actor, orderId: world.many.order.id });
    await drain();
    const recipient = (await recipientsOf(id)).find((row) => row.email === world.many.buyer.email.toLowerCase())!;
    expect(recipient.status).toBe("skipped");
    expect(await prisma.emailOutbox.count({ where: { idempotencyKey: jobKey("send_attendee_message", recipient.id) } })).toBe(0);
  });

  it("marks a recipient failed when the provider refuses, or when the last attempt fails", async () => {
    const world = await eventWithHolders();
    // A holder address the provider will never take.
    await prisma.ticket.update({ where: { id: world.friend.id }, data: { holderEmail: "not-an-address" } });
    const { id } = await composeAttendeeMessage({ actor: world.actor, eventId: world.event.id, input: { sessionId: world.session.id, subject: "Set times", body: "The band plays at nine sharp." } });
    await drain();
    const broken = (await recipientsOf(id)).find((row) => row.email === "not-an-address")!;
    expect(broken).toMatchObject({ status: "failed", error: expect.stringContaining("Not an email address") });
    // The refusal is final: its job is done, not retried for hours.
    expect(await prisma.job.findUnique({ where: { uniqueKey: jobKey("send_attendee_message", broken.id) } })).toMatchObject({ status: "succeeded" });
    const detail = await getAttendeeMessage({ actor: world.actor, eventId: world.event.id, messageId: id });
    expect(detail?.recipients[0]).toMatchObject({ email: "not-an-address", status: "failed" });

    // Through Resend: an outage on the job's last attempt leaves the recipient failed and the job dead.
    let resend: FakeResend | undefined;
    try {
      resend = await startFakeResend({ failFirst: 10 });
      setMailSettings({ RESEND_API_KEY: "re_test", RESEND_BASE_URL: resend.url });
      const other = await composeAttendeeMessage({ actor: world.actor, eventId: world.event.id, input: { sessionId: world.session.id, subject: "Again", body: "One more thing to say." } });
      await fanOutAttendeeMessage({ messageId: other.id });
      const [recipient] = await recipientsOf(other.id);
      const attempt = (attempts: number): ClaimedJob => ({ id: recipient.id, kind: "send_attendee_message", payload: {}, attempts, max_attempts: 8 });
      await expect(sendAttendeeMessage({ recipientId: recipient.id }, attempt(1))).rejects.toThrow(/Resend refused/);
      expect(await prisma.attendeeMessageRecipient.findUniqueOrThrow({ where: { id: recipient.id } })).toMatchObject({ status: "pending" });
      await expect(sendAttendeeMessage({ recipientId: recipient.id }, attempt(8))).rejects.toThrow(/Resend refused/);
      expect(await prisma.attendeeMessageRecipient.findUniqueOrThrow({ where: { id: recipient.id } })).toMatchObject({ status: "failed" });
    } finally {
      setMailSettings({ RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined });
      await resend?.close();
    }
  });

  it("is the admin's alone, and refuses a date of another event", async () => {
    const world = await eventWithHolders();
    const stranger = await createActor("attendee");
    await expect(composeAttendeeMessage({ actor: stranger, eventId: world.event.id, input: { subject: "Hello there", body: "Nothing to see here." } })).rejects.toMatchObject({ code: "forbidden" });
    const other = await createTicketedEvent({ ticketTypes: [{ capacity: 1 }] });
    await expect(
      composeAttendeeMessage({ actor: world.actor, eventId: world.event.id, input: { sessionId: other.session.id, subject: "Hello there", body: "Nothing to see here." } }),
    ).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { sessionId: "Choose a date of this event" } });
    await expect(composeAttendeeMessage({ actor: world.actor, eventId: world.event.id, input: { subject: "", body: "short" } })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { subject: expect.any(String), body: expect.any(String) },
    });
    expect(await prisma.attendeeMessage.count({ where: { eventId: world.event.id } })).toBe(0);
  });
});
