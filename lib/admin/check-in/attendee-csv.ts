// The attendee list as CSV (lib/analytics/csv.ts: RFC 4180, formula-safe cells): one row per
// ticket, a column per question (headed by its label), checked in and when (UTC, ISO 8601).
import { toCsv } from "@/lib/analytics/csv";
import { instantToLocal } from "@/lib/admin/events/session-times";
import type { AttendeeList } from "./attendee-list";

export function attendeeCsv(list: AttendeeList): string {
  return toCsv([
    ["holder", "holder_email", "buyer_email", "ticket_type", "order_reference", "short_code", ...list.questions.map((question) => question.label), "checked_in", "checked_in_at"],
    ...list.attendees.map((attendee) => [
      attendee.holderName,
      attendee.holderEmail,
      attendee.buyerEmail,
      attendee.ticketType,
      attendee.orderReference,
      attendee.shortCode,
      ...attendee.answers,
      attendee.checkedIn ? "yes" : "no",
      attendee.checkedInAt?.toISOString() ?? "",
    ]),
  ]);
}

/** "attendees-summer-jazz-2026-12-24T20-00.csv": the event and the session's start on the venue's clock. */
export function attendeeCsvFilename(list: AttendeeList): string {
  return `attendees-${list.eventSlug}-${instantToLocal(list.startsAt, list.timeZone).replace(":", "-")}.csv`;
}
