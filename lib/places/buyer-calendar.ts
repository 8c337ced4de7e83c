import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import { buildIcsCalendar } from "@/lib/catalog/ics";
import { localePath } from "@/lib/i18n/paths";
import { toLocale } from "@/lib/i18n/locales";
import { isEmailVerified } from "@/lib/auth/users";
import { listTicketOrders } from "@/lib/tickets/list-ticket-orders";

// A buyer's own calendar feed: their tickets, to subscribe to in a calendar app (which
// cannot sign in), so the URL itself is the key. 256 random bits; only the SHA-256 is kept
// (calendar_feeds, migration 20261209100000_places), as for API tokens and emailed links.
// One feed per account; making a new link replaces the old one, which stops working at once.

const PREFIX = "cal_";
const TOKEN = /^cal_[A-Za-z0-9_-]{43}$/;
const REFRESH_MINUTES = 60;
/** Past tickets stay in the calendar this long after their day. */
const PAST_DAYS = 90;

export function hashCalendarToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new feed link for the account, replacing any earlier one. The token is returned once, to be shown once. */
export async function createCalendarFeed(userId: string): Promise<string> {
  const token = `${PREFIX}${randomBytes(32).toString("base64url")}`;
  const tokenHash = hashCalendarToken(token);
  await prisma.calendarFeed.upsert({ where: { userId }, create: { userId, tokenHash }, update: { tokenHash, createdAt: new Date() } });
  return token;
}

/** Turns the feed off: its link answers 404 from now on. */
export async function deleteCalendarFeed(userId: string): Promise<void> {
  await prisma.calendarFeed.deleteMany({ where: { userId } });
}

/** When the account's current feed link was made, or null when it has none. */
export async function calendarFeedSince(userId: string): Promise<Date | null> {
  return (await prisma.calendarFeed.findUnique({ where: { userId }, select: { createdAt: true } }))?.createdAt ?? null;
}

/** The path of a feed link (under /api, outside the languages). */
export function calendarFeedPath(token: string): string {
  return `/api/calendar/tickets/${token}`;
}

/**
 * The .ics of the tickets of the feed's owner: their paid orders with valid tickets (the same
 * orders as My tickets: the account's, and guest orders of its verified email), each linking
 * to its order page; null for an unknown, malformed or replaced token.
 */
export async function buyerCalendar(token: string, appUrl: string, now = new Date()): Promise<string | null> {
  if (!TOKEN.test(token)) return null;
  const feed = await prisma.calendarFeed.findUnique({
    where: { tokenHash: hashCalendarToken(token) },
    select: { user: { select: { id: true, email: true, emailVerifiedAt: true, orders: { take: 1, orderBy: { createdAt: "desc" }, select: { locale: true } } } } },
  });
  if (!feed) return null;
  const user = feed.user;
  const locale = toLocale(user.orders[0]?.locale);
  const verified = isEmailVerified({ emailVerified: user.emailVerifiedAt !== null });
  const { upcoming, past } = await listTicketOrders({ userId: user.id, verifiedEmail: verified ? user.email.toLowerCase() : null }, now);
  const since = now.getTime() - PAST_DAYS * 86_400_000;
  const orders = [...upcoming, ...past.filter((order) => order.endsAt.getTime() > since)].filter((order) => order.status === "paid" && order.ticketCount > 0);
  return buildIcsCalendar(
    orders.map((order) => ({
      event: { title: order.eventTitle, summary: "", slug: "", venueName: order.venueName, address: "", path: localePath(locale, `/orders/${order.id}`) },
      session: { id: order.id, uid: `order-${order.id}`, startsAt: order.startsAt, endsAt: order.endsAt },
    })),
    appUrl,
    { now, name: "Local Tickets", refreshMinutes: REFRESH_MINUTES },
  );
}
