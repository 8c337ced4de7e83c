import { EventCard } from "@/components/event-card";
import type { EventCard as EventCardData } from "@/lib/catalog/types";

/** Recommended events as a list of cards: one column on a phone, so nothing scrolls sideways. */
/** `priorityFirst`: the list is at the top of the page (For you), so its first picture is the one a phone sees first. */
export function EventCardList({ events, label, priorityFirst = false }: { events: EventCardData[]; label: string; priorityFirst?: boolean }) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={label}>
      {events.map((event, index) => (
        <li key={event.id} className="flex min-w-0 [&>article]:w-full">
          <EventCard event={event} priority={priorityFirst && index === 0} />
        </li>
      ))}
    </ul>
  );
}
