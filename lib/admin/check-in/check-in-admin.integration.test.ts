import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { checkInTicket } from "@/lib/check-in/check-in-ticket";
import { doorAccess } from "@/lib/check-in/staff";
import { uploadScans } from "@/lib/check-in/upload-scans";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { loadOrderTickets } from "@/lib/tickets/load-order-tickets";
import { createActor } from "@/tests/admin-fixtures";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { isAdminError } from "../errors";
import { getSessionCheckIns, listDoorFigures } from "./door-figures";
import { grantDoorStaff, listStaffGrants, revokeDoorStaff } from "./staff-grants";
import { undoCheckIn } from "./undo-check-in";
import { accountBuyer } from "@/lib/orders/buyer";

async function soldSession(quantity: number, startsAt?: Date) {
  const { event, session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }], startsAt });
  const buyer = await createTestUser({ name: "Rui" });
  const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity }] } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
  const codes = (await loadOrderTickets(order.id))!.pdf.tickets.map((ticket) => ticket.signedCode);
  return { event, session, codes };
}

describe("admin at the door", () => {
  it("grants door staff per event (idempotent, audited), and revoking ends their access", async () => {
    const admin = await createActor();
    const { event, session } = await soldSession(1);
    const staff = await createTestUser();
    const { grantId } = await grantDoorStaff({ actor: admin, input: { email: staff.email.toUpperCase(), eventId: event.id } });
    expect((await grantDoorStaff({ actor: admin, input: { email: staff.email, eventId: event.id } })).grantId).toBe(grantId);
    expect(await doorAccess(staff, session.id)).not.toBeNull();
    expect((await listStaffGrants({ actor: admin })).find((grant) => grant.id === grantId)).toMatchObject({ email: staff.email, eventTitle: event.title });
    await expect(grantDoorStaff({ actor: admin, input: { email: "nobody-here@example.test", eventId: "all" } })).rejects.toMatchObject({ code: "validation_failed", fieldErrors: { email: expect.any(String) } });
    await revokeDoorStaff({ actor: admin, grantId });
    expect(await doorAccess(staff, session.id)).toBeNull();
    expect(await prisma.auditLog.findMany({ where: { entityId: grantId }, orderBy: { createdAt: "asc" }, select: { action: true } })).toEqual([{ action: "staff.grant" }, { action: "staff.revoke" }]);

    const attendee = await createActor("attendee");
    const refused = await grantDoorStaff({ actor: attendee, input: { email: staff.email, eventId: "all" } }).catch((error) => error);
    expect(isAdminError(refused) && refused.code).toBe("forbidden");
  });

  it("shows checked in / sold and who came in when; undo is audited, once, and lets the ticket in again", async () => {
    const admin = await createActor();
    // A date no other test uses, so the door window around it holds few sessions.
    const startsAt = new Date(Date.UTC(2031, 0, 1 + Math.floor(Math.random() * 300), 20));
    const { session, codes } = await soldSession(3, startsAt);
    const access = (await doorAccess(admin, session.id))!;
    const admitted = await checkInTicket({ ...access, code: codes[0], door: "Main" });
    await checkInTicket({ ...access, code: codes[1], door: "Side" });
    // Door B admitted ticket 0 offline too: a conflict for the admin.
    // (Uploaded on the night: its scan time must be one the door could have made then.)
    const night = new Date(startsAt.getTime() - 30 * 60_000);
    await uploadScans({ ...access, door: "Back", scans: [{ scanId: randomUUID(), code: codes[0], scannedAt: night.toISOString() }], now: night });

    const figures = (await listDoorFigures({ actor: admin, now: new Date(startsAt.getTime() - 86_400_000) })).find((row) => row.sessionId === session.id);
    expect(figures).toMatchObject({ sold: 3, checkedIn: 2, conflicts: 1 });
    const door = await getSessionCheckIns({ actor: admin, sessionId: session.id });
    expect(door.checkIns.map((entry) => [entry.door, entry.holderName, entry.staffEmail])).toEqual(
      expect.arrayContaining([["Main", "Rui", admin.email], ["Side", "Rui", admin.email]]),
    );
    expect(door.conflictList).toMatchObject([{ door: "Back", reason: "already_checked_in", standing: { door: "Main" } }]);

    const checkInId = admitted.result === "admitted" ? admitted.checkIn.id : "";
    await undoCheckIn({ actor: admin, checkInId });
    await expect(undoCheckIn({ actor: admin, checkInId })).rejects.toMatchObject({ code: "conflict" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityType: "check_in", entityId: checkInId } });
    expect(audit).toMatchObject({ action: "check_in.undo", actorEmail: admin.email, before: { door: "Main", undone: false }, after: { undone: true } });
    expect((await getSessionCheckIns({ actor: admin, sessionId: session.id })).checkedIn).toBe(1);
    expect((await checkInTicket({ ...access, code: codes[0], door: "Main" })).result).toBe("admitted");

    const attendee = await createActor("attendee");
    await expect(undoCheckIn({ actor: attendee, checkInId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(getSessionCheckIns({ actor: admin, sessionId: randomUUID() })).rejects.toMatchObject({ code: "not_found" });
  });
});
