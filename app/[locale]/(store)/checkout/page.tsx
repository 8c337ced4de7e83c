import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CheckoutTicketsForm } from "@/components/checkout-tickets-form";
import { requireUser } from "@/lib/auth";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { toSearchParams, type PageSearchParams } from "@/lib/search-params";
import { formatLongDay, formatTime } from "@/lib/catalog/format-when";
import { reserveTicketsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title"), robots: { index: false } };
}

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<PageSearchParams> };

export default async function CheckoutPage({ params: routeParams, searchParams }: Props) {
  const [{ locale }, t] = await Promise.all([routeParams, getTranslations("checkout")]);
  const params = toSearchParams(await searchParams);
  // The chosen tickets live in this URL, so signing in or up on the way keeps them.
  await requireUser(`/checkout?${params.toString()}`, locale);
  const event = await getPublicEventBySlug(params.get("event") ?? "", { locale });
  const session = event?.sessions.find((candidate) => candidate.id === params.get("session"));
  if (!event || !session) notFound();

  const lines = session.ticketTypes.map((type) => ({
    id: type.id,
    name: type.name,
    priceMinor: type.priceMinor,
    currency: type.currency,
    remaining: type.remaining,
    // Clamped for display only: the reservation checks the real limits and says what is wrong.
    quantity: Math.min(99, Math.max(0, Number.parseInt(params.get(`qty_${type.id}`) ?? "0", 10) || 0)),
  }));

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <Link href={`/events/${event.slug}`} className="text-sm font-medium text-brand-700 underline">{t("back", { title: event.title })}</Link>
      <h1 className="text-2xl font-bold">{t("yourTickets")}</h1>
      <p className="text-stone-700">
        {event.title} · {formatLongDay(session.startsAt, event.venue.timeZone, undefined, locale)}, {formatTime(session.startsAt, event.venue.timeZone, locale)} · {event.venue.name}
      </p>
      <CheckoutTicketsForm lines={lines} changeHref={`/events/${event.slug}#buy`} action={reserveTicketsAction} />
    </div>
  );
}
