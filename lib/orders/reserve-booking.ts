import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { inTransaction } from "@/lib/db/transaction";
import { checkBookingRequest } from "./booking-rules";
import { newOrderReference } from "./codes";
import { completeOrder } from "./complete-order";
import { OrderError } from "./errors";
import { releaseExpiredBookingHolds } from "./release-expired-holds";
import type { ReservedOrder } from "./reserve-tickets";

export const ZReserveBooking = z.object({
  resourceId: z.uuid("Unknown experience"),
  start: z.iso.datetime({ offset: true, error: "Choose a start time" }).transform((value) => new Date(value)),
  minutes: z.coerce.number({ error: "Choose a length" }).int("Choose a length"),
});
export type ReserveBookingInput = z.input<typeof ZReserveBooking>;

type LockedResource = {
  id: string;
  event_id: string;
  opens_minute: number;
  closes_minute: number;
  slot_minutes: number;
  min_minutes: number;
  max_minutes: number;
  price_minor_per_slot: number;
  currency: string;
  time_zone: string;
  event_status: string;
};

/**
 * Holds a time range of a bookable experience, in ONE transaction: lock the resource row →
 * give back expired holds → check the rules and that no live booking overlaps → write the
 * pending order and the held booking. The exclusion constraint backs the overlap check.
 */
export async function reserveBooking(options: { userId: string; input: z.output<typeof ZReserveBooking> }): Promise<ReservedOrder> {
  const { resourceId, start, minutes } = options.input;
  const settings = env();
  return inTransaction(async (tx) => {
    const [resource] = await tx.$queryRaw<LockedResource[]>`
      SELECT r.id, r.event_id, r.opens_minute, r.closes_minute, r.slot_minutes, r.min_minutes, r.max_minutes,
             r.price_minor_per_slot, r.currency, v.time_zone, e.status::text AS event_status
        FROM resources r JOIN venues v ON v.id = r.venue_id JOIN events e ON e.id = r.event_id
       WHERE r.id = ${resourceId}::uuid
         FOR UPDATE OF r`;
    if (!resource || resource.event_status !== "published") throw new OrderError("not_found", "This experience is not available", "start");
    checkBookingRequest(
      {
        opensMinute: resource.opens_minute,
        closesMinute: resource.closes_minute,
        slotMinutes: resource.slot_minutes,
        minMinutes: resource.min_minutes,
        maxMinutes: resource.max_minutes,
        timeZone: resource.time_zone,
      },
      start,
      minutes,
      new Date(),
    );
    await releaseExpiredBookingHolds(tx, resource.id);
    const end = new Date(start.getTime() + minutes * 60_000);
    const clash = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM bookings
       WHERE resource_id = ${resource.id}::uuid AND status IN ('held', 'sold')
         AND tstzrange(starts_at, ends_at) && tstzrange(${start}::timestamptz, ${end}::timestamptz)
       LIMIT 1`;
    if (clash.length > 0) throw new OrderError("taken", "That time is already booked; choose another", "start");

    const totalMinor = (minutes / resource.slot_minutes) * resource.price_minor_per_slot;
    const [order] = await tx.$queryRaw<{ id: string; reference: string; hold_expires_at: Date }[]>`
      INSERT INTO orders (reference, user_id, event_id, total_minor, currency, hold_expires_at)
      VALUES (${newOrderReference()}, ${options.userId}::uuid, ${resource.event_id}::uuid, ${totalMinor},
              ${resource.currency}, now() + make_interval(mins => ${settings.HOLD_MINUTES}))
      RETURNING id, reference, hold_expires_at`;
    await tx.$executeRaw`
      INSERT INTO bookings (resource_id, order_id, starts_at, ends_at)
      VALUES (${resource.id}::uuid, ${order.id}::uuid, ${start}::timestamptz, ${end}::timestamptz)`;

    const result: ReservedOrder = {
      id: order.id,
      reference: order.reference,
      status: "pending",
      totalMinor,
      currency: resource.currency,
      holdExpiresAt: order.hold_expires_at,
    };
    if (totalMinor === 0) {
      await completeOrder(tx, { orderId: order.id, provider: "free", paymentRef: null });
      result.status = "paid";
    }
    return result;
  });
}
