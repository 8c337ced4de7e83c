import { useTranslations } from "next-intl";
import type { EventCard as EventCardData, Page } from "@/lib/catalog/types";
import { EventCard } from "./event-card";
import { Pagination } from "./pagination";

/** The on-sale events of a city or a venue page, with their count and pages. */
export function PlaceEvents({ events, hrefFor }: { events: Page<EventCardData>; hrefFor: (page: number) => string }) {
  const t = useTranslations("places");
  return (
    <section aria-labelledby="on-sale" className="flex flex-col gap-3">
      <h2 id="on-sale" className="text-lg font-semibold">{t("onSale", { count: events.total })}</h2>
      {events.items.length === 0 ? (
        <p className="rounded-xl bg-white p-4 text-stone-700">{t("nothingOnSale")}</p>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {events.items.map((event, index) => (
            <li key={event.id} className="flex"><EventCard event={event} priority={index < 2} /></li>
          ))}
        </ul>
      )}
      <Pagination page={events.page} pageCount={events.pageCount} hrefFor={hrefFor} />
    </section>
  );
}
