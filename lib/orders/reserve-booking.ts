import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { sql } from "@/lib/db";
import { countOrderHold, countOrderOutcome } from "@/lib/ops/metrics";
import { currentRequestId } from "@/lib/ops/request-context";
import { newOrderReference } from "./codes";
import { OrderError } from "./errors";
import { fromReserveRefusal, type ReserveAnswer } from "./reserve-answer";
import type { ReservedOrder } from "./reserve-tickets";
import { sweepWhenHoldExpires } from "./hold-expiry-timer";

export const ZReserveBooking = z.object({
  resourceId: z.uuid("Unknown experience"),
  start: z.iso.datetime({ offset: true, error: "Choose a start time" }).transform((value) => new Date(value)),
  // Bounded so it always fits the database's int; the resource's own limits are checked in SQL.
  minutes: z.coerce.number({ error: "Choose a length" }).int("Choose a length").min(1, "Choose a length").max(10_080, "Choose a length"),
});
export type ReserveBookingInput = z.input<typeof ZReserveBooking>;

/**
 * Holds a time range of a bookable experience in ONE call of `order_reserve_booking`: it reads
 * the resource, checks the booking rules in the venue's time zone (`order_booking_refusal`)
 * and that no live booking overlaps, then locks the resource's row, checks again, gives back
 * expired holds in the range and writes the pending order and the held booking. The
 * exclusion constraint backs the overlap check. Refusals come back before any write.
 * `locale`: the language the buyer reads, kept on the order for the email and the PDF tickets.
 */
export async function reserveBooking(options: { userId: string; input: z.output<typeof ZReserveBooking>; eventId?: string; locale?: Locale }): Promise<ReservedOrder> {
  const { resourceId, start, minutes } = options.input;
  if (Number.isNaN(start.getTime())) throw new OrderError("invalid", "Choose a start time", "start").says("chooseStart");
  const settings = env();
  const [{ result }] = await sql<{ result: ReserveAnswer }>`
    SELECT order_reserve_booking(
      ${options.userId}::uuid, ${options.eventId ?? null}::uuid, ${resourceId}::uuid, ${start}::timestamptz, ${minutes}::int,
      ${newOrderReference()}, ${settings.HOLD_MINUTES}::int, ${settings.MAX_HELD_PLACES_PER_USER}::int, ${currentRequestId() ?? null},
      ${options.locale ?? DEFAULT_LOCALE}
    ) AS result`;
  if (!result.ok) throw fromReserveRefusal(result);
  countOrderHold();
  if (result.status === "paid") countOrderOutcome("sold");
  const holdExpiresAt = new Date(result.holdExpiresAt);
  if (result.status === "pending") sweepWhenHoldExpires(holdExpiresAt);
  return { ...result, holdExpiresAt };
}
