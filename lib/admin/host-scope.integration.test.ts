// Issue 30: a host's members manage their own host's things in the same dashboard; the
// platform admin sees and acts for every host (audited); a host adds its own venues.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listDoorSessions } from "@/lib/check-in/staff";
import { createActor, eventInput } from "@/tests/admin-fixtures";
import { createHost, createHostEvent, createMember } from "@/tests/host-fixtures";
import { createEvent } from "./events/create-event";
import { listAdminEvents } from "./events/list-events";
import { listVenues } from "./events/list-venues";
import { createVenue, listVenuesForAdmin, updateVenueAddress } from "./venues/venues";
import { createVoucher } from "./vouchers/create-voucher";

const NEW_VENUE = { name: "Casa do Fado", address: "Rua da Regueira 40", city: "Lisbon", neighbourhood: "Alfama", timeZone: "Europe/Lisbon", postalCode: "1100-439", country: "pt", latitude: "38.7117", longitude: "-9.1300" };

describe("a host's own part of the dashboard", () => {
  it("a manager lists only their host's events and venues; the platform admin lists every host's", async () => {
    const [hostA, hostB] = [await createHost(), await createHost()];
    const [a, b] = [await createHostEvent(hostA.id), await createHostEvent(hostB.id)];
    const manager = await createMember(hostA.id, "manager");
    const admin = await createActor("admin");
    const mine = await listAdminEvents({ actor: manager, q: "Hosted evening" });
    expect(mine.items.map((row) => row.id)).toContain(a.event.id);
    expect(mine.items.map((row) => row.id)).not.toContain(b.event.id);
    expect((await listVenues({ actor: manager })).map((venue) => venue.id)).toEqual([a.venue.id]);
    const all = (await listVenuesForAdmin({ actor: admin })).map((venue) => venue.id);
    expect(all).toEqual(expect.arrayContaining([a.venue.id, b.venue.id]));
  });

  it("door members do not reach the dashboard; they check in their host's events only", async () => {
    const host = await createHost();
    const other = await createHost();
    const [mine, theirs] = [await createHostEvent(host.id, { startsAt: new Date(Date.now() + 3600_000) }), await createHostEvent(other.id, { startsAt: new Date(Date.now() + 3600_000) })];
    const door = await createMember(host.id, "door");
    await expect(listAdminEvents({ actor: door })).rejects.toMatchObject({ code: "forbidden" });
    const sessions = ((await listDoorSessions(door)) ?? []).map((session) => session.id);
    expect(sessions).toContain(mine.session.id);
    expect(sessions).not.toContain(theirs.session.id);
  });

  it("a manager creates an event for their host at their venue; another host's venue or host is refused, nothing written", async () => {
    const [host, other] = [await createHost(), await createHost()];
    const { venue } = await createHostEvent(host.id);
    const { venue: foreign } = await createHostEvent(other.id);
    const manager = await createMember(host.id, "manager");
    const { input } = await eventInput({}, { id: venue.id, timeZone: venue.timeZone });
    const saved = await createEvent({ actor: manager, input });
    expect(await prisma.event.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ hostId: host.id, venueId: venue.id });

    const { input: atForeign } = await eventInput({}, { id: foreign.id, timeZone: foreign.timeZone });
    await expect(createEvent({ actor: manager, input: atForeign })).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { venueId: "Choose a venue" } });
    const { input: forOther } = await eventInput({ hostId: other.id }, { id: venue.id, timeZone: venue.timeZone });
    await expect(createEvent({ actor: manager, input: forOther })).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.event.count({ where: { slug: { in: [atForeign.slug as string, forOther.slug as string] } } })).toBe(0);
  });

  it("the platform admin creates an event for any host, audited; the venue must be that host's", async () => {
    const [host, other] = [await createHost(), await createHost()];
    const { venue } = await createHostEvent(host.id);
    const admin = await createActor("admin");
    const { input } = await eventInput({ hostId: host.id }, { id: venue.id, timeZone: venue.timeZone });
    const saved = await createEvent({ actor: admin, input });
    expect((await prisma.event.findUniqueOrThrow({ where: { id: saved.id } })).hostId).toBe(host.id);
    expect(await prisma.auditLog.findFirst({ where: { entityId: saved.id, action: "event.create", actorId: admin.id } })).not.toBeNull();
    const { input: mismatched } = await eventInput({ hostId: other.id }, { id: venue.id, timeZone: venue.timeZone });
    await expect(createEvent({ actor: admin, input: mismatched })).rejects.toMatchObject({ fieldErrors: { venueId: "Choose one of this host's venues" } });
  });

  it("a host's voucher names its own events; a voucher for every event is the platform's", async () => {
    const [host, other] = [await createHost(), await createHost()];
    const [mine, theirs] = [await createHostEvent(host.id), await createHostEvent(other.id)];
    const manager = await createMember(host.id, "manager");
    const voucher = await createVoucher({ actor: manager, input: { kind: "percent_off", value: "10", maxUses: "5", eventIds: [mine.event.id] } });
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).hostId).toBe(host.id);
    await expect(createVoucher({ actor: manager, input: { kind: "percent_off", value: "10", maxUses: "5", eventIds: [theirs.event.id] } })).rejects.toMatchObject({ fieldErrors: { eventIds: expect.stringMatching(/no longer exists/) } });
    await expect(createVoucher({ actor: manager, input: { kind: "percent_off", value: "10", maxUses: "5", eventIds: [] } })).rejects.toMatchObject({ fieldErrors: { eventIds: "Choose at least one of your events" } });
    const admin = await createActor("admin");
    await expect(createVoucher({ actor: admin, input: { kind: "percent_off", value: "10", maxUses: "5", eventIds: [mine.event.id, theirs.event.id] } })).rejects.toMatchObject({ fieldErrors: { eventIds: expect.stringMatching(/one host/) } });
  });
});

