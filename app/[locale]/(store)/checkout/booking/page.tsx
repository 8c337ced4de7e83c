import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CheckoutBookingForm } from "@/components/checkout-booking-form";
import { currentUser } from "@/lib/auth";
import { localePath } from "@/lib/i18n/paths";
import { saleRulesOf } from "@/lib/catalog/event-sale-rules";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { env } from "@/lib/env";
import { bookingPriceMinor, quoteBooking } from "@/lib/orders/quote-booking";
import { fromRefusal } from "@/lib/orders/refusals";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { toSearchParams, type PageSearchParams } from "@/lib/search-params";
import { formatLongDay, formatTime } from "@/lib/catalog/format-when";
import { reserveBookingAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("bookTitle"), robots: { index: false } };
}

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<PageSearchParams> };

export default async function BookingCheckoutPage({ params: routeParams, searchParams }: Props) {
  const [{ locale }, t] = await Promise.all([routeParams, getTranslations("checkout")]);
  const params = toSearchParams(await searchParams);
  const user = await currentUser();
  const event = await getPublicEventBySlug(params.get("event") ?? "", { locale });
  const resource = event?.resources.find((candidate) => candidate.id === params.get("resource"));
  const start = new Date(params.get("start") ?? "");
  const minutes = Number(params.get("minutes"));
  if (!event || !resource || Number.isNaN(start.getTime()) || !Number.isInteger(minutes) || minutes <= 0) notFound();

  const end = new Date(start.getTime() + minutes * 60_000);
  // Priced (and its rules checked) by the same quote the purchase commits.
  const quoted = quoteBooking(saleRulesOf(event, env().MAX_TICKETS_PER_ORDER), { resourceId: resource.id, start, minutes }, { now: new Date(), eventNamed: false });
  const refusal = quoted.ok ? null : fromRefusal(quoted);
  const tErrors = await getTranslations("orderErrors");
  const zone = event.venue.timeZone;
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <Link href={`/events/${event.slug}`} className="text-sm font-medium text-brand-700 underline">{t("back", { title: event.title })}</Link>
      <h1 className="text-2xl font-bold">{t("yourBooking")}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-2xl border border-stone-200 bg-white p-4">
        <dt className="text-stone-600">{t("what")}</dt><dd className="font-medium">{event.title} · {resource.name}</dd>
        <dt className="text-stone-600">{t("when")}</dt>
        <dd className="font-medium">
          {formatLongDay(start, zone, undefined, locale)}, {formatTime(start, zone, locale)}–{formatTime(end, zone, locale)}
        </dd>
        <dt className="text-stone-600">{t("where")}</dt><dd>{event.venue.name}, {event.venue.address}</dd>
        <dt className="text-stone-600">{t("price")}</dt><dd className="font-medium">{formatMoney(bookingPriceMinor(resource, minutes), resource.currency, locale)}</dd>
      </dl>
      {refusal?.messageKey ? (
        <p className="rounded-2xl border border-stone-200 bg-white p-4 font-medium text-red-700" role="alert">
          {tErrors(refusal.messageKey, refusal.messageValues)}{" "}
          <Link href={`/events/${event.slug}#book`} className="text-brand-700 underline">{t("chooseAnotherTime")}</Link>
        </p>
      ) : (
        <CheckoutBookingForm resourceId={resource.id} start={start.toISOString()} minutes={minutes} expectedTotalMinor={quoted.ok ? quoted.quote.totalMinor : undefined} formKey={randomUUID()}
          signInHref={user ? null : localePath(locale, `/sign-in?callbackUrl=${encodeURIComponent(`/checkout/booking?${params.toString()}`)}`)}
          questions={event.questions}
          place={{ ticketTypeId: null, label: resource.name }}
          action={reserveBookingAction}
        />
      )}
    </div>
  );
}
