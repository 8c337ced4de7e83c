// A holder for every ticket and questions to the buyer (issue 27.3–4), against the database:
// holders and answers travel through the quote and the one commit onto the tickets; bad
// answers hold nothing; a holder change re-issues the ticket under the order's lock, and the
// old code is refused at the door online at once and in the next door list.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { checkInTicket } from "@/lib/check-in/check-in-ticket";
import { loadDoorList } from "@/lib/check-in/door-list";
import { doorAccess } from "@/lib/check-in/staff";
import { accountBuyer, guestBuyer } from "@/lib/orders/buyer";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { forgetSaleRules } from "@/lib/orders/sale-rules";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { changeTicketHolder } from "./change-holder";
import { getOrderForViewer, holderChangeUntil } from "@/lib/orders/get-order";
import { loadOrderTickets } from "./load-order-tickets";
import { ticketsPdfKey } from "./order-tickets-pdf";

async function eventWithQuestions(options: { startsAt?: Date } = {}) {
  const made = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 0, name: "Adult" }, { capacity: 10, priceMinor: 0, name: "Child" }], startsAt: options.startsAt });
  const [adult, child] = made.ticketTypes;
  const diet = await prisma.eventQuestion.create({
    data: { eventId: made.event.id, kind: "one_choice", label: "Diet", required: true, perTicket: true, showAtDoor: true, options: [{ id: "veg", label: "Vegetarian" }, { id: "any", label: "Anything" }] },
  });
  const age = await prisma.eventQuestion.create({ data: { eventId: made.event.id, ticketTypeId: child.id, kind: "number", label: "Age", required: true, perTicket: true } });
  const photos = await prisma.eventQuestion.create({ data: { eventId: made.event.id, kind: "yes_no", label: "Photos are fine", required: true } });
  forgetSaleRules(made.event.id);
  return { ...made, adult, child, diet, age, photos };
}

describe("holders and answers at checkout", () => {
  it("put each holder's name, email and answers on their ticket, and the order's answers on the order", async () => {
    const e = await eventWithQuestions();
    const order = await reserveTickets({
      buyer: guestBuyer({ email: "parent@example.test", name: "Pat Parent" }),
      input: { items: [{ ticketTypeId: e.child.id, quantity: 1 }, { ticketTypeId: e.adult.id, quantity: 2 }] },
      particulars: {
        holders: [
          { name: "Kim Kid", answers: { [e.diet.id]: "veg", [e.age.id]: "8" } },
          { answers: { [e.diet.id]: "any" } },
          { name: "Alex Adult", email: "ALEX@example.test", answers: { [e.diet.id]: "veg" } },
        ],
        answers: { [e.photos.id]: true },
      },
    });
    expect(order.status).toBe("paid");
    const tickets = await prisma.ticket.findMany({ where: { orderId: order.id }, select: { ticketTypeId: true, holderName: true, holderEmail: true, answers: true } });
    expect(tickets).toHaveLength(3);
    expect(tickets).toEqual(
      expect.arrayContaining([
        { ticketTypeId: e.child.id, holderName: "Kim Kid", holderEmail: null, answers: { [e.diet.id]: "veg", [e.age.id]: 8 } },
        // No name given: the buyer's.
        { ticketTypeId: e.adult.id, holderName: "Pat Parent", holderEmail: null, answers: { [e.diet.id]: "any" } },
        { ticketTypeId: e.adult.id, holderName: "Alex Adult", holderEmail: "alex@example.test", answers: { [e.diet.id]: "veg" } },
      ]),
    );
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).answers).toEqual({ [e.photos.id]: true });
    // Alex gave an email: Alex gets their own ticket; the others are in the buyer's email.
    const alex = await prisma.ticket.findFirstOrThrow({ where: { orderId: order.id, holderName: "Alex Adult" } });
    expect(await prisma.job.count({ where: { uniqueKey: { startsWith: "deliver_ticket:" }, payload: { path: ["ticketId"], string_contains: "" }, AND: { uniqueKey: `deliver_ticket:${alex.id}` } } })).toBe(1);
    expect(await prisma.job.count({ where: { kind: "deliver_ticket", payload: { path: ["ticketId"], equals: alex.id } } })).toBe(1);

    // The door sees each holder with the answers marked for the door, online and in its list.
    const admin = await createTestUser({ role: "admin" });
    const access = (await doorAccess(admin, e.session.id))!;
    const list = await loadDoorList(access.session);
    expect(list.tickets.find((ticket) => ticket.holderName === "Kim Kid")?.notes).toEqual(["Diet: Vegetarian"]);
    const kim = (await loadOrderTickets(order.id))!.pdf.tickets.find((ticket) => ticket.holderName === "Kim Kid")!;
    expect(await checkInTicket({ ...access, code: kim.signedCode, door: "Main" })).toMatchObject({ result: "admitted", ticket: { holderName: "Kim Kid", notes: ["Diet: Vegetarian"] } });
  });

  it("refuse a missing or wrong answer with every field named, and hold nothing", async () => {
    const e = await eventWithQuestions();
    const attempt = reserveTickets({
      buyer: guestBuyer({ email: "nobody@example.test", name: "No Body" }),
      input: { items: [{ ticketTypeId: e.child.id, quantity: 1 }] },
      particulars: { holders: [{ email: "not an email", answers: { [e.diet.id]: "fish" } }] },
    });
    await expect(attempt).rejects.toMatchObject({
      code: "invalid",
      fieldErrors: {
        [`answers.${e.photos.id}`]: "Tick this to go on",
        "holders.0.email": "Enter a valid email, or leave it empty",
        [`holders.0.answers.${e.diet.id}`]: "Choose one of the options",
        [`holders.0.answers.${e.age.id}`]: "This question needs an answer",
      },
    });
    expect(await prisma.order.count({ where: { buyerEmail: "nobody@example.test" } })).toBe(0);
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: e.child.id } })).held).toBe(0);
  });
});

