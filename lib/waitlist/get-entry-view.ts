import "server-only";
import type { SessionUser } from "@/lib/auth/users";
import { formatShortDayTime } from "@/lib/catalog/format-when";
import { ticketTypeNameIn } from "@/lib/catalog/ticket-type-name";
import { prisma, sql } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/ids";
import { leaveTokenMatches } from "./leave-token";

export type WaitlistEntryView = {
  id: string;
  status: "waiting" | "offered" | "used" | "expired" | "left";
  quantity: number;
  position: number | null;
  eventTitle: string;
  eventSlug: string;
  ticketTypeName: string;
  code: string | null;
  offerUntil: string | null;
};

/** A waiting-list entry as its owner sees it (by its private link, or signed in as who joined); null for anyone else. */
export async function getWaitlistEntryView(options: { entryId: string; token?: string | null; viewer: SessionUser | null; locale: Locale }): Promise<WaitlistEntryView | null> {
  if (!isUuid(options.entryId)) return null;
  const entry = await prisma.waitlistEntry.findUnique({ where: { id: options.entryId } });
  if (!entry) return null;
  const mine = options.viewer !== null && entry.userId === options.viewer.id;
  if (!mine && !leaveTokenMatches(options.token, entry.leaveTokenHash)) return null;
  const type = await prisma.ticketType.findUniqueOrThrow({
    where: { id: entry.ticketTypeId },
    select: { name: true, nameTranslations: true, session: { select: { venue: { select: { timeZone: true } }, event: { select: { slug: true, title: true, language: true, translations: { select: { locale: true, title: true } } } } } } },
  });
  const event = type.session.event;
  const [{ position }] = await sql<{ position: number | null }>`SELECT waitlist_position(${entry.id}::uuid) AS position`;
  const code = entry.voucherId && entry.status === "offered" ? (await prisma.voucher.findUnique({ where: { id: entry.voucherId }, select: { code: true } }))?.code ?? null : null;
  return {
    id: entry.id,
    status: entry.status,
    quantity: entry.quantity,
    position,
    eventTitle: event.language === options.locale ? event.title : (event.translations.find((row) => row.locale === options.locale)?.title ?? event.title),
    eventSlug: event.slug,
    ticketTypeName: ticketTypeNameIn(type, options.locale),
    code,
    offerUntil: entry.offerExpiresAt && entry.status === "offered" ? formatShortDayTime(entry.offerExpiresAt, type.session.venue.timeZone, new Date(), options.locale) : null,
  };
}
