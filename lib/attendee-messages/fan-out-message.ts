import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { jobKey, type JobPayload } from "@/lib/jobs/kinds";
import { currentRequestId } from "@/lib/ops/request-context";

// The `fan_out_attendee_message` job: who gets the message, written once. In one transaction
// under the message's row lock: one recipient per address holding a valid ticket in the
// message's scope (attendee_tickets, the one rule: valid tickets of paid orders; the holder's
// email, else the buyer's), in the language and name of that address's latest order, one
// `send_attendee_message` job each (by its unique key), and `fanned_out_at`. A second run finds
// `fanned_out_at` set and adds nobody: the recipients are the ticket holders of that moment.

const SEND_KIND = "send_attendee_message";

export async function fanOutAttendeeMessage({ messageId }: JobPayload<"fan_out_attendee_message">): Promise<void> {
  return inTransaction(async (tx) => {
    const [message] = await tx.$queryRaw<{ event_id: string; session_id: string | null; fanned_out_at: Date | null }[]>`
      SELECT event_id, session_id, fanned_out_at FROM attendee_messages WHERE id = ${messageId}::uuid FOR UPDATE`;
    if (!message || message.fanned_out_at) return;
    await tx.$queryRaw`
      WITH recipients AS (
        INSERT INTO attendee_message_recipients (message_id, email, name, locale)
        SELECT DISTINCT ON (a.email) ${messageId}::uuid, a.email, a.name, a.locale
          FROM attendee_tickets(${message.event_id}::uuid, '-infinity', 'infinity') a
         WHERE ${message.session_id}::uuid IS NULL OR a.session_id = ${message.session_id}::uuid
         ORDER BY a.email, a.ordered_at DESC
        ON CONFLICT (message_id, email) DO NOTHING
        RETURNING id
      ), jobs AS (
        SELECT jobs_enqueue(${SEND_KIND}, jsonb_build_object('recipientId', r.id::text, 'requestId', ${currentRequestId() ?? null}::text), ${jobKey(SEND_KIND, "")} || r.id::text) FROM recipients r
      )
      SELECT count(*)::int AS count FROM jobs`;
    await tx.$executeRaw`UPDATE attendee_messages SET fanned_out_at = now() WHERE id = ${messageId}::uuid`;
  });
}
