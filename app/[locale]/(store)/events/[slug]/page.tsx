import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Image from "next/image";
import { notFound } from "next/navigation";
import { AvailabilityBadge } from "@/components/availability-badge";
import { BookingBuyPanel } from "@/components/booking-buy-panel";
import { BuyBar } from "@/components/buy-bar";
import { MoreLikeThis } from "@/components/discovery/more-like-this";
import { SaleLinePanel } from "@/components/line/sale-line-panel";
import { ShareButton } from "@/components/share-button";
import { TicketBuyPanel } from "@/components/ticket-buy-panel";
import { currentUser } from "@/lib/auth";
import { eventBuyView } from "@/lib/catalog/event-page-view";
import { formatLongDay, formatShortDayTime } from "@/lib/catalog/format-when";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { eventJsonLd } from "@/lib/catalog/json-ld";
import { summarizeEvent } from "@/lib/catalog/summarize-event";
import { alternatesFor } from "@/lib/i18n/alternates";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { localePath } from "@/lib/i18n/paths";
import { formatMoney } from "@/lib/money";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { instantAt } from "@/lib/time";
import { appUrl } from "@/lib/urls";
import { waitlistOfferHours } from "@/lib/waitlist/offer-hours";
import { linkedRangeOffer } from "@/lib/orders/waitlist-offer-code";
import { applyVoucherAction, reserveBookingAction, reserveTicketsAction } from "../../checkout/actions";
import { joinRangeWaitlistAction, joinWaitlistAction } from "../../waitlist/actions";

type Props = { params: Promise<{ slug: string; locale: Locale }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, locale } = await params;
  const event = await getPublicEventBySlug(slug, { locale, lagTolerant: true });
  if (!event) return { title: (await getTranslations("event"))("notFound") };
  const alternates = alternatesFor(locale, `/events/${event.slug}`);
  const url = alternates.canonical as string;
  return {
    title: event.title,
    description: event.summary,
    alternates,
    openGraph: { type: "website", title: event.title, description: event.summary, url, images: [{ url: `${appUrl()}${event.imagePath}`, alt: event.imageAlt }] },
    twitter: { card: "summary_large_image", title: event.title, description: event.summary },
  };
}

