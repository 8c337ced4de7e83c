import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { jobKey } from "@/lib/jobs/kinds";

// The reminder scan (run by every tick of background work, lib/worker/run-due-work.ts): valid
// tickets (attendee_tickets) whose session or booked time starts within its event's
// `reminder_hours_before` get a `ticket_reminders` row and their batch a `send_reminder` job,
// in one statement. The row's primary key (ticket, kind) is what makes a reminder once per
// ticket: a ticket already reminded is not due, and a second scanner racing this one waits on
// the first one's rows and then inserts nothing (ON CONFLICT DO NOTHING). A ticket bought inside
// the window is reminded at once; a holder change issues a new ticket, reminded on its own.
// Tickets of one order going to one address, for one session, share a batch: one email.

/** How far ahead any event may want its reminder (the events_reminder_hours_before_range check). */
const MAX_HOURS = 336;
const SEND_KIND = "send_reminder";
/** Scanners take turns (a try-lock: a busy one is skipped, the next tick scans again). */
const SCAN_LOCK = 0x72656d69; // "remi"

export async function enqueueDueReminders(now = new Date()): Promise<{ tickets: number; batches: number }> {
  return inTransaction(async (tx) => {
    const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${SCAN_LOCK}) AS locked`;
    if (!locked) return { tickets: 0, batches: 0 };
    const [counts] = await tx.$queryRaw<{ tickets: number; batches: number }[]>`
      WITH due AS (
        SELECT a.ticket_id, a.order_id, a.email, coalesce(a.session_id, a.booking_id) AS place_id
          FROM attendee_tickets(NULL, ${now}::timestamptz, ${now}::timestamptz + make_interval(hours => ${MAX_HOURS})) a
          JOIN events e ON e.id = a.event_id
         WHERE NOT a.cancelled AND e.reminder_hours_before > 0
           AND a.starts_at <= ${now}::timestamptz + make_interval(hours => e.reminder_hours_before)
           AND NOT EXISTS (SELECT 1 FROM ticket_reminders r WHERE r.ticket_id = a.ticket_id AND r.kind = 'before_start')
      ), batches AS (
        SELECT order_id, email, place_id, gen_random_uuid() AS batch_id FROM due GROUP BY order_id, email, place_id
      ), inserted AS (
        INSERT INTO ticket_reminders (ticket_id, kind, batch_id, email)
        SELECT d.ticket_id, 'before_start', b.batch_id, d.email FROM due d JOIN batches b USING (order_id, email, place_id)
        ON CONFLICT (ticket_id, kind) DO NOTHING
        RETURNING batch_id
      ), jobs AS (
        SELECT jobs_enqueue(${SEND_KIND}, jsonb_build_object('batchId', batch_id::text), ${jobKey(SEND_KIND, "")} || batch_id::text)
          FROM (SELECT DISTINCT batch_id FROM inserted) i
      )
      SELECT (SELECT count(*)::int FROM inserted) AS tickets, (SELECT count(*)::int FROM jobs) AS batches`;
    return counts;
  });
}
