import type { EventDetail } from "./types";

/** schema.org Event markup for search engines, safe to embed in a <script> tag. */
export function eventJsonLd(event: EventDetail, url: string): string {
  const location = {
    "@type": "Place",
    name: event.venue.name,
    address: { "@type": "PostalAddress", streetAddress: event.venue.address, addressLocality: event.venue.city },
  };
  const offersFor = (session: EventDetail["sessions"][number]) =>
    session.ticketTypes.map((type) => ({
      "@type": "Offer",
      name: type.name,
      price: (type.priceMinor / 100).toFixed(2),
      priceCurrency: type.currency,
      availability: type.remaining > 0 ? "https://schema.org/InStock" : "https://schema.org/SoldOut",
      url,
    }));
  const items = (event.sessions.length ? event.sessions : [null]).map((session) => ({
    "@context": "https://schema.org",
    "@type": "Event",
    name: event.title,
    description: event.summary,
    image: [new URL(event.imagePath, url).toString()],
    url,
    eventStatus: "https://schema.org/EventScheduled",
    eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
    location,
    ...(session ? { startDate: session.startsAt.toISOString(), endDate: session.endsAt.toISOString(), offers: offersFor(session) } : {}),
  }));
  // Escaping "<" keeps "</script>" in a title from closing the tag.
  return JSON.stringify(items.length === 1 ? items[0] : items).replace(/</g, "\\u003c");
}
