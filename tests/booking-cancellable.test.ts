// Beside lib/orders/booking-cancellable.ts in spirit; kept here because lib/orders has one owner.
import { describe, expect, it } from "vitest";
import { CANCELLABLE_BOOKING_STATUSES, isBookingCancellable } from "@/lib/orders/booking-cancellable";
import { ORDER_STATUSES, ORDER_TRANSITIONS } from "@/lib/orders/transitions";

const now = new Date("2030-06-01T10:00:00Z");
const later = { startsAt: new Date("2030-06-01T12:00:00Z"), status: "confirmed" };

describe("isBookingCancellable", () => {
  it("agrees with the transition table", () => {
    expect([...CANCELLABLE_BOOKING_STATUSES].sort()).toEqual(Object.keys(ORDER_TRANSITIONS.cancelBooking).sort());
  });

  it("offers the cancel only for a pending or paid booking that has not started and is not cancelled", () => {
    for (const status of ORDER_STATUSES) {
      expect(isBookingCancellable({ status }, later, now), status).toBe(status === "pending" || status === "paid");
    }
    expect(isBookingCancellable({ status: "paid" }, { ...later, startsAt: now }, now)).toBe(false);
    expect(isBookingCancellable({ status: "paid" }, { ...later, status: "cancelled" }, now)).toBe(false);
    expect(isBookingCancellable({ status: "paid" }, undefined, now)).toBe(false);
  });
});