async function paidOrderOf(options: { startsAt?: Date } = {}) {
  const made = await createTicketedEvent({ ticketTypes: [{ capacity: 10, name: "Standing" }], startsAt: options.startsAt });
  const buyer = await createTestUser({ name: "Bea Buyer" });
  const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: made.ticketTypes[0].id, quantity: 2 }] } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
  const tickets = (await loadOrderTickets(order.id))!.pdf.tickets;
  return { ...made, buyer, order, tickets };
}

describe("changing a ticket's holder", () => {
  it("re-issues the ticket: a new code, the old one refused at the door at once and void in the door list; the new holder gets it by email", async () => {
    const { buyer, order, tickets, session } = await paidOrderOf();
    const pdfKeyBefore = ticketsPdfKey((await loadOrderTickets(order.id))!);
    const changed = await changeTicketHolder({ orderId: order.id, ticketId: tickets[0].id, change: { name: "Cora Friend", email: "cora@example.test" }, viewer: buyer });
    expect(changed.reissued).toBe(true);
    expect(changed.ticketId).not.toBe(tickets[0].id);

    const after = (await loadOrderTickets(order.id))!;
    expect(after.pdf.tickets.map((ticket) => ticket.holderName).sort()).toEqual(["Bea Buyer", "Cora Friend"]);
    expect(after.pdf.tickets.find((ticket) => ticket.id === changed.ticketId)!.shortCode).not.toBe(tickets[0].shortCode);
    expect(ticketsPdfKey(after)).not.toBe(pdfKeyBefore);
    expect(await prisma.ticket.findUniqueOrThrow({ where: { id: tickets[0].id }, select: { status: true } })).toEqual({ status: "void" });
    expect(await prisma.job.count({ where: { uniqueKey: `deliver_ticket:${changed.ticketId}` } })).toBe(1);

    const admin = await createTestUser({ role: "admin", name: "Door" });
    const access = (await doorAccess(admin, session.id))!;
    expect(await checkInTicket({ ...access, code: tickets[0].signedCode, door: "Main" })).toMatchObject({ result: "rejected", reason: "void" });
    expect(await checkInTicket({ ...access, code: tickets[0].shortCode, door: "Main" })).toMatchObject({ result: "rejected" });
    const fresh = after.pdf.tickets.find((ticket) => ticket.id === changed.ticketId)!;
    expect(await checkInTicket({ ...access, code: fresh.signedCode, door: "Main" })).toMatchObject({ result: "admitted", ticket: { holderName: "Cora Friend" } });
    const list = await loadDoorList(access.session);
    expect(list.tickets.find((ticket) => ticket.id === tickets[0].id)).toMatchObject({ refusal: "void" });
  });

  it("is refused after the event's cutoff, for a used ticket, and to anyone but the buyer", async () => {
    const soon = await paidOrderOf({ startsAt: new Date(Date.now() + 60 * 60_000) });
    const viewer = soon.buyer;
    await expect(changeTicketHolder({ orderId: soon.order.id, ticketId: soon.tickets[0].id, change: { name: "Late", email: null }, viewer })).rejects.toMatchObject({ code: "holder_locked" });

    const { buyer, order, tickets, session } = await paidOrderOf();
    const stranger = await createTestUser();
    const as = (user: typeof buyer) => user;
    await expect(changeTicketHolder({ orderId: order.id, ticketId: tickets[0].id, change: { name: "Thief", email: null }, viewer: as(stranger) })).rejects.toMatchObject({ code: "not_found" });
    // Another order's private link opens nothing here.
    await expect(changeTicketHolder({ orderId: order.id, ticketId: tickets[0].id, change: { name: "Thief", email: null }, viewer: null, accessToken: soon.order.accessToken })).rejects.toMatchObject({ code: "not_found" });
    // A ticket of another order, named under this order: not found.
    await expect(changeTicketHolder({ orderId: order.id, ticketId: soon.tickets[0].id, change: { name: "Mix", email: null }, viewer: as(buyer) })).rejects.toMatchObject({ code: "not_found" });

    const admin = await createTestUser({ role: "admin" });
    const access = (await doorAccess(admin, session.id))!;
    await checkInTicket({ ...access, code: tickets[1].signedCode, door: "Main" });
    await expect(changeTicketHolder({ orderId: order.id, ticketId: tickets[1].id, change: { name: "After", email: null }, viewer: as(buyer) })).rejects.toMatchObject({ code: "holder_locked" });
    // The same name again changes nothing, and no code is re-issued.
    expect(await changeTicketHolder({ orderId: order.id, ticketId: tickets[0].id, change: { name: "Bea Buyer", email: null }, viewer: as(buyer) })).toMatchObject({ reissued: false, ticketId: tickets[0].id });
    // Changing a replaced ticket says so.
    await changeTicketHolder({ orderId: order.id, ticketId: tickets[0].id, change: { name: "Dee", email: null }, viewer: as(buyer) });
    await expect(changeTicketHolder({ orderId: order.id, ticketId: tickets[0].id, change: { name: "Eve", email: null }, viewer: as(buyer) })).rejects.toMatchObject({ code: "holder_locked" });
  });

  it("by the order's private link, as a guest", async () => {
    const made = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 0 }] });
    const order = await reserveTickets({ buyer: guestBuyer({ email: "g@example.test", name: "Gus Guest" }), input: { items: [{ ticketTypeId: made.ticketTypes[0].id, quantity: 1 }] } });
    const [ticket] = await prisma.ticket.findMany({ where: { orderId: order.id } });
    const changed = await changeTicketHolder({ orderId: order.id, ticketId: ticket.id, change: { name: "Hal Friend", email: null }, viewer: null, accessToken: order.accessToken });
    expect(changed.reissued).toBe(true);
    // No email: nobody to send it to.
    expect(await prisma.job.count({ where: { uniqueKey: `deliver_ticket:${changed.ticketId}` } })).toBe(0);
  });

  it("is refused when the event does not let tickets be passed on, and the order page offers no change", async () => {
    const { buyer, order, tickets, event } = await paidOrderOf();
    await prisma.event.update({ where: { id: event.id }, data: { transfersForbidden: true } });
    await expect(changeTicketHolder({ orderId: order.id, ticketId: tickets[0].id, change: { name: "Not allowed", email: null }, viewer: buyer })).rejects.toMatchObject({
      code: "holder_locked",
      message: "This event does not let tickets be passed on",
    });
    const view = await getOrderForViewer(order.id, buyer);
    expect(holderChangeUntil(view!)).toBeNull();
  });
});
