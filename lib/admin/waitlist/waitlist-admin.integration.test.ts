import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";
import { accountBuyer } from "@/lib/orders/buyer";
import { reserveBooking } from "@/lib/orders/reserve-booking";
import { instantAt, localDateAndMinute } from "@/lib/time";
import { createBookableEvent, createTestUser, createTicketedEvent, expireHold } from "@/tests/fixtures";
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

describe("the admin's waiting list for time ranges", () => {
  it("lists the entries per resource on the venue's clock, and sends an offer by hand only when the range is free", async () => {
    const admin = await createTestUser({ role: "admin" });
    const { event, resource } = await createBookableEvent();
    const day = localDateAndMinute(new Date(Date.now() + 2 * 86_400_000), "Europe/Lisbon").date;
    const start = instantAt(day, 10 * 60, "Europe/Lisbon");
    const holder = await createTestUser();
    const held = await reserveBooking({ buyer: accountBuyer(holder.id), input: { resourceId: resource.id, start, minutes: 60 } });
    const join = (n: number) =>
      joinWaitlist({ event: { id: event.id }, input: { resourceId: resource.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString(), email: `admin-range-${n}-${resource.id}@example.test`, name: `R${n}` }, viewer: null, locale: "en" });
    const first = await join(1);
    const second = await join(2);
    await expect(offerToEntry({ actor: admin, entryId: second.id })).rejects.toMatchObject({ code: "capacity" });

    const list = await listEventWaitlist({ actor: admin, eventId: event.id });
    expect(list!.resources[0].entries.map((entry) => [entry.position, entry.status, entry.range])).toEqual([
      [1, "waiting", expect.stringMatching(/10:00–11:00$/)],
      [2, "waiting", expect.stringMatching(/10:00–11:00$/)],
    ]);

    // The hold ran out but nobody has swept it yet: an offer by hand gives it back first, and the
    // range goes to the first in line (the rule); for the second that is a refusal, which
    // changes nothing; for the first, its offer.
    await expireHold(held.id);
    await expect(offerToEntry({ actor: admin, entryId: second.id })).rejects.toMatchObject({ code: "capacity" });
    expect((await prisma.waitlistEntry.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("waiting");
    await offerToEntry({ actor: admin, entryId: first.id });
    expect((await prisma.waitlistEntry.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("offered");
    expect((await prisma.waitlistEntry.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("waiting");
    await expect(offerToEntry({ actor: admin, entryId: first.id })).rejects.toMatchObject({ code: "conflict" });
  });
});
