import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createActor, eventInput, localTime } from "@/tests/admin-fixtures";
import { createEvent } from "./create-event";
import { isAdminError } from "../errors";

async function countsFor(slug: string) {
  const events = await prisma.event.count({ where: { slug } });
  const audit = await prisma.auditLog.count({ where: { action: "event.create", after: { path: ["slug"], equals: slug } } });
  return { events, audit };
}

describe("createEvent", () => {
  it("refuses an attendee and a visitor as if there were nothing here, writing nothing", async () => {
    const attendee = await createActor("attendee");
    const { input } = await eventInput();
    for (const actor of [attendee, null, { ...attendee, role: "admin" as const }]) {
      const error = await createEvent({ actor, input }).catch((e) => e);
      expect(isAdminError(error) && error.code).toBe("forbidden");
    }
    expect(await countsFor(input.slug as string)).toEqual({ events: 0, audit: 0 });
  });

  it("creates the event, its session and ticket types, and an audit entry with the after state", async () => {
    const admin = await createActor();
    const { input, venue } = await eventInput();
    const saved = await createEvent({ actor: admin, input });
    expect(saved).toMatchObject({ slug: input.slug, version: 1, status: "published" });
    const stored = await prisma.event.findUniqueOrThrow({
      where: { id: saved.id },
      include: { sessions: { include: { ticketTypes: { orderBy: { sortOrder: "asc" } } } } },
    });
    expect(stored.sessions).toHaveLength(1);
    expect(stored.sessions[0].venueId).toBe(venue.id);
    expect(stored.sessions[0].remaining).toBe(110);
    expect(stored.sessions[0].ticketTypes.map((type) => [type.name, type.priceMinor, type.capacity])).toEqual([
      ["Standard", 1500, 100],
      ["Front row", 3000, 10],
    ]);
    // 20:00 on the venue's clock (Lisbon), whatever the server's zone.
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: venue.timeZone, hour: "2-digit", minute: "2-digit" }).format(stored.sessions[0].startsAt)).toBe("20:00");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: saved.id } });
    expect(audit).toMatchObject({ actorId: admin.id, actorEmail: admin.email, action: "event.create", entityType: "event", before: null });
    expect(audit.after).toMatchObject({ slug: input.slug, status: "published" });
  });

  it("reports every invalid field next to it and writes nothing", async () => {
    const admin = await createActor();
    const { input, venue } = await eventInput({
      title: "",
      slug: "Not A Slug!",
      sessions: [
        {
          startsAt: localTime("Europe/Lisbon", 3, 20),
          endsAt: localTime("Europe/Lisbon", 3, 19),
          ticketTypes: [{ name: "GA", price: "abc", currency: "EURO", capacity: "-1" }],
        },
      ],
      resources: [{ name: "Boat", opensAt: "18:00", closesAt: "09:00", slotMinutes: "30", minMinutes: "45", maxMinutes: "20", price: "10", currency: "EUR" }],
    });
    const error = await createEvent({ actor: admin, input }).catch((e) => e);
    expect(isAdminError(error) && error.code).toBe("validation_failed");
    expect(Object.keys(error.fieldErrors).sort()).toEqual([
      "resources.0.closesAt",
      "resources.0.maxMinutes",
      "resources.0.minMinutes",
      "sessions.0.endsAt",
      "sessions.0.ticketTypes.0.capacity",
      "sessions.0.ticketTypes.0.currency",
      "sessions.0.ticketTypes.0.price",
      "slug",
      "title",
    ]);
    expect(error.fieldErrors.slug).toMatch(/lowercase letters/);
    expect(await prisma.event.count({ where: { venueId: venue.id } })).toBe(0);
  });

  it("refuses a session overlapping another event's session at the venue, saying which and when", async () => {
    const admin = await createActor();
    const first = await eventInput({ title: "Early Show" });
    await createEvent({ actor: admin, input: first.input });
    const { input } = await eventInput(
      {
        sessions: [
          {
            startsAt: localTime(first.venue.timeZone, 10, 21),
            endsAt: localTime(first.venue.timeZone, 10, 23),
            ticketTypes: [{ name: "GA", price: "10", capacity: "50" }],
          },
        ],
      },
      first.venue,
    );
    const error = await createEvent({ actor: admin, input }).catch((e) => e);
    expect(isAdminError(error) && error.code).toBe("validation_failed");
    expect(error.fieldErrors["sessions.0.startsAt"]).toMatch(/already hosts “Early Show” from .* 20:00 to 22:00: a venue can host one session at a time/);
    expect(await prisma.event.count({ where: { slug: input.slug as string } })).toBe(0);
  });

  it("refuses two overlapping sessions of the same event and a session in the past", async () => {
    const admin = await createActor();
    const { input, venue } = await eventInput();
    const tz = venue.timeZone;
    input.sessions = [
      { startsAt: localTime(tz, 5, 18), endsAt: localTime(tz, 5, 20), ticketTypes: [{ name: "GA", price: "5", capacity: "5" }] },
      { startsAt: localTime(tz, 5, 19), endsAt: localTime(tz, 5, 21), ticketTypes: [{ name: "GA", price: "5", capacity: "5" }] },
    ];
    const overlap = await createEvent({ actor: admin, input }).catch((e) => e);
    expect(overlap.fieldErrors["sessions.1.startsAt"]).toMatch(/Overlaps session 1 of this event/);

    input.sessions = [{ startsAt: localTime(tz, -2, 18), endsAt: localTime(tz, -2, 20), ticketTypes: [{ name: "GA", price: "5", capacity: "5" }] }];
    const past = await createEvent({ actor: admin, input }).catch((e) => e);
    expect(past.fieldErrors["sessions.0.startsAt"]).toBe("Choose a time in the future");
  });

  it("the exclusion constraint backs the check when two admins save overlapping sessions at once", async () => {
    const admin = await createActor();
    const a = await eventInput({ title: "Show A" });
    const b = await eventInput({ title: "Show B" }, a.venue);
    const results = await Promise.allSettled([createEvent({ actor: admin, input: a.input }), createEvent({ actor: admin, input: b.input })]);
    const failures = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(failures).toHaveLength(1);
    expect(isAdminError(failures[0].reason)).toBe(true);
    expect(["overlap", "validation_failed"]).toContain(failures[0].reason.code);
    expect(await prisma.eventSession.count({ where: { venueId: a.venue.id } })).toBe(1);
  });

  it("needs something to sell before publishing, and an image", async () => {
    const admin = await createActor();
    const { input } = await eventInput({ sessions: [], resources: [], imagePath: "" });
    const error = await createEvent({ actor: admin, input }).catch((e) => e);
    expect(error.fieldErrors).toMatchObject({ status: expect.stringMatching(/Add a session/), image: "Choose an image" });
  });

  it("creates a bookable experience with its opening hours and slot rules", async () => {
    const admin = await createActor();
    const { input } = await eventInput({
      sessions: [],
      resources: [{ name: "Sailing boat", opensAt: "09:00", closesAt: "18:30", slotMinutes: "30", minMinutes: "60", maxMinutes: "180", price: "25.50", currency: "eur" }],
    });
    const saved = await createEvent({ actor: admin, input });
    const resource = await prisma.resource.findFirstOrThrow({ where: { eventId: saved.id } });
    expect(resource).toMatchObject({ opensMinute: 540, closesMinute: 1110, slotMinutes: 30, minMinutes: 60, maxMinutes: 180, priceMinorPerSlot: 2550, currency: "EUR" });
  });

  it("refuses ids of another event's sessions and ticket types, and leaves that event as it was", async () => {
    const admin = await createActor();
    const victim = await createEvent({ actor: admin, input: (await eventInput()).input });
    const before = await prisma.eventSession.findFirstOrThrow({ where: { eventId: victim.id }, include: { ticketTypes: true } });
    const { input } = await eventInput();
    const sessions = (input.sessions as { ticketTypes: object[] }[]).map((session, index) =>
      index === 0 ? { ...session, id: before.id, ticketTypes: session.ticketTypes.map((type, typeIndex) => (typeIndex === 0 ? { ...type, id: before.ticketTypes[0].id } : type)) } : session,
    );
    const error = await createEvent({ actor: admin, input: { ...input, sessions } }).catch((e) => e);
    expect(isAdminError(error) && error.code).toBe("validation_failed");
    expect(error.fieldErrors).toMatchObject({ "sessions.0.id": expect.any(String), "sessions.0.ticketTypes.0.id": expect.any(String) });
    const after = await prisma.eventSession.findFirstOrThrow({ where: { eventId: victim.id }, include: { ticketTypes: true } });
    expect(after).toEqual(before);
    expect(await countsFor(input.slug as string)).toEqual({ events: 0, audit: 0 });
  });
});
