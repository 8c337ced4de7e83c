import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { listEventWaitlist } from "./list-waitlist";
import { offerFreePlacesNow, offerToEntry } from "./offer-waitlist";

// The admin's hand on the waiting list (issue 29.3): the list per type, offers after raising
// capacity, an offer out of turn only when its places are free, each audited on the event.

async function setUp() {
  const admin = await createTestUser({ role: "admin" });
  const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 2, sold: 2 }] });
  const type = ticketTypes[0];
  const join = (quantity: number, n: number) =>
    joinWaitlist({ event: { id: event.id }, input: { ticketTypeId: type.id, quantity, email: `admin-wl-${n}-${type.id}@example.test`, name: `W${n}` }, viewer: null, locale: "en" });
  return { admin, event, type, join };
}

describe("the admin's waiting list", () => {
  it("lists each type's line, offers free places after a capacity raise, and audits it", async () => {
    const { admin, event, type, join } = await setUp();
    const first = await join(2, 1);
    const second = await join(1, 2);
    // Raising the capacity gives the places to the line at once (the trigger); the button does the rest.
    await prisma.ticketType.update({ where: { id: type.id }, data: { capacity: 3 } });
    expect((await prisma.waitlistEntry.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("offered");
    await prisma.$executeRaw`UPDATE ticket_types SET capacity = capacity + 2 WHERE id = ${type.id}::uuid`;
    expect((await prisma.waitlistEntry.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("offered");
    expect(await offerFreePlacesNow({ actor: admin, ticketTypeId: type.id })).toBe(0);

    const list = await listEventWaitlist({ actor: admin, eventId: event.id });
    expect(list!.types[0]).toMatchObject({ capacity: 5, sold: 2, held: 3, available: 0 });
    expect(list!.types[0].entries.map((entry) => [entry.status, entry.quantity, entry.code?.startsWith("WAIT-")])).toEqual([["offered", 2, true], ["offered", 1, true]]);
    expect(await prisma.auditLog.count({ where: { entityId: event.id, action: "waitlist.offer_free_places" } })).toBe(1);
  });

  it("sends one person an offer out of turn only when their places are free", async () => {
    const { admin, event, type, join } = await setUp();
    const first = await join(1, 1);
    const second = await join(1, 2);
    await expect(offerToEntry({ actor: admin, entryId: second.id })).rejects.toMatchObject({ code: "capacity" });
    // Free places without an offer (the trigger is not the only way in: a quota's, say).
    await prisma.$executeRaw`ALTER TABLE ticket_types DISABLE TRIGGER ticket_types_waitlist_offer_freed`;
    try {
      await prisma.$executeRaw`UPDATE ticket_types SET capacity = 3 WHERE id = ${type.id}::uuid`;
    } finally {
      await prisma.$executeRaw`ALTER TABLE ticket_types ENABLE TRIGGER ticket_types_waitlist_offer_freed`;
    }
    await offerToEntry({ actor: admin, entryId: second.id });
    expect((await prisma.waitlistEntry.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("offered");
    expect((await prisma.waitlistEntry.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("waiting");
    await expect(offerToEntry({ actor: admin, entryId: second.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await prisma.auditLog.count({ where: { entityId: event.id, action: "waitlist.offer" } })).toBe(1);
  });

  it("refuses anyone but an admin", async () => {
    const { type } = await setUp();
    const user = await createTestUser();
    await expect(offerFreePlacesNow({ actor: user, ticketTypeId: type.id })).rejects.toMatchObject({ code: "forbidden" });
  });
});