describe("a host adds its own venues", () => {
  it("a manager creates a venue for their host, audited, and edits only their own", async () => {
    const [host, other] = [await createHost(), await createHost()];
    const { venue: foreign } = await createHostEvent(other.id);
    const manager = await createMember(host.id, "manager");
    const created = await createVenue({ actor: manager, input: NEW_VENUE });
    expect(await prisma.venue.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ hostId: host.id, name: "Casa do Fado", country: "PT", latitude: 38.7117 });
    expect(await prisma.auditLog.findFirst({ where: { entityId: created.id, action: "venue.create" } })).not.toBeNull();
    await updateVenueAddress({ actor: manager, venueId: created.id, input: { ...NEW_VENUE, name: "Casa do Fado Velho" } });
    await expect(updateVenueAddress({ actor: manager, venueId: foreign.id, input: NEW_VENUE })).rejects.toMatchObject({ code: "not_found" });
    expect((await prisma.venue.findUniqueOrThrow({ where: { id: foreign.id } })).name).not.toBe("Casa do Fado");
  });

  it("refuses bad input with field errors and another host with not found, writing nothing", async () => {
    const [host, other] = [await createHost(), await createHost()];
    const manager = await createMember(host.id, "manager");
    const before = await prisma.venue.count();
    await expect(createVenue({ actor: manager, input: { ...NEW_VENUE, timeZone: "Mars/Olympus", latitude: "" } })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { timeZone: "Use a time zone like Europe/Lisbon", longitude: "Give both the latitude and the longitude, or neither" },
    });
    await expect(createVenue({ actor: manager, input: { ...NEW_VENUE, hostId: other.id } })).rejects.toMatchObject({ code: "not_found" });
    const attendee = await createActor("attendee");
    await expect(createVenue({ actor: attendee, input: NEW_VENUE })).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.venue.count()).toBe(before);
  });

  it("a member of two hosts names the host; the platform admin without one adds to the platform's host", async () => {
    const [one, two] = [await createHost(), await createHost()];
    const both = await createMember(one.id, "owner");
    await prisma.hostMember.create({ data: { hostId: two.id, userId: both.id, role: "manager" } });
    await expect(createVenue({ actor: both, input: NEW_VENUE })).rejects.toMatchObject({ fieldErrors: { hostId: "Choose the host" } });
    expect((await createVenue({ actor: both, input: { ...NEW_VENUE, hostId: two.id } })).hostId).toBe(two.id);
    const admin = await createActor("admin");
    const platform = await prisma.host.findUniqueOrThrow({ where: { slug: "local-tickets" } });
    expect((await createVenue({ actor: admin, input: NEW_VENUE })).hostId).toBe(platform.id);
  });
});
