import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { confirmOrderPayment, refundPaidOrder } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { authSecret } from "@/lib/env";
import { loadOrderTickets } from "@/lib/tickets/load-order-tickets";
import { signTicket } from "@/lib/tickets/signing";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { checkInTicket } from "./check-in-ticket";
import { loadDoorList } from "./door-list";
import { offlineVerdict, type LocalAdmission } from "./offline-door";
import { doorAccess, listDoorSessions } from "./staff";
import { uploadScans } from "./upload-scans";
import { accountBuyer } from "@/lib/orders/buyer";

async function paidTickets(quantity = 2, startsAt?: Date) {
  const { event, ticketTypes, session } = await createTicketedEvent({ ticketTypes: [{ capacity: 20, name: "Standing" }], startsAt });
  const buyer = await createTestUser({ name: "Ana Holder" });
  const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity }] } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
  const loaded = await loadOrderTickets(order.id);
  return { event, session, order, codes: loaded!.pdf.tickets.map((ticket) => ({ id: ticket.id, code: ticket.signedCode, shortCode: ticket.shortCode })) };
}

async function doorStaffFor(eventId: string | null) {
  const user = await createTestUser({ name: "Door" });
  await prisma.staffGrant.create({ data: { userId: user.id, eventId, grantedBy: "test" } });
  return user;
}

async function door(sessionId: string, user: { id: string }) {
  const access = await doorAccess(user, sessionId);
  if (!access) throw new Error("no door access");
  return access;
}

function tamper(code: string): string {
  const [body, signature] = code.split(".");
  const index = 10;
  return `${body.slice(0, index)}${body[index] === "A" ? "B" : "A"}${body.slice(index + 1)}.${signature}`;
}

describe("door staff", () => {
  it("see only the sessions of the events they were granted; admins see all; others none", async () => {
    const a = await paidTickets(1);
    const b = await paidTickets(1);
    const staff = await doorStaffFor(a.event.id);
    expect(await doorAccess(staff, a.session.id)).toMatchObject({ staff: { id: staff.id, admin: false }, session: { id: a.session.id, eventId: a.event.id } });
    expect(await doorAccess(staff, b.session.id)).toBeNull();
    const sessions = (await listDoorSessions(staff))!.map((session) => session.id);
    expect(sessions).toContain(a.session.id);
    expect(sessions).not.toContain(b.session.id);

    const everywhere = await doorStaffFor(null);
    expect(await doorAccess(everywhere, b.session.id)).not.toBeNull();
    const admin = await createTestUser({ role: "admin" });
    expect(await doorAccess(admin, b.session.id)).toMatchObject({ staff: { admin: true } });
    const attendee = await createTestUser();
    expect(await doorAccess(attendee, a.session.id)).toBeNull();
    expect(await listDoorSessions(attendee)).toBeNull();
  });
});

