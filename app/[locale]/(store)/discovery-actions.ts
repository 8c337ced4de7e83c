"use server";
import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth";
import { forgetGuestViews, readGuestViews, rememberGuestView } from "@/lib/discovery/guest-views";
import { setPersonalPicks } from "@/lib/discovery/personal-picks";
import { recordEventView } from "@/lib/discovery/record-event-view";
import { isUuid } from "@/lib/ids";

/**
 * An event page was seen (components/discovery/record-view.tsx, after it loaded): a signed-in
 * buyer's view is recorded while their setting allows it; a guest's joins this browser's
 * visit history (a cookie), set only when it changes, since setting a cookie re-renders the page.
 */
export async function recordEventViewAction(eventId: string): Promise<void> {
  if (!isUuid(eventId)) return;
  const user = await currentUser();
  if (user) {
    await recordEventView(user.id, eventId);
    return;
  }
  if ((await readGuestViews())[0] !== eventId.toLowerCase()) await rememberGuestView(eventId);
}

/** The account's "personal picks" switch (/account). Off also forgets this browser's guest history. */
export async function setPersonalPicksAction(formData: FormData): Promise<void> {
  const [user, locale] = await Promise.all([currentUser(), getLocale()]);
  if (!user) return;
  const enabled = formData.get("enabled") === "true";
  await setPersonalPicks(user.id, enabled);
  if (!enabled) await forgetGuestViews();
  revalidatePath(`/${locale}/account`);
}
