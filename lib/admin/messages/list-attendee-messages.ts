import "server-only";
import { prisma, sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { describeWhen } from "@/lib/tickets/describe-when";
import { assertAdmin, type Actor } from "../authorize";
import { hostWhere } from "../host-scope";

export type DeliveryCounts = { pending: number; sent: number; bounced: number; failed: number; skipped: number };
export type SessionChoice = { id: string; label: string };
export type MessageSummary = { id: string; subject: string; scope: string; createdAt: Date; fannedOut: boolean; counts: DeliveryCounts };
export type EventMessages = {
  event: { id: string; title: string; reminderHoursBefore: number; meetingPoint: string | null };
  sessions: SessionChoice[];
  messages: MessageSummary[];
  reminders: DeliveryCounts;
};

const NONE: DeliveryCounts = { pending: 0, sent: 0, bounced: 0, failed: 0, skipped: 0 };

function countsOf(rows: { status: string; count: number }[]): DeliveryCounts {
  const counts = { ...NONE };
  for (const row of rows) counts[row.status as keyof DeliveryCounts] = row.count;
  return counts;
}

/** The event's messages to attendees, newest first, each with its delivery counts; and how its reminders went. */
export async function listAttendeeMessages(options: { actor: Actor | null; eventId: string }): Promise<EventMessages | null> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.eventId)) return null;
  const event = await prisma.event.findFirst({
    where: { id: options.eventId, ...hostWhere(actor) },
    select: { id: true, title: true, reminderHoursBefore: true, meetingPoint: true, sessions: { orderBy: { startsAt: "asc" }, select: { id: true, startsAt: true, venue: { select: { timeZone: true } } } } },
  });
  if (!event) return null;
  const sessions = event.sessions.map((session) => ({ id: session.id, label: describeWhen({ startsAt: session.startsAt, timeZone: session.venue.timeZone }) }));
  const [messages, counts, reminders] = await Promise.all([
    prisma.attendeeMessage.findMany({ where: { eventId: event.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100 }),
    sql<{ message_id: string; status: string; count: number }>`
      SELECT r.message_id, r.status::text, count(*)::int AS count
        FROM attendee_message_recipients r JOIN attendee_messages m ON m.id = r.message_id
       WHERE m.event_id = ${event.id}::uuid GROUP BY r.message_id, r.status`,
    sql<{ status: string; count: number }>`
      SELECT r.status::text, count(*)::int AS count
        FROM ticket_reminders r JOIN tickets t ON t.id = r.ticket_id JOIN orders o ON o.id = t.order_id
       WHERE o.event_id = ${event.id}::uuid GROUP BY r.status`,
  ]);
  const labels = new Map(sessions.map((session) => [session.id, session.label]));
  return {
    event: { id: event.id, title: event.title, reminderHoursBefore: event.reminderHoursBefore, meetingPoint: event.meetingPoint },
    sessions,
    messages: messages.map((message) => ({
      id: message.id,
      subject: message.subject,
      scope: message.sessionId ? labels.get(message.sessionId) ?? "A date of this event" : "Everyone with a ticket",
      createdAt: message.createdAt,
      fannedOut: message.fannedOutAt !== null,
      counts: countsOf(counts.filter((row) => row.message_id === message.id)),
    })),
    reminders: countsOf(reminders),
  };
}

export type MessageRecipient = { id: string; email: string; name: string; locale: string; status: string; error: string | null; sentAt: Date | null };
export type MessageDetail = { id: string; eventId: string; eventTitle: string; subject: string; body: string; scope: string; createdAt: Date; fannedOut: boolean; counts: DeliveryCounts; recipients: MessageRecipient[] };

/** One message with each recipient's status (bounced and failed first, then pending, then the rest by address). */
export async function getAttendeeMessage(options: { actor: Actor | null; eventId: string; messageId: string }): Promise<MessageDetail | null> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.eventId) || !isUuid(options.messageId)) return null;
  if (!(await prisma.event.count({ where: { id: options.eventId, ...hostWhere(actor) } }))) return null;
  const message = await prisma.attendeeMessage.findFirst({
    where: { id: options.messageId, eventId: options.eventId },
    include: { recipients: { orderBy: [{ status: "asc" }, { email: "asc" }], take: 2000 } },
  });
  if (!message) return null;
  const [event, session, counts] = await Promise.all([
    prisma.event.findUniqueOrThrow({ where: { id: message.eventId }, select: { title: true } }),
    message.sessionId ? prisma.eventSession.findUnique({ where: { id: message.sessionId }, select: { startsAt: true, venue: { select: { timeZone: true } } } }) : null,
    prisma.attendeeMessageRecipient.groupBy({ by: ["status"], where: { messageId: message.id }, _count: { _all: true } }),
  ]);
  const order: Record<string, number> = { bounced: 0, failed: 0, pending: 1, sent: 2, skipped: 3 };
  return {
    id: message.id,
    eventId: message.eventId,
    eventTitle: event.title,
    subject: message.subject,
    body: message.body,
    scope: session ? describeWhen({ startsAt: session.startsAt, timeZone: session.venue.timeZone }) : "Everyone with a ticket",
    createdAt: message.createdAt,
    fannedOut: message.fannedOutAt !== null,
    counts: countsOf(counts.map((row) => ({ status: row.status, count: row._count._all }))),
    recipients: message.recipients
      .map(({ id, email, name, locale, status, error, sentAt }) => ({ id, email, name, locale, status, error, sentAt }))
      .sort((a, b) => order[a.status] - order[b.status] || a.email.localeCompare(b.email)),
  };
}
