"use server";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import type { ActionState } from "@/lib/actions/action-state";
import { toActionState } from "@/lib/actions/to-action-state";
import { mayGuestBuy } from "@/lib/api/rate-limits";
import { currentUser } from "@/lib/auth";
import { env } from "@/lib/env";
import { isLocale } from "@/lib/i18n/locales";
import { isWaitlistError, type WaitlistError } from "@/lib/waitlist/errors";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { leaveWaitlist } from "@/lib/waitlist/leave-waitlist";

type Translate = Awaited<ReturnType<typeof getTranslations<"waitlist">>>;

/** A refusal of the waiting list in the reader's words, beside its field (`range`: a bookable time's list). */
function said(error: WaitlistError, t: Translate, range = false): ActionState {
  const message =
    error.code === "has_places" ? (range ? t("rangeHasPlaces") : t("hasPlaces", { available: Number(error.extensions?.available ?? 0) }))
    : error.code === "already_waiting" ? (range ? t("rangeAlreadyWaiting") : t("alreadyWaiting"))
    : error.code === "not_on_sale" || error.code === "not_found" ? (range ? t("rangeNotOnSale") : t("notOnSale"))
    : range && error.fieldErrors?.startsAt ? t("rangeNotOnSale")
    : error.fieldErrors?.email ? t("enterEmail")
    : error.fieldErrors?.name ? t("enterName")
    : error.fieldErrors?.quantity ? t("tooMany", { max: env().MAX_TICKETS_PER_ORDER })
    : t("checkFields");
  const field = Object.keys(error.fieldErrors ?? {})[0];
  return { ok: false, message, ...(field ? { fieldErrors: { [field]: message } } : {}) };
}

/** "Join the waiting list" on an event page's buy panel (issue 29.3): a guest or a signed-in buyer. */
export async function joinWaitlistAction(slug: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  return joinFrom(slug, formData, { ticketTypeId: String(formData.get("ticketTypeId") ?? ""), quantity: String(formData.get("quantity") ?? "1") });
}

/** "Join the waiting list for this time" under the booking panel when the chosen time is taken (docs/decisions/0021). */
export async function joinRangeWaitlistAction(slug: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  return joinFrom(slug, formData, {
    resourceId: String(formData.get("resourceId") ?? ""),
    startsAt: String(formData.get("startsAt") ?? ""),
    endsAt: String(formData.get("endsAt") ?? ""),
  });
}

async function joinFrom(slug: string, formData: FormData, what: Record<string, string>): Promise<ActionState> {
  const [t, locale, user] = await Promise.all([getTranslations("waitlist"), getLocale(), currentUser()]);
  const range = "resourceId" in what;
  const input = { ...what, ...(user ? {} : { email: String(formData.get("email") ?? ""), name: String(formData.get("name") ?? "") }) };
  if (!user && input.email) {
    // Each join sends an email: a guest's joins share the purchase allowance (per email and address).
    const limit = await mayGuestBuy(input.email.trim().toLowerCase(), await headers());
    if (!limit.allowed) return { ok: false, message: t("tooManyAttempts"), retryAfterSeconds: limit.retryAfterSeconds };
  }
  try {
    const joined = await joinWaitlist({ event: { slug }, input, viewer: user, locale: isLocale(locale) ? locale : "en" });
    return { ok: true, message: range ? t("rangeJoined", { position: joined.position }) : t("joined", { position: joined.position }) };
  } catch (error) {
    if (isWaitlistError(error)) return said(error, t, range);
    return toActionState(error, { action: "waitlist.join", slug }, t("somethingWrong"));
  }
}

/** "Leave the waiting list" on the entry's private page. */
export async function leaveWaitlistAction(entryId: string, token: string | null): Promise<ActionState> {
  const [t, user] = await Promise.all([getTranslations("waitlist"), currentUser()]);
  try {
    await leaveWaitlist({ entryId, token, viewer: user });
    return { ok: true, message: t("left") };
  } catch (error) {
    if (isWaitlistError(error)) {
      const status = error.extensions?.status;
      return { ok: false, message: error.code === "not_found" ? t("notFound") : status === "used" ? t("endedUsed") : status === "expired" ? t("endedExpired") : t("endedLeft") };
    }
    return toActionState(error, { action: "waitlist.leave", entryId }, t("somethingWrong"));
  }
}
