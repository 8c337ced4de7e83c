// Calendar feeds against the real database: a city's upcoming sessions, and a buyer's own
// tickets behind a link whose token is stored only as a hash and stops working when replaced.
import { describe, expect, it } from "vitest";
import { GET as ticketsCalendarRoute } from "@/app/api/calendar/tickets/[token]/route";
import { GET as cityCalendarRoute } from "@/app/api/calendar/cities/[city]/route";
import { prisma } from "@/lib/db";
import { accountBuyer } from "@/lib/orders/buyer";
import { reserveBooking } from "@/lib/orders/reserve-booking";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { instantAt, localDateAndMinute } from "@/lib/time";
import { createCatalogEvent, uniqueWord } from "@/tests/catalog-fixtures";
import { createBookableEvent, createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { buyerCalendar, calendarFeedSince, createCalendarFeed, deleteCalendarFeed, hashCalendarToken } from "./buyer-calendar";
import { cityCalendar } from "./city-calendar";
import { citySlug } from "./city-slug";
import { orderCalendarFile } from "./order-calendar";

const APP = "https://tickets.example";
const DAY = 86_400_000;
const params = <T,>(value: T) => ({ params: Promise.resolve(value) });
/** The VEVENT blocks' SUMMARY lines, unfolded. */
const summaries = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n").filter((line) => line.startsWith("SUMMARY:")).map((line) => line.slice(8));

describe("a city's calendar", () => {
  it("holds the city's upcoming sessions of published events, in the reader's language where translated", async () => {
    const city = uniqueWord("Cidade");
    const soon = new Date(Date.now() + 3 * DAY);
    await createCatalogEvent({
      title: "Fado at night", city, sessions: [{ startsAt: soon }, { startsAt: new Date(Date.now() + 4 * DAY), cancelled: true }, { startsAt: new Date(Date.now() - 4 * DAY) }],
      translations: [{ locale: "pt", title: "Fado à noite", summary: "Fado.", description: "Fado." }],
    });
    await createCatalogEvent({ title: "A draft", city, status: "draft", sessions: [{ startsAt: soon }] });
    await createCatalogEvent({ title: "Elsewhere", city: uniqueWord("Other"), sessions: [{ startsAt: soon }] });
    const english = await cityCalendar(citySlug(city), "en", APP);
    expect(english?.city).toBe(city);
    expect(summaries(english!.ics)).toEqual(["Fado at night"]);
    expect(english!.ics).toContain(`X-WR-CALNAME:${city}`);
    const portuguese = await cityCalendar(citySlug(city), "pt", APP);
    expect(summaries(portuguese!.ics)).toEqual(["Fado à noite"]);
    expect(portuguese!.ics).toContain(`${APP}/pt/events/`);
    expect(await cityCalendar("nowhere-at-all", "en", APP)).toBeNull();

    const response = await cityCalendarRoute(new Request(`${APP}/api/calendar/cities/${citySlug(city)}?lang=pt`), params({ city: citySlug(city) }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(summaries(await response.text())).toEqual(["Fado à noite"]);
    const unknown = await cityCalendarRoute(new Request(`${APP}/api/calendar/cities/nowhere`), params({ city: "nowhere" }));
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toBe("application/problem+json");
  });
});

describe("a buyer's calendar", () => {
  it("lists their paid tickets behind an unguessable link, kept only as a hash; a new link or turning it off ends the old one", async () => {
    const user = await createTestUser();
    const stranger = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ title: "Free choir", ticketTypes: [{ capacity: 5, priceMinor: 0 }] });
    const { ticketTypes: paidTypes } = await createTicketedEvent({ title: "Unpaid show", ticketTypes: [{ capacity: 5, priceMinor: 2000 }] });
    const paid = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: paidTypes[0].id, quantity: 1 }] } });
    await reserveTickets({ buyer: accountBuyer(stranger.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });

    expect(await calendarFeedSince(user.id)).toBeNull();
    const token = await createCalendarFeed(user.id);
    expect(token).toMatch(/^cal_[A-Za-z0-9_-]{43}$/);
    const stored = await prisma.calendarFeed.findUniqueOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashCalendarToken(token));
    expect(stored.tokenHash).not.toContain(token.slice(4));
    expect(await calendarFeedSince(user.id)).toBeInstanceOf(Date);

    const ics = await buyerCalendar(token, APP);
    // Only the paid order (the €20 one still waits for payment), only this buyer's.
    expect(summaries(ics!)).toEqual(["Free choir"]);
    expect(ics).toContain(`UID:order-${paid.id}@tickets.example`);
    expect(ics).toContain(`URL:${APP}/orders/${paid.id}`);

    const response = await ticketsCalendarRoute(new Request(`${APP}/api/calendar/tickets/${token}`), params({ token }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");

    const replacement = await createCalendarFeed(user.id);
    expect(replacement).not.toBe(token);
    expect(await buyerCalendar(token, APP)).toBeNull();
    expect(summaries((await buyerCalendar(replacement, APP))!)).toEqual(["Free choir"]);
    const gone = await ticketsCalendarRoute(new Request(`${APP}/api/calendar/tickets/${token}`), params({ token }));
    expect(gone.status).toBe(404);

    await deleteCalendarFeed(user.id);
    expect(await buyerCalendar(replacement, APP)).toBeNull();
    expect(await buyerCalendar("cal_short", APP)).toBeNull();
    expect(await buyerCalendar(`cal_${"A".repeat(43)}`, APP)).toBeNull();
  });
});

describe("the delivery email's calendar file", () => {
  it("holds a booked time as one event, the same bytes on every attempt", async () => {
    const user = await createTestUser();
    const { resource } = await createBookableEvent();
    const date = localDateAndMinute(new Date(Date.now() + 2 * DAY), "Europe/Lisbon").date;
    const start = instantAt(date, 10 * 60, "Europe/Lisbon");
    const order = await reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId: resource.id, start, minutes: 60 } });
    const file = await orderCalendarFile(order.id, APP);
    expect(file).toMatchObject({ filename: `${order.reference}.ics`, contentType: "text/calendar; charset=utf-8; method=PUBLISH" });
    const ics = file!.content.toString("utf8");
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain(`DTSTART:${start.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`);
    expect(ics).toMatch(/UID:booking-[0-9a-f-]{36}@tickets\.example/);
    expect((await orderCalendarFile(order.id, APP))!.content.equals(file!.content)).toBe(true);
    expect(await orderCalendarFile("00000000-0000-4000-8000-000000000000", APP)).toBeNull();
  });
});
