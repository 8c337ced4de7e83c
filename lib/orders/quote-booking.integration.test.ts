// The booking rules through reserveBooking: their wording, and an admin's change of them
// (the quote may read a kept copy; the commit refuses a quote made under other rules).
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { instantAt } from "@/lib/time";
import { createBookableEvent, createTestUser } from "@/tests/fixtures";
import { placeOrder } from "./place-order";
import { quoteBooking } from "./quote-booking";
import { reserveBooking } from "./reserve-booking";
import { saleRulesFor } from "./sale-rules";
import { accountBuyer } from "./buyer";

const TIME_ZONE = "Europe/Berlin";
let resourceId: string;

beforeAll(async () => {
  const { resource } = await createBookableEvent({ timeZone: TIME_ZONE });
  await prisma.resource.update({ where: { id: resource.id }, data: { opensMinute: 9 * 60, closesMinute: 18 * 60, slotMinutes: 30, minMinutes: 60, maxMinutes: 180 } });
  resourceId = resource.id;
});

describe("reserveBooking's refusals", () => {
  it("say what to change, next to the field, and write nothing", async () => {
    const user = await createTestUser();
    const attempt = (start: Date, minutes: number) => reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId, start, minutes } }).then(() => null, (error: { code: string; message: string; field?: string }) => ({ code: error.code, message: error.message, field: error.field }));
    expect(await attempt(instantAt("2027-06-02", 9 * 60, TIME_ZONE), 240)).toEqual({ code: "bad_length", message: "Choose a length between 60 and 180 minutes", field: "minutes" });
    expect(await attempt(instantAt("2027-06-02", 9 * 60, TIME_ZONE), 75)).toEqual({ code: "bad_length", message: "The length must be a multiple of 30 minutes", field: "minutes" });
    expect(await attempt(instantAt("2027-06-02", 9 * 60 + 15, TIME_ZONE), 60)).toEqual({ code: "misaligned", message: "Start times are every 30 minutes from opening", field: "start" });
    expect(await attempt(instantAt("2027-06-02", 17 * 60 + 30, TIME_ZONE), 60)).toEqual({ code: "outside_hours", message: "That time is outside opening hours", field: "start" });
    expect(await attempt(instantAt("2026-05-31", 10 * 60, TIME_ZONE), 60)).toEqual({ code: "in_past", message: "That time has already passed", field: "start" });
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a change by an admin applies to the very next booking, whichever way it goes", async () => {
    const user = await createTestUser();
    const start = instantAt("2027-06-03", 10 * 60, TIME_ZONE);
    await prisma.resource.update({ where: { id: resourceId }, data: { maxMinutes: 60 } });
    await expect(reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId, start, minutes: 120 } })).rejects.toMatchObject({ code: "bad_length" });
    await prisma.resource.update({ where: { id: resourceId }, data: { maxMinutes: 180 } });
    await expect(reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId, start, minutes: 120 } })).resolves.toMatchObject({ status: "pending" });
  });

  it("a quote made under other rules or another price is refused by the commit, and nothing is written", async () => {
    const user = await createTestUser();
    const start = instantAt("2027-06-04", 10 * 60, TIME_ZONE);
    const { rules } = await saleRulesFor({ resourceId });
    const quoted = quoteBooking(rules!, { resourceId, start, minutes: 60 }, { now: new Date(), eventNamed: false });
    if (!quoted.ok) throw new Error(quoted.code);
    await prisma.resource.update({ where: { id: resourceId }, data: { closesMinute: 17 * 60 } });
    await expect(placeOrder({ buyer: accountBuyer(user.id), quote: quoted.quote })).rejects.toMatchObject({ code: "rules_changed" });
    await prisma.resource.update({ where: { id: resourceId }, data: { closesMinute: 18 * 60, priceMinorPerSlot: quoted.quote.unitPriceMinor + 100 } });
    await expect(placeOrder({ buyer: accountBuyer(user.id), quote: quoted.quote })).rejects.toMatchObject({ code: "price_changed" });
    // Through reserveBooking: a buyer who saw the old total is refused, not charged the new one.
    await expect(reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId, start, minutes: 60 }, expectedTotalMinor: quoted.quote.totalMinor })).rejects.toMatchObject({ code: "price_changed" });
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0);
    await prisma.resource.update({ where: { id: resourceId }, data: { priceMinorPerSlot: quoted.quote.unitPriceMinor } });
  });
});
