import "server-only";
import { formatShortDayTime } from "@/lib/catalog/format-when";
import { prisma, sql } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { jobKey, type JobPayload } from "@/lib/jobs/kinds";
import { appUrl } from "@/lib/urls";
import { entrySubject } from "./entry-subject";
import { waitlistLeaveToken } from "./leave-token";
import { waitlistJoinedEmail, waitlistOfferEmail } from "./waitlist-emails";

// The waiting list's jobs (lib/jobs/kinds.ts), both queued by the SQL that made the change
// (waitlist_join, waitlist_offer) and run by lib/worker: idempotent, the email carries the job's key.

/** The page with the private link to leave (and to see where one stands). */
export function waitlistEntryPath(locale: Locale, entryId: string): string {
  return `${localePath(locale, `/waitlist/${entryId}`)}?token=${waitlistLeaveToken(entryId)}`;
}

async function loadEntry(entryId: string) {
  const entry = await prisma.waitlistEntry.findUnique({ where: { id: entryId } });
  if (!entry) return null;
  const locale: Locale = isLocale(entry.locale) ? entry.locale : "en";
  const subject = await entrySubject(entry, locale);
  return {
    entry,
    locale,
    subject,
    common: {
      name: entry.name,
      eventTitle: subject.eventTitle,
      ticketTypeName: subject.what,
      quantity: entry.quantity,
      leaveUrl: `${appUrl()}${waitlistEntryPath(locale, entry.id)}`,
      locale,
      kind: entry.resourceId ? ("time" as const) : ("places" as const),
    },
  };
}

export async function sendWaitlistJoined({ entryId }: JobPayload<"waitlist_joined">): Promise<void> {
  const loaded = await loadEntry(entryId);
  // Left or offered meanwhile: the confirmation would only confuse (the offer has its own email).
  if (!loaded || loaded.entry.status !== "waiting") return;
  const [{ position }] = await sql<{ position: number | null }>`SELECT waitlist_position(${entryId}::uuid) AS position`;
  const email = waitlistJoinedEmail({ ...loaded.common, position });
  await sendEmail({ to: loaded.entry.email, ...email, idempotencyKey: jobKey("waitlist_joined", entryId) });
}

export async function sendWaitlistOffer({ entryId }: JobPayload<"waitlist_offer">): Promise<void> {
  const loaded = await loadEntry(entryId);
  // An offer that ended before its email left (left, expired) is not sent; a used one was sent.
  const { code, offerPath, timeZone } = loaded?.subject ?? {};
  if (!loaded || loaded.entry.status !== "offered" || !loaded.entry.offerExpiresAt || !code || !offerPath) return;
  const email = waitlistOfferEmail({
    ...loaded.common,
    code,
    buyUrl: `${appUrl()}${localePath(loaded.locale, offerPath)}`,
    until: formatShortDayTime(loaded.entry.offerExpiresAt, timeZone!, new Date(), loaded.locale),
  });
  await sendEmail({ to: loaded.entry.email, ...email, idempotencyKey: jobKey("waitlist_offer", entryId) });
}
