import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/field-errors";
import { ZClockMinute, ZPrice, ZResourceInput } from "./schemas";

describe("admin schemas", () => {
  it("reads prices in major units into minor units", () => {
    expect(ZPrice.parse("12.50")).toBe(1250);
    expect(ZPrice.parse("12,5")).toBe(1250);
    expect(ZPrice.parse(0)).toBe(0);
    expect(ZPrice.parse(19.99)).toBe(1999);
    expect(ZPrice.safeParse("12.345").success).toBe(false);
    expect(ZPrice.safeParse("-1").success).toBe(false);
  });

  it("reads opening hours, 24:00 included", () => {
    expect(ZClockMinute.parse("09:30")).toBe(570);
    expect(ZClockMinute.parse("24:00")).toBe(1440);
    expect(ZClockMinute.safeParse("24:30").success).toBe(false);
  });

  it("checks an experience's slot rules like the database does, reporting each field", () => {
    const result = ZResourceInput.safeParse({ name: "Boat", opensAt: "09:00", closesAt: "10:00", slotMinutes: "30", minMinutes: "90", maxMinutes: "100", price: "5" });
    expect(result.success).toBe(false);
    expect(fieldErrorsOf(result.error!.issues)).toEqual({ minMinutes: "Longer than the opening hours", maxMinutes: "Use a multiple of the slot (30 min)" });
  });
});
