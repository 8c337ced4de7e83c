// Shared capacity in what buyers are shown (issue 28): live availability and the open-data
// feeds count a quota's cap, so two types of a 5-place quota show 5 between them, and 2 each
// once 3 are taken.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { readAvailability } from "@/lib/realtime/availability";
import { getPublicEventById } from "@/lib/catalog/get-event";
import { createTicketedEvent } from "@/tests/fixtures";
import { guestBuyer } from "./buyer";
import { reserveTickets } from "./reserve-tickets";

describe("quotas in availability", () => {
  it("cap what each type and the session show, and hidden types are not announced", async () => {
    const { ticketTypes, session, event } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }, { capacity: 10 }, { capacity: 4 }] });
    await prisma.quota.create({ data: { sessionId: session.id, name: "Hall", capacity: 5, ticketTypes: { create: ticketTypes.slice(0, 2).map((type) => ({ ticketTypeId: type.id })) } } });
    await prisma.ticketType.update({ where: { id: ticketTypes[2].id }, data: { hidden: true } });
    await reserveTickets({ buyer: guestBuyer({ email: `quota-${Date.now()}@example.test`, name: "Q" }), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 3 }] } });
    const [row] = (await readAvailability({ filter: { eventId: event.id } })).filter((entry) => entry.sessionId === session.id).slice(-1);
    expect(row.ticketTypes).toEqual([
      { id: ticketTypes[0].id, remaining: 2 },
      { id: ticketTypes[1].id, remaining: 2 },
    ]);
    // 2 left in the quota (not 7 + 10) and the hidden type's 4.
    expect(row.remaining).toBe(6);
    // The event page and the API's event read the same caps.
    const detail = await getPublicEventById(event.id);
    expect(detail!.sessions[0].ticketTypes.map((type) => type.remaining)).toEqual([2, 2]);
    expect(detail!.sessions[0].remaining).toBe(6);
  });
});
