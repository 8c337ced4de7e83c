import "server-only";
import { prisma, sql } from "@/lib/db";
import { reminderEmail } from "@/lib/email/attendee-templates";
import { isFinalEmailFailure } from "@/lib/email/delivery-failure";
import { sendEmail } from "@/lib/email/send-email";
import { eventTitleIn, TITLED_EVENT } from "@/lib/attendee-messages/event-title";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { jobKey, type JobPayload } from "@/lib/jobs/kinds";
import type { ClaimedJob } from "@/lib/jobs/queue";
import { deliveryAccessToken, withAccess } from "@/lib/orders/order-access";
import { orderCalendarFile } from "@/lib/places/order-calendar";
import { describeWhen } from "@/lib/tickets/describe-when";
import { appUrl } from "@/lib/urls";

// The `send_reminder` job: one email for the tickets of one batch (one order, one address, one
// session or booked time; enqueue-due-reminders.ts). It may run more than once, so the email
// carries the job's key (Resend and the outbox send it once) and the rows move from pending
// only. A ticket refunded or handed on since the scan is skipped; so is a batch whose start
// has passed (a reminder after the start helps nobody).

type DueTicket = { ticket_id: string; order_id: string; session_id: string | null; booking_id: string | null; starts_at: Date; ends_at: Date; name: string; locale: string };

export async function sendReminder({ batchId }: JobPayload<"send_reminder">, job?: ClaimedJob): Promise<void> {
  const rows = await sql<{ ticket_id: string; email: string; event_id: string; buyer_email: string }>`
    SELECT r.ticket_id, r.email, o.event_id, lower(o.buyer_email) AS buyer_email
      FROM ticket_reminders r JOIN tickets t ON t.id = r.ticket_id JOIN orders o ON o.id = t.order_id
     WHERE r.batch_id = ${batchId}::uuid AND r.status = 'pending'
     ORDER BY t.created_at, t.id`;
  if (rows.length === 0) return;
  const ids = rows.map((row) => row.ticket_id);
  const valid = await sql<DueTicket>`
    SELECT ticket_id, order_id, session_id, booking_id, starts_at, ends_at, name, locale
      FROM attendee_tickets(${rows[0].event_id}::uuid, now(), 'infinity')
     WHERE ticket_id = ANY(${ids}::uuid[]) AND NOT cancelled`;
  const validIds = valid.map((ticket) => ticket.ticket_id);
  await settle(batchId, ids.filter((id) => !validIds.includes(id)), "skipped");
  if (valid.length === 0) return;

  const first = valid[0];
  const to = rows[0].email;
  const locale = toLocale(first.locale);
  const base = appUrl();
  const place = await placeOf(first);
  // The buyer opens the order by its private link (kept offline once opened); a holder their ticket's page.
  const ticketsUrl =
    to === rows[0].buyer_email
      ? `${base}${withAccess(localePath(locale, `/orders/${first.order_id}`), await deliveryAccessToken(first.order_id))}`
      : `${base}${localePath(locale, `/tickets/${first.ticket_id}`)}`;
  const email = reminderEmail({
    name: first.name,
    eventTitle: eventTitleIn(place.event, locale),
    when: describeWhen({ startsAt: first.starts_at, endsAt: first.ends_at, range: first.booking_id !== null, timeZone: place.venue.timeZone, locale }),
    venueName: place.venue.name,
    venueAddress: place.venue.address,
    meetingPoint: place.event.meetingPoint,
    ticketCount: valid.length,
    ticketsUrl,
    locale,
  });
  const calendar = await orderCalendarFile(first.order_id, base);
  try {
    await sendEmail({ to, ...email, attachments: calendar ? [calendar] : [], idempotencyKey: jobKey("send_reminder", batchId) });
  } catch (error) {
    if (!isFinalEmailFailure(error, job)) throw error;
    await settle(batchId, validIds, "failed");
    if (job && job.attempts >= job.max_attempts) throw error;
    return;
  }
  await settle(batchId, validIds, "sent");
}

async function placeOf(ticket: DueTicket) {
  const event = { select: { ...TITLED_EVENT, meetingPoint: true } } as const;
  const venue = { select: { name: true, address: true, timeZone: true } } as const;
  if (ticket.session_id) return prisma.eventSession.findUniqueOrThrow({ where: { id: ticket.session_id }, select: { event, venue } });
  const booking = await prisma.booking.findUniqueOrThrow({ where: { id: ticket.booking_id! }, select: { resource: { select: { event, venue } } } });
  return booking.resource;
}

async function settle(batchId: string, ticketIds: string[], status: "sent" | "failed" | "skipped"): Promise<void> {
  if (ticketIds.length === 0) return;
  await prisma.$executeRaw`
    UPDATE ticket_reminders SET status = ${status}::delivery_status, sent_at = CASE WHEN ${status} = 'sent' THEN now() END
     WHERE batch_id = ${batchId}::uuid AND ticket_id = ANY(${ticketIds}::uuid[]) AND status = 'pending'`;
}
