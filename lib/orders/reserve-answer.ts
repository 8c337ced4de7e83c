import { OrderError } from "./errors";

/** What `order_reserve_tickets` / `order_reserve_booking` answer (jsonb). */
export type ReserveAnswer =
  | { ok: true; id: string; reference: string; status: "pending" | "paid"; totalMinor: number; currency: string; holdExpiresAt: string }
  | ReserveRefusal;

export type ReserveRefusal = {
  ok: false;
  code:
    | "event_not_found"
    | "not_found"
    | "not_in_event"
    | "not_on_sale"
    | "sold_out"
    | "not_enough"
    | "several_sessions"
    | "several_currencies"
    | "hold_limit"
    | "taken"
    | "bad_length"
    | "bad_length_step"
    | "in_past"
    | "misaligned"
    | "outside_hours";
  ticketTypeId?: string;
  name?: string;
  remaining?: number;
  held?: number;
  limit?: number;
  /** Booking rules: the allowed lengths and the slot step, in minutes. */
  min?: number;
  max?: number;
  step?: number;
};

/** A refusal from the database as the OrderError the buyer sees (the wording lives here, not in SQL). */
export function fromReserveRefusal(refusal: ReserveRefusal): OrderError {
  const field = refusal.ticketTypeId ? `quantity.${refusal.ticketTypeId}` : undefined;
  switch (refusal.code) {
    case "event_not_found":
      return new OrderError("not_found", "There is no event on sale with this id.");
    case "not_found":
      return refusal.ticketTypeId
        ? new OrderError("not_found", "This ticket type no longer exists", field)
        : new OrderError("not_found", "This experience is not available", "start");
    case "not_in_event":
      return refusal.ticketTypeId
        ? new OrderError("not_in_event", "Not a ticket type of an upcoming session of this event", field, undefined, [refusal.ticketTypeId])
        : new OrderError("not_in_event", "Not a bookable resource of this event", "resourceId");
    case "not_on_sale":
      return new OrderError("not_on_sale", `${refusal.name} is no longer on sale`, field);
    case "sold_out":
      return new OrderError("sold_out", `${refusal.name} is sold out`, field);
    case "not_enough": {
      const left = refusal.remaining!;
      return new OrderError("not_enough", `Only ${left} ${refusal.name} ${left === 1 ? "ticket is" : "tickets are"} left`, field);
    }
    case "several_sessions":
      return new OrderError("invalid", "Choose tickets for one date at a time", "items");
    case "several_currencies":
      return new OrderError("invalid", "These tickets are priced in different currencies", "items");
    case "hold_limit":
      return new OrderError(
        "hold_limit",
        `You already hold ${refusal.held} unpaid place${refusal.held === 1 ? "" : "s"}; pay for or cancel them first (at most ${refusal.limit} at once)`,
        "items",
      );
    case "taken":
      return new OrderError("taken", "That time is already booked; choose another", "start");
    case "bad_length":
      return new OrderError("bad_length", `Choose a length between ${refusal.min} and ${refusal.max} minutes`, "minutes");
    case "bad_length_step":
      return new OrderError("bad_length", `The length must be a multiple of ${refusal.step} minutes`, "minutes");
    case "in_past":
      return new OrderError("in_past", "That time has already passed", "start");
    case "misaligned":
      return new OrderError("misaligned", `Start times are every ${refusal.step} minutes from opening`, "start");
    case "outside_hours":
      return new OrderError("outside_hours", "That time is outside opening hours", "start");
  }
}
