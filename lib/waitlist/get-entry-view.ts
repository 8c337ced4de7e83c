import "server-only";
import type { SessionUser } from "@/lib/auth/users";
import { formatShortDayTime } from "@/lib/catalog/format-when";
import { prisma, sql } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/ids";
import { entrySubject } from "./entry-subject";
import { leaveTokenMatches } from "./leave-token";

export type WaitlistEntryView = {
  id: string;
  status: "waiting" | "offered" | "used" | "expired" | "left";
  quantity: number;
  position: number | null;
  eventTitle: string;
  eventSlug: string;
  /** A ticket type's name, or a bookable time range ("Guide, Sat 12 Dec 10:00–12:00"). */
  ticketTypeName: string;
  /** A time range's entry (docs/decisions/0021): the page says "time", not "places". */
  range: boolean;
  code: string | null;
  /** The event page with the open offer applied (without the locale). */
  offerPath: string | null;
  offerUntil: string | null;
};

/** A waiting-list entry as its owner sees it (by its private link, or signed in as who joined); null for anyone else. */
export async function getWaitlistEntryView(options: { entryId: string; token?: string | null; viewer: SessionUser | null; locale: Locale }): Promise<WaitlistEntryView | null> {
  if (!isUuid(options.entryId)) return null;
  const entry = await prisma.waitlistEntry.findUnique({ where: { id: options.entryId } });
  if (!entry) return null;
  const mine = options.viewer !== null && entry.userId === options.viewer.id;
  if (!mine && !leaveTokenMatches(options.token, entry.leaveTokenHash)) return null;
  const subject = await entrySubject(entry, options.locale);
  const [{ position }] = await sql<{ position: number | null }>`SELECT waitlist_position(${entry.id}::uuid) AS position`;
  return {
    id: entry.id,
    status: entry.status,
    quantity: entry.quantity,
    position,
    eventTitle: subject.eventTitle,
    eventSlug: subject.eventSlug,
    ticketTypeName: subject.what,
    range: entry.resourceId !== null,
    code: subject.code,
    offerPath: subject.offerPath,
    offerUntil: entry.offerExpiresAt && entry.status === "offered" ? formatShortDayTime(entry.offerExpiresAt, subject.timeZone, new Date(), options.locale) : null,
  };
}
