import "server-only";
import { timingSafeEqual } from "node:crypto";
import { pruneRateLimits } from "@/lib/auth/rate-limit";
import { jobsSecret } from "@/lib/env";
import { drainJobs, type DrainResult } from "@/lib/jobs/queue";
import { startJobWaker, type JobWaker } from "@/lib/jobs/wake";
import { sweepExpiredHolds } from "@/lib/orders/release-expired-holds";
import { enqueueDueReminders } from "@/lib/reminders/enqueue-due-reminders";
import { sweepWaitlistOffers } from "@/lib/waitlist/sweep-offers";
import { jobHandlers } from "./job-handlers";

export function isAuthorizedWorker(authorization: string | null): boolean {
  const expected = Buffer.from(`Bearer ${jobsSecret()}`);
  const given = Buffer.from(authorization ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One tick of background work: free expired holds and waiting-list offers, queue the reminders now due, then run due jobs within the budget. */
export async function runDueWork(budgetMs = 20_000): Promise<DrainResult & { holdsSwept: number; offersExpired: number; remindersQueued: number }> {
  const holdsSwept = await sweepExpiredHolds();
  const offersExpired = await sweepWaitlistOffers();
  const reminders = await enqueueDueReminders();
  const drained = await drainJobs({ handlers: jobHandlers, budgetMs });
  if (Math.random() < 0.05) await pruneRateLimits();
  return { ...drained, holdsSwept, offersExpired, remindersQueued: reminders.tickets };
}

/** This process drains the queue whenever a due job commits (lib/jobs/wake.ts). */
export function startJobWorker(): JobWaker {
  return startJobWaker({ drain: () => runDueWork() });
}
