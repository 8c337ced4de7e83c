import type { ParticularsProblem } from "@/lib/questions/check-particulars";
import { OrderError, type OrderMessageKey } from "./errors";
import type { VoucherProblem } from "./voucher";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

/**
 * Every reason a purchase is refused, as data: the quote (lib/orders/quote-*.ts) answers these
 * in TypeScript, the commit (`order_place` and its helpers in prisma/functions) in jsonb, with
 * the same codes. The wording for people lives in `fromRefusal` and messages/*.json.
 */
export type OrderRefusal = {
  ok: false;
  code:
    | "event_not_found"
    | "not_found"
    | "not_in_event"
    | "not_on_sale"
    | "sold_out"
    | "not_enough"
    | "choose_one"
    | "too_many"
    | "several_sessions"
    | "several_currencies"
    | "price_changed"
    | "rules_changed"
    | "hold_limit"
    | "taken"
    | "bad_length"
    | "bad_length_step"
    | "in_past"
    | "misaligned"
    | "outside_hours"
    | "particulars"
    | "not_on_sale_yet"
    | "voucher";
  ticketTypeId?: string;
  /** `not_on_sale_yet`: when sales open (ISO instant). */
  opensAt?: string;
  /** `voucher`: why the code cannot be used. */
  problem?: VoucherProblem;
  /** `particulars`: every holder or answer at fault, by its form path (`holders.0.email`, `answers.<questionId>`). */
  problems?: ParticularsProblem[];
  /** `not_in_event` from the quote: every id of the request that is not the event's. */
  foreignIds?: string[];
  name?: string;
  remaining?: number;
  held?: number;
  limit?: number;
  /** `price_changed`: the price now, per ticket or per slot. */
  priceMinor?: number;
  currency?: string;
  /** Booking rules: the allowed lengths and the slot step, in minutes; `too_many`: the per-order limit. */
  min?: number;
  max?: number;
  step?: number;
};

/**
 * What `order_place` answers (jsonb). `replayed`: the request's key had already made this order
 * (a retry), so its status may have moved on since (paid, expired…).
 */
export type PlaceAnswer =
  | { ok: true; id: string; reference: string; status: OrderStatus; totalMinor: number; currency: string; holdExpiresAt: string; replayed?: boolean }
  | OrderRefusal;

const PROBLEM_WORDS: Record<ParticularsProblem["reason"], { key: OrderMessageKey; message: string }> = {
  required: { key: "answerRequired", message: "This question needs an answer" },
  consent: { key: "answerConsent", message: "Tick this to go on" },
  too_long: { key: "answerTooLong", message: "That answer is too long" },
  not_a_choice: { key: "answerNotAChoice", message: "Choose one of the options" },
  not_a_number: { key: "answerNotANumber", message: "Enter a number" },
  not_a_date: { key: "answerNotADate", message: "Enter a date" },
  not_text: { key: "answerNotText", message: "Enter text" },
  not_an_email: { key: "holderEmailInvalid", message: "Enter a valid email, or leave it empty" },
  unknown_question: { key: "unknownQuestion", message: "The event asks no such question here" },
  not_a_place: { key: "notAPlace", message: "There is no such ticket in this order" },
  holders_needed: { key: "holderNeeded", message: "This ticket's holder must answer the event's questions" },
};

const VOUCHER_WORDS: Record<VoucherProblem, { key: OrderMessageKey; message: string }> = {
  unknown: { key: "voucherUnknown", message: "There is no such code" },
  not_yet_valid: { key: "voucherNotYetValid", message: "This code cannot be used yet" },
  expired: { key: "voucherExpired", message: "This code has expired" },
  used_up: { key: "voucherUsedUp", message: "This code has been used up" },
  not_applicable: { key: "voucherNotApplicable", message: "This code does not apply to these tickets" },
};

/** Holders or answers at fault: one message, and each field's own beside it. */
function particularsError(problems: ParticularsProblem[]): OrderError {
  const fields = Object.fromEntries(
    problems.map((problem) => {
      const words = PROBLEM_WORDS[problem.reason];
      return [problem.path, { message: problem.max ? `${words.message} (at most ${problem.max} characters)` : words.message, key: words.key, values: problem.max ? { max: problem.max } : undefined }];
    }),
  );
  return new OrderError("invalid", "Check the tickets' holders and the answers", undefined, undefined, undefined, fields).says("checkParticulars");
}

