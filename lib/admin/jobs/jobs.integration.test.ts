import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { discardJob } from "./discard-job";
import { listDeadJobs } from "./list-jobs";
import { retryJob } from "./retry-job";
import { createActor } from "@/tests/admin-fixtures";

async function deadJob(lastError = "SMTP 550: mailbox unavailable") {
  return prisma.job.create({ data: { kind: "deliver_order", payload: { orderId: "not-an-order" }, status: "dead", attempts: 8, lastError } });
}

describe("dead jobs", () => {
  it("lists dead jobs with their last error, newest first", async () => {
    const admin = await createActor();
    const older = await deadJob("first error");
    const newer = await deadJob("second error");
    const listed = await listDeadJobs({ actor: admin });
    const ids = listed.map((job) => job.id);
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    expect(listed.find((job) => job.id === older.id)).toMatchObject({ last_error: "first error", order_reference: null });
  });

  it("retries a dead job with fresh attempts, and logs it", async () => {
    const admin = await createActor();
    const job = await deadJob();
    await retryJob({ actor: admin, jobId: job.id });
    expect(await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "queued", attempts: 0, lastError: null });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: job.id } });
    expect(audit).toMatchObject({ action: "job.retry", before: expect.objectContaining({ status: "dead", lastError: "SMTP 550: mailbox unavailable" }) });
    await expect(retryJob({ actor: admin, jobId: job.id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("discards a dead job, keeping the row in the audit log; a live job can't be discarded", async () => {
    const admin = await createActor();
    const job = await deadJob();
    await discardJob({ actor: admin, jobId: job.id });
    expect(await prisma.job.count({ where: { id: job.id } })).toBe(0);
    expect((await prisma.auditLog.findFirstOrThrow({ where: { entityId: job.id } })).before).toMatchObject({ kind: "deliver_order", status: "dead" });
    const queued = await prisma.job.create({ data: { kind: "deliver_order", payload: {} } });
    await expect(discardJob({ actor: admin, jobId: queued.id })).rejects.toMatchObject({ code: "conflict" });
  });

  it("refuses an attendee", async () => {
    const attendee = await createActor("attendee");
    const job = await deadJob();
    await expect(retryJob({ actor: attendee, jobId: job.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(discardJob({ actor: attendee, jobId: job.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listDeadJobs({ actor: attendee })).rejects.toMatchObject({ code: "forbidden" });
    expect((await prisma.job.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("dead");
  });
});
