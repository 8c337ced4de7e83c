import "server-only";
import { prisma, sql } from "@/lib/db";
import { attendeeMessageEmail } from "@/lib/email/attendee-templates";
import { failureText, isFinalEmailFailure } from "@/lib/email/delivery-failure";
import { sendEmail } from "@/lib/email/send-email";
import { toLocale } from "@/lib/i18n/locales";
import { jobKey, type JobPayload } from "@/lib/jobs/kinds";
import type { ClaimedJob } from "@/lib/jobs/queue";
import { describeWhen } from "@/lib/tickets/describe-when";
import { eventTitleIn, TITLED_EVENT } from "./event-title";

// The `send_attendee_message` job: one recipient's email. It may run more than once (a worker
// can die between sending and marking), so the email carries the job's key, which Resend and
// the outbox honour: a retry never sends twice. An address that no longer holds a valid ticket
// in the message's scope (refunded, handed on meanwhile) is skipped, not written to.

export async function sendAttendeeMessage({ recipientId }: JobPayload<"send_attendee_message">, job?: ClaimedJob): Promise<void> {
  const recipient = await prisma.attendeeMessageRecipient.findUnique({
    where: { id: recipientId },
    include: { message: { select: { eventId: true, sessionId: true, subject: true, body: true } } },
  });
  if (!recipient || recipient.status !== "pending") return;
  const { message } = recipient;
  const [holds] = await sql<{ holds: boolean }>`
    SELECT EXISTS (SELECT 1 FROM attendee_tickets(${message.eventId}::uuid, '-infinity', 'infinity')
                    WHERE email = ${recipient.email} AND (${message.sessionId}::uuid IS NULL OR session_id = ${message.sessionId}::uuid)) AS holds`;
  if (!holds.holds) return settle(recipientId, "skipped", null);

  const locale = toLocale(recipient.locale);
  const [event, session] = await Promise.all([
    prisma.event.findUniqueOrThrow({ where: { id: message.eventId }, select: TITLED_EVENT }),
    message.sessionId ? prisma.eventSession.findUnique({ where: { id: message.sessionId }, select: { startsAt: true, venue: { select: { timeZone: true } } } }) : null,
  ]);
  const email = attendeeMessageEmail({
    name: recipient.name,
    eventTitle: eventTitleIn(event, locale),
    when: session ? describeWhen({ startsAt: session.startsAt, timeZone: session.venue.timeZone, locale }) : null,
    subject: message.subject,
    body: message.body,
    locale,
  });
  try {
    await sendEmail({ to: recipient.email, ...email, idempotencyKey: jobKey("send_attendee_message", recipientId) });
  } catch (error) {
    if (!isFinalEmailFailure(error, job)) throw error;
    await settle(recipientId, "failed", failureText(error));
    // A refusal is final: the queue has nothing to retry. The last attempt's failure stays the job's.
    if (job && job.attempts >= job.max_attempts) throw error;
    return;
  }
  await settle(recipientId, "sent", null);
}

async function settle(recipientId: string, status: "sent" | "failed" | "skipped", error: string | null): Promise<void> {
  await prisma.$executeRaw`
    UPDATE attendee_message_recipients
       SET status = ${status}::delivery_status, error = ${error}, updated_at = now(), sent_at = CASE WHEN ${status} = 'sent' THEN now() END
     WHERE id = ${recipientId}::uuid AND status = 'pending'`;
}
