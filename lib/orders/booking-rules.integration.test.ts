// The booking rules as the database checks them (`order_booking_refusal`, called by
// `order_reserve_booking`), in the venue's time zone, and their wording through reserveBooking.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { instantAt } from "@/lib/time";
import { createBookableEvent, createTestUser } from "@/tests/fixtures";
import { reserveBooking } from "./reserve-booking";

const TIME_ZONE = "Europe/Berlin";
let resourceId: string;

async function refusalCode(start: Date, minutes: number): Promise<string> {
  const [{ refusal }] = await prisma.$queryRaw<{ refusal: { code: string } | null }[]>`
    SELECT order_booking_refusal(r, ${TIME_ZONE}, ${start}::timestamptz, ${minutes}::int) AS refusal FROM resources r WHERE r.id = ${resourceId}::uuid`;
  return refusal?.code ?? "ok";
}

beforeAll(async () => {
  const { resource } = await createBookableEvent({ timeZone: TIME_ZONE });
  await prisma.resource.update({ where: { id: resource.id }, data: { opensMinute: 9 * 60, closesMinute: 18 * 60, slotMinutes: 30, minMinutes: 60, maxMinutes: 180 } });
  resourceId = resource.id;
});

describe("order_booking_refusal", () => {
  it("accepts an aligned range inside opening hours, in the venue's time zone, summer and winter", async () => {
    // 09:00 in Berlin is 07:00 UTC in June and 08:00 UTC in January.
    expect(instantAt("2027-06-02", 9 * 60, TIME_ZONE).toISOString()).toBe("2027-06-02T07:00:00.000Z");
    expect(await refusalCode(instantAt("2027-06-02", 9 * 60, TIME_ZONE), 60)).toBe("ok");
    expect(await refusalCode(instantAt("2027-06-02", 15 * 60, TIME_ZONE), 180)).toBe("ok");
    expect(await refusalCode(instantAt("2027-01-12", 9 * 60, TIME_ZONE), 60)).toBe("ok");
    expect(await refusalCode(new Date("2027-01-12T07:00:00Z"), 60)).toBe("outside_hours");
  });

  it.each([
    [9 * 60 + 10, 60, "misaligned"],
    [9 * 60, 45, "bad_length"],
    [9 * 60, 75, "bad_length_step"],
    [9 * 60, 30, "bad_length"],
    [9 * 60, 210, "bad_length"],
    [8 * 60 + 30, 60, "outside_hours"],
    [17 * 60, 90, "outside_hours"],
    [23 * 60, 120, "outside_hours"],
  ])("refuses start %i for %i minutes with %s", async (minute, minutes, code) => {
    expect(await refusalCode(instantAt("2027-06-02", minute, TIME_ZONE), minutes)).toBe(code);
  });

  it("refuses a start with seconds, and the past", async () => {
    expect(await refusalCode(new Date(instantAt("2027-06-02", 10 * 60, TIME_ZONE).getTime() + 1_000), 60)).toBe("misaligned");
    expect(await refusalCode(instantAt("2026-05-31", 10 * 60, TIME_ZONE), 60)).toBe("in_past");
  });
});

describe("reserveBooking's refusals", () => {
  it("say what to change, next to the field, and write nothing", async () => {
    const user = await createTestUser();
    const attempt = (start: Date, minutes: number) => reserveBooking({ userId: user.id, input: { resourceId, start, minutes } }).then(() => null, (error: { code: string; message: string; field?: string }) => ({ code: error.code, message: error.message, field: error.field }));
    expect(await attempt(instantAt("2027-06-02", 9 * 60, TIME_ZONE), 240)).toEqual({ code: "bad_length", message: "Choose a length between 60 and 180 minutes", field: "minutes" });
    expect(await attempt(instantAt("2027-06-02", 9 * 60, TIME_ZONE), 75)).toEqual({ code: "bad_length", message: "The length must be a multiple of 30 minutes", field: "minutes" });
    expect(await attempt(instantAt("2027-06-02", 9 * 60 + 15, TIME_ZONE), 60)).toEqual({ code: "misaligned", message: "Start times are every 30 minutes from opening", field: "start" });
    expect(await attempt(instantAt("2027-06-02", 17 * 60 + 30, TIME_ZONE), 60)).toEqual({ code: "outside_hours", message: "That time is outside opening hours", field: "start" });
    expect(await attempt(instantAt("2026-05-31", 10 * 60, TIME_ZONE), 60)).toEqual({ code: "in_past", message: "That time has already passed", field: "start" });
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0);
  });

  it("reads the rules it checks: a change by an admin applies to the very next booking", async () => {
    const user = await createTestUser();
    const start = instantAt("2027-06-03", 10 * 60, TIME_ZONE);
    await prisma.resource.update({ where: { id: resourceId }, data: { maxMinutes: 60 } });
    await expect(reserveBooking({ userId: user.id, input: { resourceId, start, minutes: 120 } })).rejects.toMatchObject({ code: "bad_length" });
    await prisma.resource.update({ where: { id: resourceId }, data: { maxMinutes: 180 } });
    await expect(reserveBooking({ userId: user.id, input: { resourceId, start, minutes: 120 } })).resolves.toMatchObject({ status: "pending" });
  });
});
