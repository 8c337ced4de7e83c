import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { listSimilarEvents } from "@/lib/discovery/similar-events";
import type { Locale } from "@/lib/i18n/locales";
import { EventCardList } from "./event-card-list";
import { RecordView } from "./record-view";

/**
 * "More like this" at the foot of an event page, and the view it records for "For you".
 * Streamed (Suspense): the page and its buy panel never wait for the recommendations.
 */
export function MoreLikeThis({ eventId, locale }: { eventId: string; locale: Locale }) {
  return (
    <>
      <RecordView eventId={eventId} />
      <Suspense fallback={null}>
        <SimilarEvents eventId={eventId} locale={locale} />
      </Suspense>
    </>
  );
}

async function SimilarEvents({ eventId, locale }: { eventId: string; locale: Locale }) {
  const [events, t] = await Promise.all([listSimilarEvents(eventId, { locale }), getTranslations("discovery")]);
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="more-like-this" className="flex flex-col gap-3" data-testid="more-like-this">
      <h2 id="more-like-this" className="text-xl font-semibold">{t("moreLikeThis")}</h2>
      <EventCardList events={events} label={t("moreLikeThis")} />
    </section>
  );
}
