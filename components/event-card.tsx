import Image from "next/image";
import { useLocale, useTranslations } from "next-intl";
import type { EventCard as EventCardData } from "@/lib/catalog/types";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { formatDistance } from "@/lib/places/format-distance";
import { AvailabilityBadge } from "./availability-badge";
import { Highlighted } from "./highlighted";
import { VenueTime } from "./venue-time";

export function EventCard({ event, snippet, priority = false }: { event: EventCardData; snippet?: string; priority?: boolean }) {
  const t = useTranslations("card");
  const locale = useLocale();
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm">
      <div className="relative aspect-[3/2] bg-stone-200">
        <Image
          src={event.imagePath}
          alt={event.imageAlt}
          fill
          sizes="(min-width: 1024px) 320px, (min-width: 640px) 50vw, 100vw"
          className="object-cover"
          priority={priority}
        />
      </div>
      <div className="flex flex-1 flex-col gap-1 p-4">
        <p className="text-sm font-medium text-brand-700">
          {event.nextStartsAt ? (
            <VenueTime startsAt={event.nextStartsAt.toISOString()} timeZone={event.timeZone} />
          ) : (
            t("bookATime")
          )}
        </p>
        <h3 lang={event.language === locale ? undefined : event.language} className="text-lg font-semibold leading-snug">
          <Link href={`/events/${event.slug}`} className="after:absolute after:inset-0 focus-visible:outline-none">
            {event.title}
          </Link>
        </h3>
        <p className="text-sm text-stone-600">
          {event.venueName} · {event.neighbourhood}, {event.city}
          {event.distanceM === undefined ? null : <span className="font-medium text-stone-800" data-testid="distance"> · {t("away", { distance: formatDistance(event.distanceM, locale as Locale) })}</span>}
        </p>
        {snippet ? (
          <p lang={event.language === locale ? undefined : event.language} className="mt-1 text-sm text-stone-700"><Highlighted text={snippet} /></p>
        ) : (
          <p lang={event.language === locale ? undefined : event.language} className="mt-1 line-clamp-2 text-sm text-stone-700">{event.summary}</p>
        )}
        <div className="mt-auto flex items-center justify-between pt-3">
          <span className="font-semibold">
            {event.priceFromMinor === null ? "" : event.priceFromMinor === 0 ? t("free") : t("priceFrom", { price: formatMoney(event.priceFromMinor, event.currency, locale) })}
          </span>
          <AvailabilityBadge availability={event.availability} />
        </div>
      </div>
    </article>
  );
}
