import type { Metadata } from "next";
import Image from "next/image";
import { notFound } from "next/navigation";
import { BookingPicker } from "@/components/booking-picker";
import { ShareButton } from "@/components/share-button";
import { TicketPicker } from "@/components/ticket-picker";
import { getBookableDay, getPublicEventBySlug } from "@/lib/catalog/get-event";
import { CATEGORIES } from "@/lib/catalog/types";
import { env } from "@/lib/env";
import { eventJsonLd } from "@/lib/catalog/json-ld";
import type { PageSearchParams } from "@/lib/search-params";
import { isIsoDate, localDateAndMinute } from "@/lib/time";
import { appUrl } from "@/lib/urls";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await getPublicEventBySlug((await params).slug);
  if (!event) return { title: "Event not found" };
  const url = `${appUrl()}/events/${event.slug}`;
  return {
    title: event.title,
    description: event.summary,
    alternates: { canonical: url },
    openGraph: { type: "website", title: event.title, description: event.summary, url, images: [{ url: `${appUrl()}${event.imagePath}`, alt: event.imageAlt }] },
    twitter: { card: "summary_large_image", title: event.title, description: event.summary },
  };
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export default async function EventPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const event = await getPublicEventBySlug(slug);
  if (!event) notFound();

  const timeZone = event.venue.timeZone;
  const today = localDateAndMinute(new Date(), timeZone).date;
  const requestedDate = first(query.date);
  const date = requestedDate && isIsoDate(requestedDate) && requestedDate >= today ? requestedDate : today;
  const bookingDays = await Promise.all(
    event.resources.map(async (resource) => {
      const requested = Number(first(query.minutes));
      const minutes = Number.isInteger(requested) && requested >= resource.minMinutes && requested <= resource.maxMinutes && requested % resource.slotMinutes === 0 ? requested : resource.minMinutes;
      const day = await getBookableDay(resource.id, date, minutes);
      return { resource, minutes, slots: day?.starts ?? [] };
    }),
  );
  const category = CATEGORIES.find((candidate) => candidate.value === event.category)?.label ?? event.category;
  const url = `${appUrl()}/events/${event.slug}`;
  const mapUrl = event.venue.latitude !== null && event.venue.longitude !== null
    ? `https://www.openstreetmap.org/?mlat=${event.venue.latitude}&mlon=${event.venue.longitude}#map=17/${event.venue.latitude}/${event.venue.longitude}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${event.venue.address}, ${event.venue.city}`)}`;

  return (
    <article className="flex flex-col gap-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: eventJsonLd(event, url) }} />
      <div className="relative -mx-4 aspect-[3/2] overflow-hidden bg-stone-200 sm:mx-0 sm:aspect-[21/9] sm:rounded-2xl">
        <Image src={event.imagePath} alt={event.imageAlt} fill priority sizes="(min-width: 1024px) 1024px, 100vw" className="object-cover" />
      </div>
      <header className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{category} · {event.neighbourhood}, {event.city}</p>
        <h1 className="text-3xl font-bold tracking-tight">{event.title}</h1>
        <p className="text-lg text-stone-700">{event.summary}</p>
        <div className="flex gap-2 pt-1"><ShareButton title={event.title} url={url} /></div>
      </header>

      <div className="grid gap-6 lg:grid-cols-[1fr_380px]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="about">
            <h2 id="about" className="mb-2 text-xl font-semibold">About</h2>
            {event.description.split(/\n{2,}/).map((paragraph, index) => (
              <p key={index} className="mb-3 leading-relaxed">{paragraph}</p>
            ))}
          </section>
          <section aria-labelledby="venue">
            <h2 id="venue" className="mb-2 text-xl font-semibold">Venue</h2>
            <p className="font-medium">{event.venue.name}</p>
            <address className="not-italic text-stone-700">{event.venue.address}, {event.venue.neighbourhood}, {event.venue.city}</address>
            <a href={mapUrl} className="mt-1 inline-block font-medium text-brand-700 underline" rel="noopener noreferrer" target="_blank">
              Open in map<span className="sr-only"> (opens in a new tab)</span>
            </a>
            <p className="mt-1 text-sm text-stone-600">Times are shown in the venue&apos;s local time ({timeZone}).</p>
          </section>
        </div>

        <section aria-labelledby="tickets" className="flex flex-col gap-3">
          <h2 id="tickets" className="text-xl font-semibold">{event.resources.length > 0 ? "Book a time" : "Tickets"}</h2>
          {event.sessions.map((session) => (
            <TicketPicker key={session.id} slug={event.slug} session={session} timeZone={timeZone} maxPerOrder={env().MAX_TICKETS_PER_ORDER} />
          ))}
          {bookingDays.map(({ resource, minutes, slots }) => (
            <BookingPicker key={resource.id} slug={event.slug} resource={resource} date={date} minutes={minutes} slots={slots} minDate={today} />
          ))}
          {event.sessions.length === 0 && event.resources.length === 0 ? <p className="text-stone-700">No upcoming dates right now.</p> : null}
        </section>
      </div>
    </article>
  );
}
