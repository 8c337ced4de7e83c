import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createActor } from "@/tests/admin-fixtures";
import { createTicketedEvent } from "@/tests/fixtures";
import { getVenueForm, updateVenueAddress } from "./venues";

const card = { name: "Tasca", address: "Rua de São Miguel 27", postalCode: "1100-544", city: "Lisbon", region: "Lisboa", country: "pt", phone: "+351 21 886 0427", url: "https://tasca.example" };

describe("updateVenueAddress", () => {
  it("saves the address card and republishes the venue's series in the same commit", async () => {
    const admin = await createActor();
    const { venue, event } = await createTicketedEvent({ ticketTypes: [{ capacity: 3 }] });
    const before = await prisma.seriesFeedItem.findUniqueOrThrow({ where: { eventId: event.id } });
    await updateVenueAddress({ actor: admin, venueId: venue.id, input: card });
    expect(await getVenueForm({ actor: admin, venueId: venue.id })).toMatchObject({ ...card, country: "PT" });
    const after = await prisma.seriesFeedItem.findUniqueOrThrow({ where: { eventId: event.id } });
    expect(after.changeNumber).toBeGreaterThan(before.changeNumber);
  });

  it("names each bad field and refuses non-admins", async () => {
    const admin = await createActor();
    const { venue } = await createTicketedEvent({ ticketTypes: [{ capacity: 3 }] });
    await expect(updateVenueAddress({ actor: admin, venueId: venue.id, input: { ...card, country: "Portugal", url: "ftp://x", phone: "call us" } })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { country: expect.any(String), url: expect.any(String), phone: expect.any(String) },
    });
    await expect(updateVenueAddress({ actor: await createActor("attendee"), venueId: venue.id, input: card })).rejects.toMatchObject({ code: "forbidden" });
  });
});
