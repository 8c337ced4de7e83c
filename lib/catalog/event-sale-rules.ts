// An event as shown (EventDetail) read as the quote's rules, so the buy panels and the
// checkout pages price a choice with the same quote the purchase commits (lib/orders/quote.ts).
// Pure: the panels run it in the browser.
import type { SaleRules } from "@/lib/orders/quote";
import type { EventDetail } from "./types";

export function saleRulesOf(event: Pick<EventDetail, "id" | "status" | "sessions" | "resources" | "venue" | "questions" | "holderChangeCutoffMinutes">, maxTicketsPerOrder: number): SaleRules {
  return {
    eventId: event.id,
    published: event.status === "published",
    maxTicketsPerOrder,
    holderChangeCutoffMinutes: event.holderChangeCutoffMinutes,
    questions: event.questions,
    ticketTypes: event.sessions.flatMap((session) =>
      session.ticketTypes.map((type) => ({
        id: type.id,
        name: type.name,
        priceMinor: type.priceMinor,
        currency: type.currency,
        sessionId: session.id,
        startsAt: session.startsAt.getTime(),
        endsAt: session.endsAt.getTime(),
        // Cancelled sessions are not shown at all.
        cancelled: false,
        salesStart: type.salesStart?.getTime() ?? null,
        salesEnd: type.salesEnd?.getTime() ?? null,
        hidden: type.hidden,
        taken: type.capacity - type.remaining,
        tiers: type.tiers.map((tier) => ({ priceMinor: tier.priceMinor, until: tier.until?.getTime() ?? null, untilTaken: tier.untilTaken })),
      })),
    ),
    resources: event.resources.map((resource) => ({ ...resource, timeZone: event.venue.timeZone })),
  };
}