/** A refusal as the OrderError the buyer sees (the wording lives here, not in SQL). */
export function fromRefusal(refusal: OrderRefusal): OrderError {
  const field = refusal.ticketTypeId ? `quantity.${refusal.ticketTypeId}` : undefined;
  switch (refusal.code) {
    case "event_not_found":
      return new OrderError("not_found", "There is no event on sale with this id.").says("noEvent");
    case "not_found":
      return refusal.ticketTypeId
        ? new OrderError("not_found", "This ticket type no longer exists", field).says("typeGone")
        : new OrderError("not_found", "This experience is not available", "start").says("experienceUnavailable");
    case "not_in_event":
      return refusal.ticketTypeId
        ? new OrderError("not_in_event", "Not a ticket type of an upcoming session of this event", field, undefined, refusal.foreignIds ?? [refusal.ticketTypeId]).says("notInEvent")
        : new OrderError("not_in_event", "Not a bookable resource of this event", "resourceId").says("notBookable");
    case "not_on_sale":
      return new OrderError("not_on_sale", `${refusal.name} is no longer on sale`, field).says("notOnSale", { name: refusal.name ?? "" });
    case "sold_out":
      return new OrderError("sold_out", `${refusal.name} is sold out`, field).says("soldOut", { name: refusal.name ?? "" });
    case "not_enough": {
      const left = refusal.remaining!;
      return new OrderError("not_enough", `Only ${left} ${refusal.name} ${left === 1 ? "ticket is" : "tickets are"} left`, field).says("notEnough", { count: left, name: refusal.name ?? "" });
    }
    case "choose_one":
      return new OrderError("invalid", "Choose at least one ticket", "items").says("chooseOne");
    case "too_many":
      return new OrderError("too_many", `You can buy at most ${refusal.max} tickets in one order`, "items").says("tooMany", { max: refusal.max ?? 0 });
    case "several_sessions":
      return new OrderError("invalid", "Choose tickets for one date at a time", "items").says("oneDate");
    case "several_currencies":
      return new OrderError("invalid", "These tickets are priced in different currencies", "items").says("currencies");
    case "price_changed":
      return new OrderError("price_changed", "The price changed since you chose; check the new total and try again", field ?? "items").says("priceChanged");
    case "rules_changed":
      return new OrderError("rules_changed", "The times of this experience changed since you chose; choose again", "start").says("rulesChanged");
    case "hold_limit":
      return new OrderError(
        "hold_limit",
        `You already hold ${refusal.held} unpaid place${refusal.held === 1 ? "" : "s"}; pay for or cancel them first (at most ${refusal.limit} at once)`,
        "items",
      ).says("holdLimit", { held: refusal.held ?? 0, limit: refusal.limit ?? 0 });
    case "taken":
      return new OrderError("taken", "That time is already booked; choose another", "start").says("taken");
    case "bad_length":
      return new OrderError("bad_length", `Choose a length between ${refusal.min} and ${refusal.max} minutes`, "minutes").says("badLength", { min: refusal.min ?? 0, max: refusal.max ?? 0 });
    case "bad_length_step":
      return new OrderError("bad_length", `The length must be a multiple of ${refusal.step} minutes`, "minutes").says("lengthMultiple", { slot: refusal.step ?? 0 });
    case "in_past":
      return new OrderError("in_past", "That time has already passed", "start").says("inPast");
    case "misaligned":
      return new OrderError("misaligned", `Start times are every ${refusal.step} minutes from opening`, "start").says("misaligned", { slot: refusal.step ?? 0 });
    case "outside_hours":
      return new OrderError("outside_hours", "That time is outside opening hours", "start").says("outsideHours");
    case "particulars":
      return particularsError(refusal.problems ?? []);
    case "not_on_sale_yet":
      return new OrderError("not_on_sale_yet", `${refusal.name} goes on sale at ${refusal.opensAt}`, field, undefined, undefined, undefined, { opensAt: refusal.opensAt ?? "" }).says("notOnSaleYet", { name: refusal.name ?? "" });
    case "voucher":
      return new OrderError("voucher_invalid", VOUCHER_WORDS[refusal.problem ?? "unknown"].message, "voucher").says(VOUCHER_WORDS[refusal.problem ?? "unknown"].key);
  }
}
