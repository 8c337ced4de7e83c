"use server";
import { getLocale, getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth";
import type { ActionState } from "@/lib/actions/action-state";
import { toLocalisedActionState } from "@/lib/actions/localised-action-state";
import { calendarFeedPath, createCalendarFeed, deleteCalendarFeed } from "@/lib/places/buyer-calendar";
import { appUrl } from "@/lib/urls";

/** The link travels back in this state once, to be shown once; only its hash is stored. (Neither action reads its form: the button is the whole request.) */
export type CalendarFeedState = ActionState<{ url: string | null; message: string }>;

export async function makeCalendarFeedAction(): Promise<CalendarFeedState> {
  const [user, t, tActions, locale] = await Promise.all([currentUser(), getTranslations("calendarFeed"), getTranslations("actions"), getLocale()]);
  if (!user) return { ok: false, message: t("signInAgain") };
  try {
    const token = await createCalendarFeed(user.id);
    revalidatePath(`/${locale}/account/calendar`);
    return { ok: true, url: `${appUrl()}${calendarFeedPath(token)}`, message: t("made") };
  } catch (error) {
    return toLocalisedActionState(error, { action: "make calendar feed", userId: user.id }, tActions("somethingWrong"));
  }
}

export async function turnOffCalendarFeedAction(): Promise<CalendarFeedState> {
  const [user, t, tActions, locale] = await Promise.all([currentUser(), getTranslations("calendarFeed"), getTranslations("actions"), getLocale()]);
  if (!user) return { ok: false, message: t("signInAgain") };
  try {
    await deleteCalendarFeed(user.id);
  } catch (error) {
    return toLocalisedActionState(error, { action: "turn off calendar feed", userId: user.id }, tActions("somethingWrong"));
  }
  revalidatePath(`/${locale}/account/calendar`);
  return { ok: true, url: null, message: t("turnedOff") };
}
