// The reminder before the start (issue 29.4) against the real database: due tickets only,
// and each valid ticket reminded exactly once across two worker processes and a restart:
// two workers in this process and a third one in a child process (tests/reminder-worker.ts)
// drain at once; the child is SIGKILLed right after handling a reminder, before the queue
// marks its job done; its locks go stale and two workers run again. Then a worker that "died
// between sending and marking" is replayed. Refunded and handed-on (void) tickets get nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { refundOrder } from "@/lib/admin/orders/refund-order";
import { prisma } from "@/lib/db";
import { jobKey } from "@/lib/jobs/kinds";
import { drainJobs } from "@/lib/jobs/queue";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { createActor } from "@/tests/admin-fixtures";
import { withOutboxMail } from "@/tests/mail-fixtures";
import { createTicketedEvent } from "@/tests/fixtures";
import { paidTicketOrder, reissueTicket } from "@/tests/question-fixtures";
import { enqueueDueReminders } from "./enqueue-due-reminders";

const children: ChildProcess[] = [];
withOutboxMail("reminders");

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

beforeEach(async () => {
  await prisma.$executeRaw`UPDATE jobs SET run_at = now() + interval '1 day' WHERE status = 'queued'`;
});

const HOUR = 3600_000;

/** One tick of a worker: the scan, then the queue, as runDueWork does (holds aside). */
async function tick(workerId: string) {
  await enqueueDueReminders();
  await drainJobs({ handlers: jobHandlers, workerId, budgetMs: 30_000 });
}

