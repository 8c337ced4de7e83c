// Whether an attendee may still cancel a booking: the rule `order_cancel_booking`
// (prisma/migrations/20261202000000_order_functions) enforces under the order's lock, read
// here so the order page offers the button only when the cancel can succeed. Pure (no
// database, no server-only): the page passes what it loaded.
import type { OrderStatus } from "./transitions";

/** ORDER_TRANSITIONS.cancelBooking's starting statuses (booking-cancellable.test.ts keeps them in step). */
export const CANCELLABLE_BOOKING_STATUSES: readonly OrderStatus[] = ["pending", "paid"];

export type CancellableBooking = { startsAt: Date; status: string };

export function isBookingCancellable(order: { status: string }, booking: CancellableBooking | null | undefined, now = new Date()): boolean {
  if (!booking || booking.status === "cancelled") return false;
  return (CANCELLABLE_BOOKING_STATUSES as readonly string[]).includes(order.status) && booking.startsAt > now;
}
