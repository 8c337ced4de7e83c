import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import { eventColumns, ZClockMinute, ZCreateEvent, ZPrice, ZResourceInput } from "./schemas";

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

  it("reads the open-data activity (one the storefront offers, or none) and an age range", () => {
    const event = {
      title: "Walk", slug: "walk", summary: "A walk by the river", description: "A long walk by the river, with stops.",
      category: "tour", city: "Lisbon", neighbourhood: "Alfama", venueId: "8b0e7a8e-6f0c-4c41-9a39-1f3f3d1b8f10", imageAlt: "A river",
    };
    const walking = ZCreateEvent.parse({ ...event, activityId: "95092977-5A20-4D6E-B312-8FDDABE71544", minAge: "8", maxAge: "" });
    expect(eventColumns(walking, event.venueId, event.venueId)).toMatchObject({ activityId: "95092977-5a20-4d6e-b312-8fddabe71544", minAge: 8, maxAge: null });
    expect(eventColumns(ZCreateEvent.parse({ ...event, activityId: "" }), event.venueId, event.venueId)).toMatchObject({ activityId: null, minAge: null });
    const wrong = ZCreateEvent.safeParse({ ...event, activityId: "00000000-0000-0000-0000-000000000000", minAge: "12", maxAge: "10" });
    expect(fieldErrorsOf(wrong.error!.issues)).toEqual({ activityId: "Choose an activity from the list", maxAge: "At least the minimum age" });
  });
});
