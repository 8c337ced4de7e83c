import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CalendarFeed } from "@/components/calendar-feed";
import { requireUser } from "@/lib/auth";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { calendarFeedSince } from "@/lib/places/buyer-calendar";
import { formatInZone } from "@/lib/time";
import { makeCalendarFeedAction, turnOffCalendarFeedAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calendarFeed"))("title"), robots: { index: false } };
}

export default async function CalendarFeedPage({ params }: { params: Promise<{ locale: Locale }> }) {
  const [{ locale }, t, tAccount] = await Promise.all([params, getTranslations("calendarFeed"), getTranslations("account")]);
  const user = await requireUser("/account/calendar", locale);
  const since = await calendarFeedSince(user.id);
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <p className="text-sm"><Link href="/account" className="font-medium text-brand-700 underline">{tAccount("title")}</Link></p>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="text-stone-700">{t("intro")}</p>
      <p className="text-sm text-stone-700">{t("privateNote")}</p>
      <CalendarFeed
        since={since ? formatInZone(since, "UTC", { day: "numeric", month: "short", year: "numeric" }, locale) : null}
        makeAction={makeCalendarFeedAction}
        turnOffAction={turnOffCalendarFeedAction}
      />
    </div>
  );
}
