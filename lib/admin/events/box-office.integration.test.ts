import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createActor, eventInput, localTime } from "@/tests/admin-fixtures";
import { createEvent } from "./create-event";
import { getEventForm } from "./get-event-form";
import { localToInstant } from "./session-times";
import { updateEvent } from "./update-event";

type Admin = Awaited<ReturnType<typeof createActor>>;

/** The edit form's values as the raw input a browser sends back (sale windows, tiers, quotas included). */
async function formInput(admin: Admin, eventId: string) {
  const values = (await getEventForm({ actor: admin, eventId }))!;
  return {
    ...values,
    sessions: values.sessions.map((session) => ({
      id: session.id,
      startsAt: session.startsAt,
      endsAt: session.endsAt,
      ticketTypes: session.ticketTypes.map(({ id, name, description, price, currency, capacity, salesStart, salesEnd, hidden, tiers }) => ({
        id, name, description, price, currency, capacity, salesStart, salesEnd, hidden: hidden ? "on" : undefined,
        tiers: tiers.map(({ price: tierPrice, until, untilTaken }) => ({ price: tierPrice, until, untilTaken })),
      })),
      quotas: session.quotas.map(({ id, name, capacity, ticketTypes }) => ({ id, name, capacity, ticketTypes })),
    })),
  };
}

/** An event whose adult and child types share 12 places, the child type with two early prices, a hidden presale type. */
async function boxOfficeEvent() {
  const admin = await createActor();
  const { input, venue } = await eventInput();
  const tz = venue.timeZone;
  const session = (input.sessions as Record<string, unknown>[])[0];
  session.ticketTypes = [
    { name: "Adult", price: "20", currency: "EUR", capacity: "10", salesStart: localTime(tz, 1, 10), salesEnd: localTime(tz, 9, 18) },
    {
      name: "Child", price: "12", currency: "EUR", capacity: "10",
      tiers: [{ price: "8", untilTaken: "3" }, { price: "10", until: localTime(tz, 5, 12), untilTaken: "6" }],
    },
    { name: "Presale", price: "15", currency: "EUR", capacity: "5", hidden: "on" },
  ];
  session.quotas = [{ name: "Adults and children", capacity: "12", ticketTypes: ["sessions.0.ticketTypes.0", "sessions.0.ticketTypes.1"] }];
  const saved = await createEvent({ actor: admin, input });
  return { admin, saved, tz };
}

describe("the event form's box office: sale windows, hidden types, price tiers, shared capacity", () => {
  it("saves them and reads them back on the venue's clock", async () => {
    const { admin, saved, tz } = await boxOfficeEvent();
    const form = (await getEventForm({ actor: admin, eventId: saved.id }))!;
    const [adult, child, presale] = form.sessions[0].ticketTypes;
    expect(adult).toMatchObject({ salesStart: localTime(tz, 1, 10), salesEnd: localTime(tz, 9, 18), hidden: false, tiers: [] });
    expect(child.tiers.map(({ price, until, untilTaken }) => ({ price, until, untilTaken }))).toEqual([
      { price: "8.00", until: "", untilTaken: "3" },
      { price: "10.00", until: localTime(tz, 5, 12), untilTaken: "6" },
    ]);
    expect(presale).toMatchObject({ hidden: true, salesStart: "", salesEnd: "" });
    expect(form.sessions[0].quotas).toEqual([{ key: expect.any(String), id: expect.any(String), name: "Adults and children", capacity: "12", ticketTypes: [adult.id, child.id], taken: 0 }]);

    const stored = await prisma.ticketType.findUniqueOrThrow({ where: { id: adult.id } });
    expect(stored.salesStart).toEqual(localToInstant(localTime(tz, 1, 10), tz));
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: saved.id, action: "event.create" } });
    expect(JSON.stringify(audit.after)).toContain("Adults and children");
  });

  it("edits them: a tier removed, a type joins the quota, the window cleared", async () => {
    const { admin, saved } = await boxOfficeEvent();
    const input = await formInput(admin, saved.id);
    const [adult, child, presale] = input.sessions[0].ticketTypes;
    adult.salesStart = "";
    adult.salesEnd = "";
    child.tiers = child.tiers.slice(0, 1);
    input.sessions[0].quotas[0].ticketTypes.push(presale.id);
    input.sessions[0].quotas[0].capacity = "15";
    await updateEvent({ actor: admin, eventId: saved.id, input });
    const form = (await getEventForm({ actor: admin, eventId: saved.id }))!;
    expect(form.sessions[0].ticketTypes[0]).toMatchObject({ salesStart: "", salesEnd: "" });
    expect(form.sessions[0].ticketTypes[1].tiers).toHaveLength(1);
    expect(form.sessions[0].quotas[0]).toMatchObject({ capacity: "15", ticketTypes: [adult.id, child.id, presale.id] });
  });

  it("refuses a quota below what its types have taken, inside the save, naming the field", async () => {
    const { admin, saved } = await boxOfficeEvent();
    const input = await formInput(admin, saved.id);
    const [adult, child] = input.sessions[0].ticketTypes;
    await prisma.ticketType.update({ where: { id: adult.id! }, data: { sold: 5, held: 2 } });
    await prisma.ticketType.update({ where: { id: child.id! }, data: { sold: 3 } });
    input.sessions[0].quotas[0].capacity = "9";
    await expect(updateEvent({ actor: admin, eventId: saved.id, input })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { "sessions.0.quotas.0.capacity": expect.stringContaining("can't go below 10") },
    });
    const quota = await prisma.quota.findFirstOrThrow({ where: { session: { eventId: saved.id } } });
    expect(quota.capacity).toBe(12);
    // Exactly what is taken is fine.
    input.sessions[0].quotas[0].capacity = "10";
    await updateEvent({ actor: admin, eventId: saved.id, input: { ...input, version: input.version! } });
    expect((await prisma.quota.findUniqueOrThrow({ where: { id: quota.id } })).capacity).toBe(10);
  });

  it("names bad rows: a window the wrong way round, a tier ending nowhere or out of order, a quota naming another session's type", async () => {
    const admin = await createActor();
    const { input, venue } = await eventInput();
    const tz = venue.timeZone;
    const sessions = input.sessions as Record<string, unknown>[];
    sessions.push({ startsAt: localTime(tz, 12, 20), endsAt: localTime(tz, 12, 22), ticketTypes: [{ name: "Late", price: "5", currency: "EUR", capacity: "5" }] });
    sessions[0].ticketTypes = [
      { name: "A", price: "20", currency: "EUR", capacity: "10", salesStart: localTime(tz, 3, 10), salesEnd: localTime(tz, 2, 10), tiers: [{ price: "5" }] },
      { name: "B", price: "20", currency: "EUR", capacity: "10", tiers: [{ price: "5", untilTaken: "5" }, { price: "6", untilTaken: "4" }] },
    ];
    sessions[0].quotas = [{ name: "Mixed", capacity: "10", ticketTypes: ["sessions.1.ticketTypes.0"] }, { name: "Empty", capacity: "3" }];
    await expect(createEvent({ actor: admin, input })).rejects.toMatchObject({
      fieldErrors: {
        "sessions.0.ticketTypes.0.salesEnd": "End sales after they start",
        "sessions.0.ticketTypes.0.tiers.0.until": expect.stringContaining("until"),
        "sessions.0.ticketTypes.1.tiers.1.untilTaken": "More than the tier before it",
        "sessions.0.quotas.0.ticketTypes": "Choose ticket types of this session",
        "sessions.0.quotas.1.ticketTypes": "Tick the ticket types it covers",
      },
    });
  });
});
