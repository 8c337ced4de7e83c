import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser } from "@/tests/fixtures";
import { createEvent } from "./create-event";
import { isAdminError } from "../errors";
import { getEventForm } from "./get-event-form";
import { createActor, eventInput, localTime } from "@/tests/admin-fixtures";
import { updateEvent } from "./update-event";
import { accountBuyer } from "@/lib/orders/buyer";

/** The edit form's values as the raw input a browser would send back. */
async function formInput(actor: Awaited<ReturnType<typeof createActor>>, eventId: string) {
  const values = (await getEventForm({ actor, eventId }))!;
  return {
    ...values,
    sessions: values.sessions.map((session) => ({
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      ticketTypes: session.ticketTypes.map(({ id, name, description, price, currency, capacity }) => ({ id, name, description, price, currency, capacity })),
    })),
    resources: values.resources.map((resource) => ({
      id: resource.id,
      name: resource.name,
      opensAt: resource.opensAt,
      closesAt: resource.closesAt,
      slotMinutes: resource.slotMinutes,
      minMinutes: resource.minMinutes,
      maxMinutes: resource.maxMinutes,
      price: resource.price,
      currency: resource.currency,
    })),
  };
}

async function createdEvent() {
  const admin = await createActor();
  const { input, venue } = await eventInput();
  const saved = await createEvent({ actor: admin, input });
  return { admin, venue, saved };
}

