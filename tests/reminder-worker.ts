// A worker process for the reminders' exactly-once test (lib/reminders/reminders.integration.test.ts):
// the real tick of background work (the reminder scan, then the queue with every handler)
// against DATABASE_URL, except that once a reminder has been handled it stops dead before the
// queue can mark the job done, and says so, so the test can SIGKILL it right there: a worker
// that sent the email and died with the job still "running".
//
//   node --import ./tests/server-only-hook.mjs --import tsx tests/reminder-worker.ts WORKER_ID
import { drainJobs, type JobHandler } from "@/lib/jobs/queue";
import { enqueueDueReminders } from "@/lib/reminders/enqueue-due-reminders";
import { jobHandlers } from "@/lib/worker/job-handlers";

const [workerId] = process.argv.slice(2);

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

const sendReminder = jobHandlers.send_reminder;
const handlers: Record<string, JobHandler> = {
  ...jobHandlers,
  send_reminder: async (payload, job) => {
    say(`claimed ${job.id}`);
    await sendReminder(payload, job);
    say(`handled ${job.id}`);
    // Hang until killed: the job stays "running" under this worker's lock.
    await new Promise(() => {});
  },
};

say("ready");
await enqueueDueReminders();
await drainJobs({ handlers, workerId, budgetMs: 60_000, jobTimeoutMs: 120_000 });
say("drained");
process.exit(0);
