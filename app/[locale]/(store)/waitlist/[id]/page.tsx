import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { WaitlistLeave } from "@/components/waitlist-leave";
import { currentUser } from "@/lib/auth";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { getWaitlistEntryView } from "@/lib/waitlist/get-entry-view";
import { leaveWaitlistAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("waitlist"))("pageTitle"), robots: { index: false } };
}

/** A place on a waiting list, opened by the private link of its emails (or signed in): where it stands, and leaving. */
export default async function WaitlistEntryPage({ params, searchParams }: { params: Promise<{ id: string; locale: Locale }>; searchParams: Promise<PageSearchParams> }) {
  const [{ id, locale }, query, t, user] = await Promise.all([params, searchParams, getTranslations("waitlist"), currentUser()]);
  const token = firstParam(query.token) ?? null;
  const entry = await getWaitlistEntryView({ entryId: id, token, viewer: user, locale });
  return (
    <article className="mx-auto flex max-w-xl flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">{t("pageTitle")}</h1>
      {!entry ? (
        <p className="text-stone-700">{t("notFound")}</p>
      ) : (
        <>
          <p className="text-lg" data-testid="waitlist-status">
            {entry.status === "waiting"
              ? entry.range
                ? t("statusWaitingRange", { what: entry.ticketTypeName, event: entry.eventTitle, position: entry.position ?? 1 })
                : t("statusWaiting", { count: entry.quantity, type: entry.ticketTypeName, event: entry.eventTitle, position: entry.position ?? 1 })
              : entry.status === "offered"
                ? entry.range
                  ? t("statusOfferedRange", { what: entry.ticketTypeName, event: entry.eventTitle, until: entry.offerUntil ?? "" })
                  : t("statusOffered", { count: entry.quantity, type: entry.ticketTypeName, event: entry.eventTitle, until: entry.offerUntil ?? "", code: entry.code ?? "" })
                : entry.status === "used" ? t("endedUsed") : entry.status === "expired" ? t("endedExpired") : t("endedLeft")}
          </p>
          {entry.status === "offered" && entry.offerPath ? (
            <div>
              <Link href={entry.offerPath} className="inline-flex min-h-12 items-center rounded-xl bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
                {entry.range ? t("bookNow") : t("buyNow")}
              </Link>
            </div>
          ) : null}
          {entry.status === "waiting" || entry.status === "offered" ? <WaitlistLeave action={leaveWaitlistAction.bind(null, entry.id, token)} /> : null}
        </>
      )}
    </article>
  );
}