/** Starts the worker process; resolves with it once it has handled one reminder (or finished without one). */
function startChildWorker(workerId: string): Promise<{ child: ChildProcess; handled: boolean }> {
  const child = spawn(process.execPath, ["--import", "./tests/server-only-hook.mjs", "--import", "tsx", "tests/reminder-worker.ts", workerId], {
    env: { ...process.env, DATABASE_POOL_SIZE: "6", LOG_LEVEL: "silent", NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout!.on("data", (chunk) => {
      buffer += String(chunk);
      if (/^handled /m.test(buffer)) resolve({ child, handled: true });
      else if (/^drained$/m.test(buffer)) resolve({ child, handled: false });
    });
    child.once("exit", (code, signal) => {
      if (signal === null && !/^drained$/m.test(buffer)) reject(new Error(`worker exited (${code}): ${stderr.slice(-2000)}`));
    });
  });
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** A session starting in `hours`, with a meeting point; its event reminds `reminderHoursBefore` ahead. */
async function eventStartingIn(hours: number, reminderHoursBefore = 24) {
  const created = await createTicketedEvent({ title: "Old Town Walk", startsAt: new Date(Date.now() + hours * HOUR), ticketTypes: [{ capacity: 200 }] });
  await prisma.event.update({ where: { id: created.event.id }, data: { reminderHoursBefore, meetingPoint: "By the fountain, Praça da Figueira" } });
  return created;
}

async function remindersOf(ticketIds: string[]) {
  return prisma.ticketReminder.findMany({ where: { ticketId: { in: ticketIds } } });
}

describe("the reminder before the start", () => {
  it("is due only inside the event's window, for valid tickets of sessions that take place", async () => {
    const soon = await eventStartingIn(3);
    const tomorrowAndMore = await eventStartingIn(30);
    const silent = await eventStartingIn(3, 0);
    const called = await eventStartingIn(2);
    const due = await paidTicketOrder(soon.ticketTypes[0].id, 1);
    const others = await Promise.all([tomorrowAndMore, silent, called].map((event) => paidTicketOrder(event.ticketTypes[0].id, 1)));
    await prisma.eventSession.update({ where: { id: called.session.id }, data: { cancelled: true } });

    await enqueueDueReminders();
    expect((await remindersOf(due.tickets.map((ticket) => ticket.id))).map((row) => row.status)).toEqual(["pending"]);
    expect(await remindersOf(others.flatMap((order) => order.tickets.map((ticket) => ticket.id)))).toEqual([]);
    // A scan an hour later than the 30-hour session's window start finds it.
    await enqueueDueReminders(new Date(Date.now() + 7 * HOUR));
    expect(await remindersOf(others[0].tickets.map((ticket) => ticket.id))).toHaveLength(1);
  });

  it("reaches each valid ticket exactly once across two worker processes and a restart", async () => {
    const { event, ticketTypes } = await eventStartingIn(5);
    const actor = await createActor();
    const orders: Awaited<ReturnType<typeof paidTicketOrder>>[] = [];
    for (let index = 0; index < 14; index++) orders.push(await paidTicketOrder(ticketTypes[0].id, 1 + (index % 3), `Buyer ${index}`));
    await prisma.order.update({ where: { id: orders[0].order.id }, data: { locale: "pt" } });
    // Handed on: the old ticket is void, the new one's holder has an email of their own.
    const friend = await reissueTicket(orders[1].tickets[0].id, { name: "Fran Friend", email: `fran-${event.id.slice(0, 8)}@example.test` });
    // Refunded: its tickets are void and its order is not paid.
    await refundOrder({ actor, orderId: orders[2].order.id });

    const valid = await prisma.ticket.findMany({ where: { order: { eventId: event.id, status: "paid" }, status: "valid" }, select: { id: true } });
    const invalid = await prisma.ticket.findMany({ where: { order: { eventId: event.id }, id: { notIn: valid.map((ticket) => ticket.id) } }, select: { id: true } });
    expect(invalid.length).toBeGreaterThanOrEqual(2);

    // Round 1: a worker process and two workers here, all at once; the process dies mid-run.
    const child = await startChildWorker("reminder-child");
    await Promise.all([tick("reminder-a"), tick("reminder-b")]);
    expect(child.handled).toBe(true);
    await kill(child.child);
    const orphaned = await prisma.job.count({ where: { kind: "send_reminder", status: "running", lockedBy: "reminder-child" } });
    expect(orphaned).toBeGreaterThan(0);

    // Restart: the dead worker's locks go stale (what STALE_LOCK_SECONDS of waiting does), two workers run again.
    // (It may have died inside other jobs too, e.g. another test's delivery: those are taken again as well.)
    await prisma.$executeRaw`UPDATE jobs SET locked_at = now() - interval '1 hour' WHERE status = 'running' AND locked_by = 'reminder-child'`;
    await Promise.all([tick("reminder-c"), tick("reminder-d")]);
    expect(await prisma.job.count({ where: { status: "running", lockedBy: "reminder-child" } })).toBe(0);

    // A worker that died between the email and marking its tickets: the replay sends nothing new.
    const [replayed] = await prisma.ticketReminder.findMany({ where: { ticketId: { in: valid.map((ticket) => ticket.id) } }, take: 1 });
    await prisma.ticketReminder.updateMany({ where: { batchId: replayed.batchId }, data: { status: "pending" } });
    await prisma.job.update({ where: { uniqueKey: jobKey("send_reminder", replayed.batchId) }, data: { status: "queued", runAt: new Date() } });
    await Promise.all([tick("reminder-e"), tick("reminder-f")]);

    const rows = await remindersOf([...valid, ...invalid].map((ticket) => ticket.id));
    expect(rows.map((row) => row.ticketId).sort()).toEqual(valid.map((ticket) => ticket.id).sort());
    expect(rows.every((row) => row.status === "sent")).toBe(true);
    const batches = [...new Set(rows.map((row) => row.batchId))];
    // One email per order and address: the 13 buyers still holding tickets, and the friend.
    expect(batches).toHaveLength(14);
    const jobs = await prisma.job.findMany({ where: { uniqueKey: { in: batches.map((batch) => jobKey("send_reminder", batch)) } } });
    expect(jobs.map((job) => job.status)).toEqual(batches.map(() => "succeeded"));
    const emails = await prisma.emailOutbox.findMany({ where: { idempotencyKey: { in: batches.map((batch) => jobKey("send_reminder", batch)) } } });
    expect(emails).toHaveLength(batches.length);
    const addresses = emails.map((email) => email.toAddress);
    expect(new Set(addresses).size).toBe(addresses.length);
    expect(addresses).toContain(friend.holderEmail);
    expect(addresses).not.toContain(orders[2].buyer.email.toLowerCase());

    // What a reminder says: the buyer's language, the meeting point, the way to the tickets, the calendar file.
    const portuguese = emails.find((email) => email.toAddress === orders[0].buyer.email.toLowerCase())!;
    expect(portuguese.subject).toMatch(/^Lembrete: Old Town Walk, /);
    expect(portuguese.text).toContain("Ponto de encontro: By the fountain, Praça da Figueira");
    expect(portuguese.text).toMatch(new RegExp(`http://shop\\.test/pt/orders/${orders[0].order.id}\\?access=[A-Za-z0-9_-]{43}`));
    expect(portuguese.attachments).toEqual([expect.objectContaining({ filename: `${orders[0].order.reference}.ics`, contentType: expect.stringContaining("text/calendar") })]);
    const toFriend = emails.find((email) => email.toAddress === friend.holderEmail)!;
    expect(toFriend.text).toContain(`http://shop.test/tickets/${friend.id}`);
    expect(toFriend.text).toContain("Have your ticket ready");
  });
});