describe("updateEvent", () => {
  it("refuses an attendee, changing nothing", async () => {
    const { admin, saved } = await createdEvent();
    const attendee = await createActor("attendee");
    const input = { ...(await formInput(admin, saved.id)), title: "Hijacked" };
    const error = await updateEvent({ actor: attendee, eventId: saved.id, input }).catch((e) => e);
    expect(isAdminError(error) && error.code).toBe("forbidden");
    expect((await prisma.event.findUniqueOrThrow({ where: { id: saved.id } })).title).toBe("Harbour Jazz Night");
  });

  it("saves, bumps the version and writes before and after to the audit log", async () => {
    const { admin, saved } = await createdEvent();
    const input = await formInput(admin, saved.id);
    input.title = "Harbour Jazz Night: Second Set";
    input.sessions[0].ticketTypes[0].capacity = "120";
    const updated = await updateEvent({ actor: admin, eventId: saved.id, input });
    expect(updated.version).toBe(2);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: saved.id, action: "event.update" } });
    expect(audit.before).toMatchObject({ title: "Harbour Jazz Night", version: 1 });
    expect(audit.after).toMatchObject({ title: "Harbour Jazz Night: Second Set", version: 2 });
    const session = await prisma.eventSession.findFirstOrThrow({ where: { eventId: saved.id } });
    expect(session.remaining).toBe(130);
  });

  it("of two admins saving the same version at once, the second is refused with a clear message", async () => {
    const { admin, saved } = await createdEvent();
    const other = await createActor();
    const base = await formInput(admin, saved.id);
    const results = await Promise.allSettled([
      updateEvent({ actor: admin, eventId: saved.id, input: { ...base, title: "Edited by the first admin" } }),
      updateEvent({ actor: other, eventId: saved.id, input: { ...base, title: "Edited by the second admin" } }),
    ]);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(refused).toHaveLength(1);
    expect(refused[0].reason.code).toBe("conflict");
    expect(refused[0].reason.message).toMatch(/Someone else saved this event .* version 1, it is now version 2/);
    const stored = await prisma.event.findUniqueOrThrow({ where: { id: saved.id } });
    expect(stored.version).toBe(2);
    expect(await prisma.auditLog.count({ where: { entityId: saved.id, action: "event.update" } })).toBe(1);
  });

  it("never lets a capacity fall below what is sold and held", async () => {
    const { admin, saved } = await createdEvent();
    const types = await prisma.ticketType.findMany({ where: { session: { eventId: saved.id } }, orderBy: { sortOrder: "asc" } });
    const buyer = await createTestUser();
    const paid = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: types[1].id, quantity: 3 }] } });
    await confirmOrderPayment({ orderId: paid.id, provider: "local", paymentRef: null });
    await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: types[1].id, quantity: 2 }] } });

    const input = await formInput(admin, saved.id);
    input.sessions[0].ticketTypes[1].capacity = "4";
    const error = await updateEvent({ actor: admin, eventId: saved.id, input }).catch((e) => e);
    expect(error.code).toBe("validation_failed");
    expect(error.fieldErrors["sessions.0.ticketTypes.1.capacity"]).toBe("3 sold and 2 held right now: the capacity can't go below 5");
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: types[1].id } })).capacity).toBe(10);

    input.sessions[0].ticketTypes[1].capacity = "5";
    await updateEvent({ actor: admin, eventId: saved.id, input });
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: types[1].id } })).toMatchObject({ capacity: 5, remaining: 0 });
  });

  it("refuses to remove a ticket type that has orders", async () => {
    const { admin, saved } = await createdEvent();
    const types = await prisma.ticketType.findMany({ where: { session: { eventId: saved.id } }, orderBy: { sortOrder: "asc" } });
    const buyer = await createTestUser();
    await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: types[0].id, quantity: 1 }] } });
    const input = await formInput(admin, saved.id);
    input.sessions[0].ticketTypes = input.sessions[0].ticketTypes.slice(1);
    const error = await updateEvent({ actor: admin, eventId: saved.id, input }).catch((e) => e);
    expect(error.fieldErrors.sessions).toMatch(/“Standard” .* has orders and can't be removed/);
    expect(await prisma.ticketType.count({ where: { session: { eventId: saved.id } } })).toBe(2);
  });

  it("moves every session two hours later, although each new time overlaps the next session's old time", async () => {
    const admin = await createActor();
    const { input: raw, venue } = await eventInput();
    const tz = venue.timeZone;
    raw.sessions = [18, 20, 22].map((hour) => ({
      startsAt: localTime(tz, 4, hour - 8),
      endsAt: localTime(tz, 4, hour - 6),
      ticketTypes: [{ name: "GA", price: "10", capacity: "10" }],
    }));
    const saved = await createEvent({ actor: admin, input: raw });
    const input = await formInput(admin, saved.id);
    input.sessions = input.sessions.map((session, index) => ({ ...session, startsAt: localTime(tz, 4, 12 + index * 2), endsAt: localTime(tz, 4, 14 + index * 2) }));
    await updateEvent({ actor: admin, eventId: saved.id, input });
    const sessions = await prisma.eventSession.findMany({ where: { eventId: saved.id }, orderBy: { startsAt: "asc" } });
    const hours = sessions.map((session) => new Intl.DateTimeFormat("en-GB", { timeZone: tz, hour: "2-digit" }).format(session.startsAt));
    expect(hours).toEqual(["12", "14", "16"]);
    expect(sessions.every((session) => !session.cancelled)).toBe(true);
  });

  it("refuses moving a session onto another event's session at the venue", async () => {
    const { admin, venue, saved } = await createdEvent();
    const other = await eventInput({ title: "Late Comedy" }, venue);
    other.input.sessions = [{ startsAt: localTime(venue.timeZone, 12, 20), endsAt: localTime(venue.timeZone, 12, 23), ticketTypes: [{ name: "GA", price: "5", capacity: "5" }] }];
    await createEvent({ actor: admin, input: other.input });
    const input = await formInput(admin, saved.id);
    input.sessions[0].startsAt = localTime(venue.timeZone, 12, 22);
    input.sessions[0].endsAt = localTime(venue.timeZone, 12, 23, 30);
    const error = await updateEvent({ actor: admin, eventId: saved.id, input }).catch((e) => e);
    expect(error.fieldErrors["sessions.0.startsAt"]).toMatch(/already hosts “Late Comedy”/);
  });

  it("adds and removes sessions and ticket types in one save", async () => {
    const { admin, venue, saved } = await createdEvent();
    const input = await formInput(admin, saved.id);
    input.sessions[0].ticketTypes = [input.sessions[0].ticketTypes[0], { id: "", name: "Student", description: "", price: "8", currency: "EUR", capacity: "20" }];
    input.sessions.push({ id: "", startsAt: localTime(venue.timeZone, 11, 20), endsAt: localTime(venue.timeZone, 11, 22), ticketTypes: [{ id: "", name: "GA", description: "", price: "12", currency: "EUR", capacity: "40" }] });
    await updateEvent({ actor: admin, eventId: saved.id, input });
    const sessions = await prisma.eventSession.findMany({
      where: { eventId: saved.id },
      orderBy: { startsAt: "asc" },
      include: { ticketTypes: { orderBy: { sortOrder: "asc" } } },
    });
    expect(sessions.map((session) => session.ticketTypes.map((type) => type.name))).toEqual([["Standard", "Student"], ["GA"]]);
    expect(sessions.map((session) => session.remaining)).toEqual([120, 40]);
  });
});
