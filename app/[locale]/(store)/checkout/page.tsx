import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { CheckoutTicketsForm } from "@/components/checkout-tickets-form";
import { currentUser } from "@/lib/auth";
import { localePath } from "@/lib/i18n/paths";
import { saleRulesOf } from "@/lib/catalog/event-sale-rules";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { env } from "@/lib/env";
import { quoteTickets } from "@/lib/orders/quote-tickets";
import { fromRefusal } from "@/lib/orders/refusals";
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
  // The chosen tickets live in this URL, so signing in on the way keeps them; a guest buys here
  // with an email and a name (issue 27).
  const user = await currentUser();
  const event = await getPublicEventBySlug(params.get("event") ?? "", { locale });
  const session = event?.sessions.find((candidate) => candidate.id === params.get("session"));
  if (!event || !session) notFound();

  // Priced by the same quote the purchase commits; a choice it refuses (over the limit, no
  // longer on sale) is said here, with the way back to change it.
  const selection = session.ticketTypes.map((type) => ({
    ticketTypeId: type.id,
    quantity: Math.min(1000, Math.max(0, Number.parseInt(params.get(`qty_${type.id}`) ?? "0", 10) || 0)),
  }));
  const quoted = quoteTickets(saleRulesOf(event, env().MAX_TICKETS_PER_ORDER), selection, { now: new Date(), eventNamed: false });
  const refusal = quoted.ok || quoted.code === "choose_one" ? null : fromRefusal(quoted);
  const tErrors = await getTranslations("orderErrors");

  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4">
      <Link href={`/events/${event.slug}`} className="text-sm font-medium text-brand-700 underline">{t("back", { title: event.title })}</Link>
      <h1 className="text-2xl font-bold">{t("yourTickets")}</h1>
      <p className="text-stone-700">
        {event.title} · {formatLongDay(session.startsAt, event.venue.timeZone, undefined, locale)}, {formatTime(session.startsAt, event.venue.timeZone, locale)} · {event.venue.name}
      </p>
      <CheckoutTicketsForm
        quote={quoted.ok ? quoted.quote : null}
        refusal={refusal?.messageKey ? tErrors(refusal.messageKey, refusal.messageValues) : null}
        formKey={randomUUID()}
        changeHref={`/events/${event.slug}#buy`}
        signInHref={user ? null : localePath(locale, `/sign-in?callbackUrl=${encodeURIComponent(`/checkout?${params.toString()}`)}`)}
        questions={event.questions}
        action={reserveTicketsAction}
      />
    </div>
  );
}