describe("checkInTicket", () => {
  it("admits a genuine ticket once, with the holder's name and type; the next scan is told who and when", async () => {
    const { session, event, codes } = await paidTickets(2);
    const access = await door(session.id, await doorStaffFor(event.id));
    const first = await checkInTicket({ ...access, code: codes[0].code, door: "North" });
    expect(first).toMatchObject({ result: "admitted", ticket: { id: codes[0].id, holderName: "Ana Holder", ticketTypeName: "Standing" }, checkIn: { by: "Door", door: "North" } });
    const again = await checkInTicket({ ...access, code: codes[0].code, door: "South" });
    expect(again).toMatchObject({ result: "already_checked_in", ticket: { holderName: "Ana Holder" }, checkIn: { by: "Door", door: "North" } });
    expect(again.result === "already_checked_in" && again.checkIn.at).toBe(first.result === "admitted" && first.checkIn.at);
    // The other ticket of the order is its own entry.
    expect((await checkInTicket({ ...access, code: codes[1].code, door: "South" })).result).toBe("admitted");
    expect(await prisma.checkIn.count({ where: { sessionId: session.id, undoneAt: null } })).toBe(2);
  });

  it("admits a typed short code (any case, spaces, hyphen) once; another session's is refused without naming its holder", async () => {
    const { session, event, codes } = await paidTickets(2);
    const other = await paidTickets(1);
    expect(codes[0].shortCode).toMatch(/^[2-9A-HJKMNP-TV-Z]{10}$/);
    expect(codes[0].shortCode).not.toBe(codes[1].shortCode);
    const access = await door(session.id, await doorStaffFor(event.id));
    const typed = `${codes[0].shortCode.slice(0, 5).toLowerCase()} - ${codes[0].shortCode.slice(5)}`;
    expect(await checkInTicket({ ...access, code: typed, door: "North" })).toMatchObject({ result: "admitted", ticket: { id: codes[0].id, holderName: "Ana Holder" } });
    // The same ticket by its QR next: amber, one admission between them.
    expect(await checkInTicket({ ...access, code: codes[0].code, door: "South" })).toMatchObject({ result: "already_checked_in", checkIn: { by: "Door", door: "North" } });
    expect(await checkInTicket({ ...access, code: other.codes[0].shortCode, door: "d" })).toEqual({ result: "rejected", reason: "other_event", ticket: null });
    expect(await checkInTicket({ ...access, code: "22222AAAAA", door: "d" })).toEqual({ result: "rejected", reason: "not_valid", ticket: null });
    // The door list carries the short codes, so a phone without a connection matches them too.
    const list = await loadDoorList(access.session);
    expect(list.tickets.map((ticket) => ticket.shortCode).sort()).toEqual(codes.map((code) => code.shortCode).sort());
    expect(list.tickets.find((ticket) => ticket.id === codes[0].id)?.checkedIn).toMatchObject({ by: "Door", door: "North" });
    const offline = await offlineVerdict({ list, code: codes[1].shortCode.toLowerCase(), admittedHere: new Map(), door: "West", by: "Door", now: new Date(), newId: () => randomUUID() });
    expect(offline).toMatchObject({ result: "admitted", ticket: { id: codes[1].id } });
  });

  it("refuses a tampered code, a code for another session, a void ticket and a refunded order", async () => {
    const { session, event, codes, order } = await paidTickets(2);
    const other = await paidTickets(1);
    const access = await door(session.id, await createTestUser({ role: "admin" }));

    expect(await checkInTicket({ ...access, code: tamper(codes[0].code), door: "d" })).toEqual({ result: "rejected", reason: "not_valid", ticket: null });
    expect(await checkInTicket({ ...access, code: "not a ticket", door: "d" })).toEqual({ result: "rejected", reason: "not_valid", ticket: null });
    expect(await checkInTicket({ ...access, code: other.codes[0].code, door: "d" })).toMatchObject({ result: "rejected", reason: "other_event" });
    // Another session of the same event: the signed start differs.
    const later = await prisma.eventSession.create({ data: { eventId: event.id, venueId: session.venueId, startsAt: new Date(session.startsAt.getTime() + 86_400_000), endsAt: new Date(session.endsAt.getTime() + 86_400_000) } });
    expect(await checkInTicket({ ...(await door(later.id, access.staff)), code: codes[0].code, door: "d" })).toMatchObject({ result: "rejected", reason: "other_event" });

    await prisma.ticket.update({ where: { id: codes[1].id }, data: { status: "void" } });
    expect(await checkInTicket({ ...access, code: codes[1].code, door: "d" })).toMatchObject({ result: "rejected", reason: "void", ticket: { id: codes[1].id } });

    await refundPaidOrder(order.id);
    expect(await checkInTicket({ ...access, code: codes[0].code, door: "d" })).toMatchObject({ result: "rejected", reason: "refunded" });
    expect(await prisma.checkIn.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("still admits a version 1 (HMAC) code issued before Ed25519, checked with the legacy secret", async () => {
    const { session, order, codes } = await paidTickets(1);
    const access = await door(session.id, await createTestUser({ role: "admin" }));
    const legacy = signTicket({ ticketId: codes[0].id, orderReference: order.reference, startsAt: session.startsAt }, authSecret());
    expect(await checkInTicket({ ...access, code: signTicket({ ticketId: codes[0].id, orderReference: order.reference, startsAt: session.startsAt }, "x".repeat(40)), door: "d" })).toMatchObject({ result: "rejected", reason: "not_valid" });
    expect(await checkInTicket({ ...access, code: legacy, door: "d" })).toMatchObject({ result: "admitted" });
  });

  it("admits a ticket once when many doors scan it at the same moment", async () => {
    const { session, event, codes } = await paidTickets(1);
    const staff = await doorStaffFor(event.id);
    const access = await door(session.id, staff);
    const verdicts = await Promise.all(Array.from({ length: 12 }, (_, index) => checkInTicket({ ...access, code: codes[0].code, door: `Door ${index}` })));
    expect(verdicts.filter((verdict) => verdict.result === "admitted")).toHaveLength(1);
    expect(verdicts.filter((verdict) => verdict.result === "already_checked_in")).toHaveLength(11);
    expect(await prisma.checkIn.count({ where: { ticketId: codes[0].id } })).toBe(1);
  });
});

describe("offline at the door", () => {
  it("verifies locally with the public key, queues, and on upload reports the second door's admission as a conflict", async () => {
    // Tonight's session, doors open early: the scans happen within the window an upload accepts.
    const doorsOpen = Date.now() - 30 * 60_000;
    const at = (minute: number) => new Date(doorsOpen + minute * 60_000).toISOString();
    const { session, event, codes } = await paidTickets(2, new Date(Date.now() + 2 * 60 * 60_000));
    const staff = await doorStaffFor(event.id);
    const access = await door(session.id, staff);
    const list = await loadDoorList(access.session);
    expect(list.tickets.map((ticket) => ticket.id).sort()).toEqual(codes.map((code) => code.id).sort());
    expect(list.tickets[0]).toMatchObject({ holderName: "Ana Holder", refusal: null, checkedIn: null });

    // Two doors, both offline, both admit ticket 0; door A also admits ticket 1.
    const scanAt = (door: string, code: string, admittedHere: Map<string, LocalAdmission>, minute: number) =>
      offlineVerdict({ list, code, admittedHere, door, by: staff.email, now: new Date(at(minute)), newId: randomUUID });
    const doorA = new Map<string, LocalAdmission>();
    const doorB = new Map<string, LocalAdmission>();
    const a0 = await scanAt("A", codes[0].code, doorA, 14);
    expect(a0).toMatchObject({ result: "admitted", ticket: { holderName: "Ana Holder" } });
    if (a0.result === "admitted") doorA.set(codes[0].id, { ...a0.checkIn, ticketId: codes[0].id });
    expect(await scanAt("A", codes[0].code, doorA, 15)).toMatchObject({ result: "already_checked_in", checkIn: { door: "A" } });
    expect(await scanAt("A", tamper(codes[1].code), doorA, 15)).toMatchObject({ result: "rejected", reason: "not_valid" });
    expect((await scanAt("A", codes[1].code, doorA, 16)).result).toBe("admitted");
    expect((await scanAt("B", codes[0].code, doorB, 17)).result).toBe("admitted");

    const queueA = [
      { scanId: randomUUID(), code: codes[0].code, scannedAt: at(14) },
      { scanId: randomUUID(), code: codes[1].code, scannedAt: at(16) },
    ];
    const queueB = [{ scanId: randomUUID(), code: codes[0].code, scannedAt: at(17) }];
    const uploadedA = await uploadScans({ ...access, door: "A", scans: queueA });
    expect(uploadedA.map((scan) => [scan.verdict.result, scan.conflict])).toEqual([["admitted", false], ["admitted", false]]);
    const uploadedB = await uploadScans({ ...access, door: "B", scans: queueB });
    expect(uploadedB).toMatchObject([{ scanId: queueB[0].scanId, conflict: true, verdict: { result: "already_checked_in", checkIn: { door: "A", at: at(14) } } }]);

    // Uploading again (the answer was lost) changes nothing: one admission per ticket, one conflict.
    expect((await uploadScans({ ...access, door: "A", scans: queueA })).map((scan) => scan.verdict.result)).toEqual(["admitted", "admitted"]);
    await uploadScans({ ...access, door: "B", scans: queueB });
    const stored = await prisma.checkIn.findMany({ where: { sessionId: session.id }, orderBy: { scannedAt: "asc" } });
    expect(stored.map((row) => [row.door, row.offline, row.scannedAt.toISOString()])).toEqual([
      ["A", true, at(14)],
      ["A", true, at(16)],
    ]);
    const conflicts = await prisma.checkInConflict.findMany({ where: { sessionId: session.id } });
    expect(conflicts).toMatchObject([{ ticketId: codes[0].id, door: "B", reason: "already_checked_in", checkInId: stored[0].id }]);

    // The next sync tells every door who is in.
    const synced = await loadDoorList(access.session);
    expect(synced.tickets.every((ticket) => ticket.checkedIn?.door === "A")).toBe(true);
  });

  it("records an offline admission of a ticket refunded since the sync as a conflict", async () => {
    const { session, event, codes, order } = await paidTickets(1, new Date(Date.now() + 2 * 60 * 60_000));
    const staff = await doorStaffFor(event.id);
    const access = await door(session.id, staff);
    await refundPaidOrder(order.id);
    const [uploaded] = await uploadScans({ ...access, door: "Gate", scans: [{ scanId: randomUUID(), code: codes[0].code, scannedAt: new Date().toISOString() }] });
    expect(uploaded).toMatchObject({ conflict: true, verdict: { result: "rejected", reason: "refunded" } });
    expect(await prisma.checkInConflict.count({ where: { ticketId: codes[0].id, reason: "refunded" } })).toBe(1);
  });

  it("refuses, scan by scan with a reason, scan times no door could have made: 1970, 2099, before the scanner could offer the session, ahead of the server's clock", async () => {
    const startsAt = new Date(Date.now() + 2 * 60 * 60_000);
    const { session, event, codes } = await paidTickets(2, startsAt);
    const staff = await doorStaffFor(event.id);
    const access = await door(session.id, staff);
    const implausible = ["1970-01-01T00:00:00Z", "2099-01-01T00:00:00Z", new Date(startsAt.getTime() - 15 * 24 * 60 * 60_000).toISOString(), new Date(Date.now() + 10 * 60_000).toISOString()];
    const scans = [
      ...implausible.map((scannedAt) => ({ scanId: randomUUID(), code: codes[0].code, scannedAt })),
      // Staff may try the scanner days ahead, and the phone's clock may run a little fast.
      { scanId: randomUUID(), code: codes[1].code, scannedAt: new Date(Date.now() + 2 * 60_000).toISOString() },
    ];
    const uploaded = await uploadScans({ ...access, door: "Gate", scans });
    expect(uploaded.filter((scan) => scan.verdict.result === "rejected")).toHaveLength(4);
    for (const { scanId } of scans.slice(0, 4)) {
      expect(uploaded.find((scan) => scan.scanId === scanId)).toMatchObject({ conflict: true, verdict: { result: "rejected", reason: "scan_time" } });
    }
    expect(uploaded.find((scan) => scan.scanId === scans[4].scanId)).toMatchObject({ conflict: false, verdict: { result: "admitted" } });
    expect(await prisma.checkIn.findMany({ where: { sessionId: session.id }, select: { ticketId: true } })).toEqual([{ ticketId: codes[1].id }]);
  });
});
