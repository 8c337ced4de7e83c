import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getOutboxAttachment, getOutboxEmail } from "@/lib/email/send-email";
import { env, resetEnvCacheForTests } from "@/lib/env";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { reserveBooking } from "@/lib/orders/reserve-booking";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { getBlob } from "@/lib/storage/blob-store";
import { getTicketsPdfForDownloadLink, ticketsPdfKey } from "@/lib/tickets/order-tickets-pdf";
import { loadOrderTickets } from "@/lib/tickets/load-order-tickets";
import { instantAt, localDateAndMinute } from "@/lib/time";
import { startFakeResend, type FakeResend } from "@/tests/fake-resend";
import { createBookableEvent, createTestUser, createTicketedEvent, expireHold } from "@/tests/fixtures";
import { refundOrder as adminRefundOrder } from "@/lib/admin/orders/refund-order";
import { jobKey } from "@/lib/jobs/kinds";
import { drainJobs, type JobHandler } from "@/lib/jobs/queue";
import { refundReason } from "@/lib/payments/refund-and-notify";
import { deliverOrder } from "@/lib/tickets/deliver-order";
import { accountBuyer } from "@/lib/orders/buyer";
import { jobHandlers } from "./job-handlers";
import { getOrderForViewer } from "@/lib/orders/get-order";

const SETTINGS = ["RESEND_API_KEY", "RESEND_BASE_URL", "STORAGE_DIR", "APP_URL"] as const;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));
let storageDir: string;

function setSettings(values: Partial<Record<(typeof SETTINGS)[number], string | undefined>>) {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCacheForTests();
}

beforeAll(() => {
  storageDir = mkdtempSync(path.join(tmpdir(), "handlers-storage-"));
  // Never send real email from tests, whatever the shell has set.
  setSettings({ RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined, STORAGE_DIR: storageDir, APP_URL: "http://shop.test" });
});

afterAll(() => {
  setSettings(saved);
  rmSync(storageDir, { recursive: true, force: true });
});

beforeEach(async () => {
  // Other test files leave queued jobs behind in the shared database; park them so each
  // drain here runs only the jobs this test made.
  await prisma.$executeRaw`UPDATE jobs SET run_at = now() + interval '1 day' WHERE status = 'queued'`;
});

async function jobOf(kind: "deliver_order" | "refund_order", orderId: string) {
  return prisma.job.findFirstOrThrow({ where: { kind, payload: { path: ["orderId"], equals: orderId } } });
}

/** The refund notice's idempotency key: one per refund row (the order's only one here). */
async function refundNoticeKey(orderId: string) {
  return jobKey("refund_order", (await prisma.refund.findFirstOrThrow({ where: { orderId } })).id);
}

async function runAgain(jobId: string) {
  await prisma.$executeRaw`UPDATE jobs SET status = 'queued', run_at = now() WHERE id = ${jobId}::uuid`;
}

/** Drains, and after each failure makes the retry due at once instead of after the backoff. */
async function drainUntilSettled(jobId: string, handlers: Record<string, JobHandler> = jobHandlers, rounds = 12) {
  for (let round = 0; round < rounds; round++) {
    await drainJobs({ handlers, budgetMs: 30_000 });
    const job = await prisma.job.findUniqueOrThrow({ where: { id: jobId } });
    if (job.status === "succeeded" || job.status === "dead") return job;
    await prisma.$executeRaw`UPDATE jobs SET run_at = now() WHERE id = ${jobId}::uuid AND status = 'queued'`;
  }
  throw new Error(`job ${jobId} did not settle in ${rounds} rounds`);
}

async function buyPaidTickets(quantity = 2) {
  const user = await createTestUser({ name: "Inês Conceição" });
  const { ticketTypes } = await createTicketedEvent({ title: "Harbour Lights Concert", ticketTypes: [{ capacity: 10, name: "Standing" }] });
  const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity }] } });
  expect(await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "local_test" })).toMatchObject({ outcome: "paid" });
  return { user, order };
}

const outboxRows = (idempotencyKey: string) => prisma.emailOutbox.findMany({ where: { idempotencyKey } });

