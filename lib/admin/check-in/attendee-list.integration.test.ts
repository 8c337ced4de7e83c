import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { createActor } from "@/tests/admin-fixtures";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { addQuestion, paidTicketOrder, reissueTicket } from "@/tests/question-fixtures";
import { isAdminError } from "../errors";
import { attendeeCsv, attendeeCsvFilename } from "./attendee-csv";
import { getAttendeeList } from "./attendee-list";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth", () => ({ currentUser: async () => session.user }));
const { GET: exportRoute } = await import("@/app/api/admin/sessions/[id]/attendees/export/route");
const { GET: listRoute } = await import("@/app/api/admin/sessions/[id]/attendees/route");

/** A session with two ticket types, three questions, two paid orders (one ticket re-issued, one checked in) and an unpaid one. */
async function sessionWithAttendees() {
  const { event, session: eventSession, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ name: "Adult", capacity: 10 }, { name: "Child", capacity: 10 }] });
  const first = await paidTicketOrder(ticketTypes[0].id, 2, "Zoe Buyer");
  const second = await paidTicketOrder(ticketTypes[1].id, 1, "Mia Buyer");
  const diet = await addQuestion(event.id, { kind: "several_choices", label: "Diet", perTicket: true, options: [{ id: "veg", label: "Vegetarian" }, { id: "gf", label: "Gluten free" }], sortOrder: 0 });
  const company = await addQuestion(event.id, { kind: "short_text", label: "=Company", sortOrder: 1 });
  const age = await addQuestion(event.id, { kind: "number", label: "Child's age", ticketTypeId: ticketTypes[1].id, sortOrder: 2, showAtDoor: true });
  await prisma.order.update({ where: { id: first.order.id }, data: { answers: { [company.id]: "=HYPERLINK(\"x\")" } } });
  await prisma.ticket.update({ where: { id: first.tickets[0].id }, data: { holderName: "Ana Holder", holderEmail: "ana@example.test", answers: { [diet.id]: ["veg", "gf"] } } });
  const reissued = await reissueTicket(first.tickets[1].id, { name: "Bruno New", email: null, answers: {} });
  await prisma.ticket.update({ where: { id: second.tickets[0].id }, data: { holderName: "Carla Kid", answers: { [age.id]: 9, [diet.id]: ["veg"] } } });
  const scannedAt = new Date("2030-01-01T19:05:00.000Z");
  await prisma.checkIn.create({ data: { ticketId: first.tickets[0].id, sessionId: eventSession.id, staffEmail: "door@example.test", door: "Main", scannedAt } });
  // Undone: not in.
  await prisma.checkIn.create({ data: { ticketId: second.tickets[0].id, sessionId: eventSession.id, staffEmail: "door@example.test", door: "Main", undoneAt: new Date(), undoneBy: "admin@example.test" } });
  // An unpaid order's tickets are no one's to list (none are issued); a refunded order's are void.
  await paidTicketOrder(ticketTypes[0].id, 1).then(({ tickets }) => prisma.ticket.updateMany({ where: { id: { in: tickets.map((ticket) => ticket.id) } }, data: { status: "void" } }));
  return { event, eventSession, first, second, reissued, scannedAt };
}

describe("the attendee list of a session", () => {
  it("lists each valid ticket once with its holder, the buyer, the answers by question and its check-in; as CSV too", async () => {
    const admin = await createActor();
    const { event, eventSession, first, second, reissued, scannedAt } = await sessionWithAttendees();
    const list = await getAttendeeList({ actor: admin, sessionId: eventSession.id });
    expect(list.questions.map((question) => question.label)).toEqual(["Diet", "=Company", "Child's age"]);
    expect(list.attendees.map(({ holderName, holderEmail, ticketType, answers, checkedIn }) => ({ holderName, holderEmail, ticketType, answers, checkedIn }))).toEqual([
      { holderName: "Ana Holder", holderEmail: "ana@example.test", ticketType: "Adult", answers: ["Vegetarian, Gluten free", "=HYPERLINK(\"x\")", ""], checkedIn: true },
      { holderName: "Bruno New", holderEmail: null, ticketType: "Adult", answers: ["", "=HYPERLINK(\"x\")", ""], checkedIn: false },
      { holderName: "Carla Kid", holderEmail: null, ticketType: "Child", answers: ["Vegetarian", "", "9"], checkedIn: false },
    ]);
    expect(list.attendees.map((attendee) => attendee.ticketId)).not.toContain(first.tickets[1].id);
    expect(list.attendees[1].ticketId).toBe(reissued.id);

    const csv = attendeeCsv(list);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("holder,holder_email,buyer_email,ticket_type,order_reference,short_code,Diet,'=Company,Child's age,checked_in,checked_in_at");
    expect(lines[1]).toBe(`Ana Holder,ana@example.test,${first.order.buyerEmail},Adult,${first.order.reference},${first.tickets[0].shortCode},"Vegetarian, Gluten free","'=HYPERLINK(""x"")",,yes,${scannedAt.toISOString()}`);
    expect(lines[2]).toBe(`Bruno New,,${first.order.buyerEmail},Adult,${first.order.reference},${reissued.shortCode},,"'=HYPERLINK(""x"")",,no,`);
    expect(lines[3]).toBe(`Carla Kid,,${second.order.buyerEmail},Child,${second.order.reference},${second.tickets[0].shortCode},Vegetarian,,9,no,`);
    expect(lines).toHaveLength(5);
    expect(attendeeCsvFilename(list)).toMatch(new RegExp(`^attendees-${event.slug}-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}\\.csv$`));
  });

  it("is an admin's only: an attendee or door staff is refused (404 from the routes), an unknown session is not found", async () => {
    const { event, eventSession } = await sessionWithAttendees();
    const staff = await createTestUser();
    await prisma.staffGrant.create({ data: { userId: staff.id, eventId: event.id, grantedBy: "test" } });
    const error = await getAttendeeList({ actor: { id: staff.id, email: staff.email, role: staff.role }, sessionId: eventSession.id }).catch((e) => e);
    expect(isAdminError(error) && error.code).toBe("forbidden");

    const request = (path: string) => new Request(`http://localhost${path}`, { headers: { cookie: "authjs.session-token=x" } });
    const params = { params: Promise.resolve({ id: eventSession.id }) };
    session.user = { id: staff.id, email: staff.email, name: staff.name, role: "attendee" };
    expect((await exportRoute(request(`/api/admin/sessions/${eventSession.id}/attendees/export`), params)).status).toBe(404);
    expect((await listRoute(request(`/api/admin/sessions/${eventSession.id}/attendees`), params)).status).toBe(404);

    const admin = await createActor();
    session.user = { id: admin.id, email: admin.email, name: "Admin", role: "admin" };
    const download = await exportRoute(request(`/api/admin/sessions/${eventSession.id}/attendees/export`), params);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="attendees-/);
    expect((await download.text()).split("\r\n")).toHaveLength(5);
    const unknown = await listRoute(request("/api/admin/sessions/nope/attendees"), { params: Promise.resolve({ id: "nope" }) });
    expect(unknown.status).toBe(404);
  });
});
