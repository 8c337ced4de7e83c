import "server-only";
import { prisma } from "@/lib/db";
import { isEmailVerified, type SessionUser } from "@/lib/auth/users";
import type { EventCard } from "@/lib/catalog/types";
import type { Locale } from "@/lib/i18n/locales";
import { personalPicksEnabled } from "./personal-picks";
import { queryPicksFor } from "./recommendations-sql";

/**
 * What the home page's "For you" shows: `account` picks (from the account's orders and its
 * recorded views), `visit` picks (a guest's views on this browser), or nothing: the setting
 * is off, or there is nothing to go on yet.
 */
export type PicksForYou = { kind: "account" | "visit"; items: EventCard[] } | { kind: "off" | "none"; items: [] };

export async function listPicksForYou(
  who: { user: SessionUser | null; guestViews: string[] },
  options: { locale?: Locale; now?: Date; limit?: number } = {},
): Promise<PicksForYou> {
  const { user } = who;
  if (user && !(await personalPicksEnabled(user.id))) return { kind: "off", items: [] };
  const items = user
    ? await queryPicksFor(prisma, { userId: user.id, verifiedEmail: isEmailVerified(user) ? user.email.toLowerCase() : null, viewedEventIds: [] }, options)
    : await queryPicksFor(prisma, { userId: null, verifiedEmail: null, viewedEventIds: who.guestViews }, options);
  if (items.length === 0) return { kind: "none", items: [] };
  return { kind: user ? "account" : "visit", items };
}