describe("deliver_order", () => {
  it("emails the buyer once, with the PDF attached and stored; re-running the job sends nothing new", async () => {
    const { user, order } = await buyPaidTickets(2);
    const job = await jobOf("deliver_order", order.id);

    const first = await drainJobs({ handlers: jobHandlers });
    expect(first).toMatchObject({ claimed: 1, succeeded: 1, failed: 0 });
    expect((await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("succeeded");

    const rows = await outboxRows(jobKey("deliver_order", order.id));
    expect(rows).toHaveLength(1);
    const email = (await getOutboxEmail(rows[0].id))!;
    expect(email.toAddress).toBe(user.email);
    expect(email.subject).toBe("Your 2 tickets for Harbour Lights Concert");
    expect(email.attachments).toMatchObject([
      { filename: `tickets-${order.reference}.pdf`, contentType: "application/pdf" },
      { filename: `${order.reference}.ics`, contentType: "text/calendar; charset=utf-8; method=PUBLISH" },
    ]);
    // The session as a calendar event beside the PDF, linking to the event page.
    const calendar = (await getOutboxAttachment(email.id, 1))!.content.toString("utf8");
    expect(calendar).toContain("SUMMARY:Harbour Lights Concert");
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(calendar).toMatch(/UID:session-[0-9a-f-]{36}@shop\.test/);
    const attachment = (await getOutboxAttachment(email.id, 0))!;
    expect(attachment.content.subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(attachment.content.toString("latin1").match(/\/Type \/Page\b/g)).toHaveLength(2);
    // The PDF is kept for downloads, byte for byte the attachment.
    expect((await getBlob(ticketsPdfKey((await loadOrderTickets(order.id))!)))?.equals(attachment.content)).toBe(true);
    expect(email.html).toContain(`http://shop.test/orders/${order.id}`);
    // …a private link, which opens the order in a browser nobody signed in to.
    const orderLink = new RegExp(`http://shop\\.test/orders/${order.id}\\?access=([A-Za-z0-9_-]{43})`).exec(email.text);
    expect(orderLink, email.text).toBeTruthy();
    expect(await getOrderForViewer(order.id, null, orderLink![1])).toMatchObject({ id: order.id });

    // The emailed link downloads the same PDF without signing in.
    const link = email.text.match(/http:\/\/shop\.test\/api\/tickets\/download\?\S+/)?.[0];
    expect(link).toBeTruthy();
    const downloaded = await getTicketsPdfForDownloadLink(new URL(link!).searchParams);
    expect(downloaded?.content.equals(attachment.content)).toBe(true);

    // Nothing is due any more; and a job that runs again (a crash after sending) sends nothing new.
    expect(await drainJobs({ handlers: jobHandlers })).toMatchObject({ claimed: 0 });
    await runAgain(job.id);
    expect(await drainJobs({ handlers: jobHandlers })).toMatchObject({ claimed: 1, succeeded: 1 });
    await Promise.all([deliverOrder({ orderId: order.id }), deliverOrder({ orderId: order.id })]);
    expect(await outboxRows(jobKey("deliver_order", order.id))).toHaveLength(1);

    // A deliberate resend (payload.resend) goes out once more, and only once.
    await prisma.$executeRaw`UPDATE jobs SET payload = payload || '{"resend": 1}'::jsonb WHERE id = ${job.id}::uuid`;
    for (let run = 0; run < 2; run++) {
      await runAgain(job.id);
      await drainJobs({ handlers: jobHandlers });
    }
    expect(await outboxRows(`${jobKey("deliver_order", order.id)}:resend:1`)).toHaveLength(1);
    expect(await prisma.emailOutbox.count({ where: { idempotencyKey: { startsWith: jobKey("deliver_order", order.id) } } })).toBe(2);
  });

  it("skips an order that is no longer paid; the refund job refunds it and says the buyer cancelled", async () => {
    const user = await createTestUser();
    const { resource } = await createBookableEvent();
    const date = localDateAndMinute(new Date(Date.now() + 2 * 24 * 3600_000), "Europe/Lisbon").date;
    const order = await reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId: resource.id, start: instantAt(date, 10 * 60, "Europe/Lisbon"), minutes: 60 } });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "local_test" });
    await cancelOrder({ viewer: user, orderId: order.id, ticketIds: null });

    await drainJobs({ handlers: jobHandlers });
    expect((await jobOf("deliver_order", order.id)).status).toBe("succeeded");
    expect(await outboxRows(jobKey("deliver_order", order.id))).toHaveLength(0);

    const refund = await jobOf("refund_order", order.id);
    expect(refund.status).toBe("succeeded");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("refunded");
    const [notice] = await outboxRows(await refundNoticeKey(order.id));
    expect(notice.toAddress).toBe(user.email);
    expect(notice.text).toContain("You cancelled under the event's cancellation policy");
    expect(notice.attachments).toEqual([]);

    await runAgain(refund.id);
    await drainJobs({ handlers: jobHandlers });
    expect(await outboxRows(await refundNoticeKey(order.id))).toHaveLength(1);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("refunded");
  });

  it("refunds a late payment whose places were gone and says why", async () => {
    const [late, quick] = [await createTestUser(), await createTestUser()];
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 1 }] });
    const items = [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }];
    const abandoned = await reserveTickets({ buyer: accountBuyer(late.id), input: { items } });
    await expireHold(abandoned.id);
    await reserveTickets({ buyer: accountBuyer(quick.id), input: { items } });
    expect(await confirmOrderPayment({ orderId: abandoned.id, provider: "local", paymentRef: "late" })).toMatchObject({ outcome: "refund_required" });

    await drainUntilSettled((await jobOf("refund_order", abandoned.id)).id);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: abandoned.id } })).status).toBe("refunded");
    const [notice] = await outboxRows(await refundNoticeKey(abandoned.id));
    expect(notice.subject).toBe(`Refund for order ${abandoned.reference} (Test concert)`);
    expect(notice.text).toMatch(/after your hold on the places had run out/);
    expect(notice.text).toContain("€15");
  });
});