export default async function EventPage({ params, searchParams }: Props) {
  const [{ slug, locale }, query, user, t, tCategory] = await Promise.all([params, searchParams, currentUser(), getTranslations("event"), getTranslations("categories")]);
  const event = await getPublicEventBySlug(slug, { locale, lagTolerant: true });
  if (!event) notFound();
  const [tLanguage, tHosts] = await Promise.all([getTranslations("languages"), getTranslations("hosts")]);
  // Texts in another language than the page's are marked with it (screen readers switch voice).
  const textLang = event.language === locale ? undefined : event.language;

  const now = new Date();
  const timeZone = event.venue.timeZone;
  const { today, date, bookingDays, sessions, withYear, rules, quotedAt, formKey, maxPerOrder } = await eventBuyView(event, { date: firstParam(query.date), minutes: firstParam(query.minutes) }, locale, now);
  const summary = summarizeEvent(event);
  const category = tCategory(event.category);
  const url = `${appUrl()}${localePath(locale, `/events/${event.slug}`)}`;
  const mapUrl = event.venue.latitude !== null && event.venue.longitude !== null
    ? `https://www.openstreetmap.org/?mlat=${event.venue.latitude}&mlon=${event.venue.longitude}#map=17/${event.venue.latitude}/${event.venue.longitude}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${event.venue.address}, ${event.venue.city}`)}`;
  const priceFrom = summary.priceFromMinor === null || summary.currency === null
    ? null
    : summary.priceFromMinor === 0 ? t("free") : t("priceFrom", { price: formatMoney(summary.priceFromMinor, summary.currency, locale) });
  const bookable = event.resources.length > 0;
  const nextDate = summary.nextSession ? formatShortDayTime(summary.nextSession.startsAt, timeZone, now, locale, withYear) : null;
  const sellable = bookable || event.sessions.some((session) => session.onSale && session.remaining > 0);
  const offerHours = await waitlistOfferHours(event.id);
  // A waiting-list offer's link (docs/decisions/0021): the resource, the start it holds and its code.
  const offerCode = firstParam(query.offer);
  const offerStart = firstParam(query.start);
  const offerResource = firstParam(query.resource);
  const offer = offerResource ? await linkedRangeOffer({ resourceId: offerResource, startsAt: offerStart, code: offerCode }) : null;

  return (
    <article className="flex flex-col gap-5 pb-20 lg:pb-0">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: eventJsonLd(event, url, { venueUrl: `${appUrl()}${localePath(locale, `/venues/${event.venue.id}`)}` }) }} />
      {/* One buying panel: under the key facts on a phone; on a wide screen in a sticky side
          column that starts at the top, beside the picture, so "Reserve and pay" is on the first
          screen (1280×800). */}
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_380px] lg:gap-x-8">
        <div className="relative -mx-4 -mt-4 aspect-[16/9] overflow-hidden bg-stone-200 sm:mx-0 sm:mt-0 sm:aspect-[21/9] sm:rounded-2xl lg:col-start-1 lg:row-start-1">
          <Image src={event.imagePath} alt={event.imageAlt} fill priority sizes="(min-width: 1024px) 600px, 100vw" className="object-cover" />
        </div>
        <header className="flex flex-col gap-2 lg:col-start-1 lg:row-start-2">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{category} · {event.neighbourhood}, {event.city}</p>
          <h1 lang={textLang} className="text-2xl font-bold tracking-tight sm:text-3xl">{event.title}</h1>
          {/* What a buyer decides on, before anything else. */}
          <dl className="flex flex-col gap-1 text-base" data-testid="event-facts">
            <div>
              <dt className="sr-only">{t("when")}</dt>
              <dd className="font-semibold">
                {nextDate ? (
                  <>
                    <time dateTime={summary.nextSession!.startsAt.toISOString()}>{nextDate}</time>
                    {summary.moreDates > 0 ? <span className="font-normal text-stone-700"> · {t("moreDates", { count: summary.moreDates })}</span> : null}
                  </>
                ) : bookable ? t("openDaily") : t("noDates")}
              </dd>
            </div>
            <div>
              <dt className="sr-only">{t("where")}</dt>
              <dd className="text-stone-800">{event.venue.name} · {event.venue.neighbourhood}</dd>
            </div>
            <div>
              <dt className="sr-only">{tHosts("host")}</dt>
              <dd className="text-stone-800">
                <Link href={`/hosts/${event.host.slug}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" data-testid="hosted-by">{tHosts("hostedBy", { host: event.host.name })}</Link>
              </dd>
            </div>
            {priceFrom ? (
              <div>
                <dt className="sr-only">{t("price")}</dt>
                <dd className="flex flex-wrap items-center gap-x-2">
                  <span className="font-semibold">{priceFrom}{bookable && summary.priceFromMinor ? ` ${t("perMinutes", { minutes: event.resources[0].slotMinutes })}` : ""}</span>
                  {summary.remaining !== null && !bookable ? (
                    summary.availability === "available" ? <span className="text-sm text-stone-700">{t("placesLeft", { count: summary.remaining })}</span> : <AvailabilityBadge availability={summary.availability} />
                  ) : null}
                </dd>
              </div>
            ) : null}
          </dl>
        </header>

        <section
          id="buy"
          aria-labelledby="buy-heading"
          tabIndex={-1}
          className="min-w-0 scroll-mt-24 rounded-2xl border border-stone-200 bg-white p-4 shadow-sm focus:outline-none lg:sticky lg:top-24 lg:col-start-2 lg:row-span-3 lg:row-start-1 lg:self-start"
        >
          <div className="flex flex-col gap-4">
            <h2 id="buy-heading" className="text-xl font-semibold">{bookable ? t("bookATime") : t("tickets")}</h2>
            {event.sessions.length > 0 ? <SaleLinePanel eventId={event.id} /> : null}
            {event.sessions.length > 0 ? (
              <TicketBuyPanel
                slug={event.slug}
                sessions={sessions}
                rules={rules}
                quotedAt={quotedAt}
                formKey={formKey}
                maxPerOrder={maxPerOrder}
                signedIn={user !== null}
                action={reserveTicketsAction}
                applyVoucher={applyVoucherAction}
                initialVoucher={firstParam(query.voucher)}
                waitlist={{ offerHours, action: joinWaitlistAction.bind(null, event.slug) }}
              />
            ) : null}
            {bookingDays.map(({ resource, minutes, slots }) => (
              <section key={resource.id} id="book" aria-label={resource.name} className="flex flex-col gap-2">
                {bookingDays.length > 1 || event.sessions.length > 0 ? <h3 className="font-semibold">{resource.name}</h3> : null}
                <BookingBuyPanel
                  slug={event.slug}
                  resource={resource}
                  date={date}
                  dayLabel={formatLongDay(instantAt(date, 12 * 60, timeZone), timeZone, now, locale)}
                  minDate={today}
                  minutes={minutes}
                  slots={slots}
                  signedIn={user !== null}
                  questions={event.questions}
                  formKey={formKey}
                  action={reserveBookingAction}
                  offer={offerResource === resource.id ? offer : null}
                  waitlist={{ offerHours, action: joinRangeWaitlistAction.bind(null, event.slug) }}
                />
              </section>
            ))}
            {event.sessions.length === 0 && !bookable ? <p className="text-stone-700">{t("noDatesSentence")}</p> : null}
            {sellable ? (
              <p className="text-sm text-stone-700" data-testid="event-cancellation-policy">
                {event.cancellation.kind === "none"
                  ? t("cancellationNone")
                  : event.cancellation.kind === "fee"
                    ? t("cancellationFee", { hours: event.cancellation.cutoffHours, percent: event.cancellation.feePercent })
                    : t("cancellationFree", { hours: event.cancellation.cutoffHours })}
              </p>
            ) : null}
          </div>
        </section>

        <div className="flex flex-col gap-5 lg:col-start-1 lg:row-start-3">
          {event.untranslated ? (
            <p className="rounded-lg bg-stone-100 px-3 py-2 text-sm text-stone-700" data-testid="original-language">
              {t("original", { language: tLanguage(event.originalLanguage), reader: tLanguage(locale) })}
            </p>
          ) : event.language !== event.originalLanguage ? (
            <p className="text-sm text-stone-600" data-testid="translated-from">{t("translatedFrom", { language: tLanguage(event.originalLanguage) })}</p>
          ) : null}
          <p lang={textLang} className="text-lg text-stone-700">{event.summary}</p>
          <div><ShareButton title={event.title} url={url} /></div>
          <section aria-labelledby="about">
            <h2 id="about" className="mb-2 text-xl font-semibold">{t("about")}</h2>
            <div lang={textLang}>
              {event.description.split(/\n{2,}/).map((paragraph, index) => (
                <p key={index} className="mb-3 leading-relaxed">{paragraph}</p>
              ))}
            </div>
          </section>
          <section aria-labelledby="venue">
            <h2 id="venue" className="mb-2 text-xl font-semibold">{t("venue")}</h2>
            <p className="font-medium">{event.venue.name}</p>
            <address className="not-italic text-stone-700">{event.venue.address}, {event.venue.neighbourhood}, {event.venue.city}</address>
            {event.meetingPoint ? (
              <p className="mt-2 text-stone-800">
                <strong className="font-semibold">{t("meetingPoint")}:</strong> {event.meetingPoint}
              </p>
            ) : null}
            <a href={mapUrl} className="mt-1 inline-block font-medium text-brand-700 underline" rel="noopener noreferrer" target="_blank">
              {t("openInMap")}<span className="sr-only"> {t("opensInNewTab")}</span>
            </a>
            <p className="mt-1 text-sm text-stone-600">{t("venueTime", { timeZone })}</p>
          </section>
        </div>
      </div>
      <MoreLikeThis eventId={event.id} locale={locale} />

      {sellable ? <BuyBar targetId="buy" label={bookable ? t("bookATime") : t("getTickets")} detail={[priceFrom, nextDate ?? (bookable ? t("openDailyShort") : null)].filter(Boolean).join(" · ")} /> : null}
    </article>
  );

}
