import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { sql } from "@/lib/db";
import { countOrderHold, countOrderOutcome } from "@/lib/ops/metrics";
import { currentRequestId } from "@/lib/ops/request-context";
import { checkBookingRequest } from "./booking-rules";
import { newOrderReference } from "./codes";
import { OrderError } from "./errors";
import { fromReserveRefusal, type ReserveAnswer } from "./reserve-answer";
import type { ReservedOrder } from "./reserve-tickets";

export const ZReserveBooking = z.object({
  resourceId: z.uuid("Unknown experience"),
  start: z.iso.datetime({ offset: true, error: "Choose a start time" }).transform((value) => new Date(value)),
  minutes: z.coerce.number({ error: "Choose a length" }).int("Choose a length"),
});
export type ReserveBookingInput = z.input<typeof ZReserveBooking>;

type ResourceRules = {
  event_id: string;
  event_status: string;
  opens_minute: number;
  closes_minute: number;
  slot_minutes: number;
  min_minutes: number;
  max_minutes: number;
  price_minor_per_slot: number;
  time_zone: string;
};

/**
 * Holds a time range of a bookable experience. The booking rules (lib/orders/booking-rules.ts)
 * are checked on the resource as read without a lock; then ONE call of
 * `order_reserve_booking` checks that the resource is unchanged, locks its row, gives back
 * expired holds in the range, checks that no live booking overlaps and writes the pending
 * order and the held booking. The exclusion constraint backs the overlap check.
 */
export async function reserveBooking(options: { userId: string; input: z.output<typeof ZReserveBooking>; eventId?: string; locale?: Locale }): Promise<ReservedOrder> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await reserveBookingOnce(options);
    } catch (error) {
      // The resource changed between reading its rules and locking it: read them again, once.
      if (!(error instanceof ResourceChanged) || attempt >= 2) throw error instanceof ResourceChanged ? error.refusal : error;
    }
  }
}

class ResourceChanged extends Error {
  constructor(readonly refusal: OrderError) {
    super(refusal.message);
  }
}

async function reserveBookingOnce(options: { userId: string; input: z.output<typeof ZReserveBooking>; eventId?: string; locale?: Locale }): Promise<ReservedOrder> {
  const { resourceId, start, minutes } = options.input;
  const settings = env();
  const [resource] = await sql<ResourceRules>`
    SELECT r.event_id, e.status::text AS event_status, r.opens_minute, r.closes_minute, r.slot_minutes, r.min_minutes,
           r.max_minutes, r.price_minor_per_slot, v.time_zone
      FROM resources r JOIN venues v ON v.id = r.venue_id JOIN events e ON e.id = r.event_id
     WHERE r.id = ${resourceId}::uuid`;
  if (options.eventId && resource?.event_id !== options.eventId) {
    throw new OrderError("not_in_event", "Not a bookable resource of this event", "resourceId").says("notBookable");
  }
  if (!resource || resource.event_status !== "published") throw new OrderError("not_found", "This experience is not available", "start").says("experienceUnavailable");
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
  const end = new Date(start.getTime() + minutes * 60_000);
  const rules = [resource.opens_minute, resource.closes_minute, resource.slot_minutes, resource.min_minutes, resource.max_minutes, resource.price_minor_per_slot];
  const [{ result }] = await sql<{ result: ReserveAnswer }>`
    SELECT order_reserve_booking(
      ${options.userId}::uuid, ${options.eventId ?? null}::uuid, ${resourceId}::uuid,
      ${start}::timestamptz, ${end}::timestamptz, ${rules}::int[],
      ${newOrderReference()}, ${settings.HOLD_MINUTES}::int, ${settings.MAX_HELD_PLACES_PER_USER}::int, ${currentRequestId() ?? null},
      ${options.locale ?? DEFAULT_LOCALE}
    ) AS result`;
  if (!result.ok) {
    if (result.code === "changed") throw new ResourceChanged(fromReserveRefusal(result));
    throw fromReserveRefusal(result);
  }
  countOrderHold();
  if (result.status === "paid") countOrderOutcome("sold");
  return { ...result, holdExpiresAt: new Date(result.holdExpiresAt) };
}
