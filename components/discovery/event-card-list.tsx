import { EventCard } from "@/components/event-card";
import type { EventCard as EventCardData } from "@/lib/catalog/types";

/** Recommended events as a list of cards: one column on a phone, so nothing scrolls sideways. */
export function EventCardList({ events, label }: { events: EventCardData[]; label: string }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={label}>
      {events.map((event) => (
        <li key={event.id} className="flex min-w-0 [&>article]:w-full">
          <EventCard event={event} />
        </li>
      ))}
    </ul>
  );
}