describe("refund reasons", () => {
  it("an admin refund of a ticket order is refunded and explained as such; a cancelled event says so", async () => {
    const admin = await createTestUser({ role: "admin" });
    const { order } = await buyPaidTickets(1);
    await adminRefundOrder({ actor: admin, orderId: order.id });
    await drainJobs({ handlers: jobHandlers });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("refunded");
    expect(await outboxRows(jobKey("deliver_order", order.id))).toHaveLength(0);
    const [notice] = await outboxRows(await refundNoticeKey(order.id));
    expect(notice.text).toContain("Your order was cancelled and we have refunded you in full.");

    const none = { placesReleased: false, eventCancelled: false, bookingCancelled: false, hasBookings: false };
    expect(refundReason("refunded", { ...none, placesReleased: true, eventCancelled: true })).toBe("hold_expired");
    expect(refundReason("places_gone", none)).toBe("hold_expired");
    expect(refundReason("refunded", { ...none, eventCancelled: true, bookingCancelled: true, hasBookings: true })).toBe("event_cancelled");
    expect(refundReason("cancelled", { ...none, bookingCancelled: true, hasBookings: true })).toBe("cancelled");
    expect(refundReason("refunded", none)).toBe("refunded");
  });
});

describe("delivery through Resend", () => {
  let fake: FakeResend;

  beforeAll(async () => {
    fake = await startFakeResend();
  });
  afterEach(() => setSettings({ RESEND_API_KEY: undefined, RESEND_BASE_URL: undefined }));
  afterAll(async () => {
    await fake.close();
  });

  it("retries while the provider fails and ends with exactly one accepted send", async () => {
    setSettings({ RESEND_API_KEY: "re_test_fake", RESEND_BASE_URL: fake.url });
    fake.reset();
    fake.failNext(2);
    const { user, order } = await buyPaidTickets(1);
    const job = await jobOf("deliver_order", order.id);

    await drainJobs({ handlers: jobHandlers });
    const afterFirst = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(afterFirst).toMatchObject({ status: "queued", attempts: 1 });
    expect(afterFirst.lastError).toMatch(/internal_server_error/);
    expect(afterFirst.runAt.getTime()).toBeGreaterThan(Date.now());

    const settled = await drainUntilSettled(job.id);
    expect(settled).toMatchObject({ status: "succeeded", attempts: 3, lastError: null });
    expect(fake.requests.map((request) => request.status)).toEqual([500, 500, 200]);
    expect(fake.requests.every((request) => request.idempotencyKey === jobKey("deliver_order", order.id))).toBe(true);
    expect(fake.requests[0].authorization).toBe("Bearer re_test_fake");
    expect(fake.accepted).toHaveLength(1);
    const sent = fake.accepted[0].email;
    expect(sent).toMatchObject({ to: user.email, from: env().EMAIL_FROM, subject: "Your ticket for Harbour Lights Concert" });
    expect(Buffer.from(sent.attachments![0].content!, "base64").subarray(0, 4).toString("latin1")).toBe("%PDF");
    expect(await outboxRows(jobKey("deliver_order", order.id))).toHaveLength(0);

    // Running again replays the same key with the same payload: Resend answers with the first send.
    await runAgain(job.id);
    await drainJobs({ handlers: jobHandlers });
    expect((await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("succeeded");
    expect(fake.requests.at(-1)?.status).toBe(200);
    expect(fake.accepted).toHaveLength(1);
  });
});

describe("the queue with these handlers", () => {
  it("a handler that always fails ends dead after max_attempts", async () => {
    const [job] = await prisma.$queryRaw<{ id: string }[]>`
      INSERT INTO jobs (kind, payload, max_attempts) VALUES ('test_always_fails', '{}'::jsonb, 3) RETURNING id`;
    let calls = 0;
    const handlers = { ...jobHandlers, test_always_fails: async () => { calls++; throw new Error("still broken"); } };
    const settled = await drainUntilSettled(job.id, handlers);
    expect(settled).toMatchObject({ status: "dead", attempts: 3, lastError: "still broken", lockedBy: null });
    expect(calls).toBe(3);
    expect(await drainJobs({ handlers })).toMatchObject({ claimed: 0 });
  });

  it("reclaims a job whose worker died mid-run, but not one that is still running", async () => {
    const crashed = await buyPaidTickets(1);
    const alive = await buyPaidTickets(1);
    const crashedJob = await jobOf("deliver_order", crashed.order.id);
    const aliveJob = await jobOf("deliver_order", alive.order.id);
    await prisma.$executeRaw`
      UPDATE jobs SET status = 'running', attempts = 1, locked_by = 'crashed-worker', locked_at = now() - interval '10 minutes'
       WHERE id = ${crashedJob.id}::uuid`;
    await prisma.$executeRaw`
      UPDATE jobs SET status = 'running', attempts = 1, locked_by = 'busy-worker', locked_at = now() - interval '5 seconds'
       WHERE id = ${aliveJob.id}::uuid`;

    expect(await drainJobs({ handlers: jobHandlers })).toMatchObject({ claimed: 1, succeeded: 1 });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: crashedJob.id } })).toMatchObject({ status: "succeeded", attempts: 2, lockedBy: null });
    expect(await outboxRows(jobKey("deliver_order", crashed.order.id))).toHaveLength(1);
    expect(await prisma.job.findUniqueOrThrow({ where: { id: aliveJob.id } })).toMatchObject({ status: "running", lockedBy: "busy-worker" });
    expect(await outboxRows(jobKey("deliver_order", alive.order.id))).toHaveLength(0);
    // Leave no running job behind for other test files.
    await prisma.$executeRaw`UPDATE jobs SET status = 'succeeded', locked_by = NULL, locked_at = NULL WHERE id = ${aliveJob.id}::uuid`;
  });

  it("a job whose worker died on its last attempt goes to dead, not round again", async () => {
    const crashed = await buyPaidTickets(1);
    const job = await jobOf("deliver_order", crashed.order.id);
    await prisma.$executeRaw`
      UPDATE jobs SET status = 'running', attempts = max_attempts, locked_by = 'crashed-worker', locked_at = now() - interval '10 minutes'
       WHERE id = ${job.id}::uuid`;
    expect(await drainJobs({ handlers: jobHandlers })).toMatchObject({ claimed: 0 });
    const buried = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(buried).toMatchObject({ status: "dead", attempts: buried.maxAttempts, lockedBy: null });
    expect(buried.lastError).toContain("stopped answering");
    expect(await outboxRows(jobKey("deliver_order", crashed.order.id))).toHaveLength(0);
  });
});
