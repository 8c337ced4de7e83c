import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getOutboxAttachment } from "@/lib/email/send-email";
import { parseEnv, resetEnvCacheForTests } from "@/lib/env";
import { drainJobs } from "@/lib/jobs/queue";
import { jobKey } from "@/lib/jobs/kinds";
import { accountBuyer } from "@/lib/orders/buyer";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { createS3BlobStore, s3SettingsOf } from "@/lib/storage/s3-blob-store";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { startTestS3, type TestS3 } from "@/tests/s3-server";
import { loadOrderTickets } from "./load-order-tickets";
import { ticketsPdfKey } from "./order-tickets-pdf";

// Ticket delivery with the files in a bucket (issue 32): the PDF and the outbox's copy go to
// S3, and a bucket that is away fails the job, which retries, instead of losing the PDF.

let s3: TestS3;
const saved = { ...process.env };

beforeAll(async () => {
  s3 = await startTestS3("tickets-delivery");
  // Never send real email from tests: the dev outbox (its attachments in the bucket too).
  delete process.env.RESEND_API_KEY;
  delete process.env.RESEND_BASE_URL;
  Object.assign(process.env, s3.settings, { APP_URL: "http://shop.test" });
  resetEnvCacheForTests();
});

afterAll(async () => {
  process.env = saved;
  resetEnvCacheForTests();
  await s3.dispose();
});

beforeEach(async () => {
  // Park other files' queued jobs, so each drain runs only this test's.
  await prisma.$executeRaw`UPDATE jobs SET run_at = now() + interval '1 day' WHERE status = 'queued'`;
});

async function buyPaidTickets() {
  const user = await createTestUser({ name: "Rita Bucket" });
  const { ticketTypes } = await createTicketedEvent({ title: "Bucket Brigade Live", ticketTypes: [{ capacity: 10, name: "Standing" }] });
  const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
  expect(await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "local_test" })).toMatchObject({ outcome: "paid" });
  return order;
}

describe("delivery with S3 storage", () => {
  it("retries the job while the bucket is away, then delivers the PDF stored in the bucket", async () => {
    const order = await buyPaidTickets();
    const bucket = createS3BlobStore(s3SettingsOf(parseEnv(s3.settings))!);
    const job = await prisma.job.findUniqueOrThrow({ where: { uniqueKey: jobKey("deliver_order", order.id) } });

    await s3.stop();
    try {
      expect(await drainJobs({ handlers: jobHandlers })).toMatchObject({ claimed: 1, succeeded: 0, failed: 1 });
    } finally {
      await s3.start();
    }
    const failed = await prisma.job.findUniqueOrThrow({ where: { id: job.id } });
    // Queued again with a backoff, the cause kept for the admin; no email went out without its PDF.
    expect(failed).toMatchObject({ status: "queued", attempts: 1 });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    expect(failed.runAt.getTime()).toBeGreaterThan(Date.now());
    expect(await prisma.emailOutbox.count({ where: { idempotencyKey: jobKey("deliver_order", order.id) } })).toBe(0);

    await prisma.$executeRaw`UPDATE jobs SET run_at = now() WHERE id = ${job.id}::uuid`;
    expect(await drainJobs({ handlers: jobHandlers })).toMatchObject({ claimed: 1, succeeded: 1 });
    const email = await prisma.emailOutbox.findUniqueOrThrow({ where: { idempotencyKey: jobKey("deliver_order", order.id) } });
    const attachment = (await getOutboxAttachment(email.id, 0))!;
    expect(attachment.content.subarray(0, 4).toString("latin1")).toBe("%PDF");
    // Both the PDF kept for downloads and the outbox's copy are objects in the bucket.
    const pdf = await bucket.get(ticketsPdfKey((await loadOrderTickets(order.id))!));
    expect(pdf?.equals(attachment.content)).toBe(true);
    expect((await bucket.get(`outbox/${email.id}/0`))?.equals(attachment.content)).toBe(true);
  });
});
