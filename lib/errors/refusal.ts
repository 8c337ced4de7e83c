// The base of every expected outcome: a refusal is not a failure. The caller is told why
// (`message`, beside the fields it concerns), nothing is written, nothing is logged as an error.
// Each room refuses in its own words (OrderError in lib/orders, AdminError in lib/admin, the
// door's CheckInRefusal in lib/check-in); the JSON API answers any refusal by its code
// through the one PROBLEMS table (lib/http/problem.ts) and a server action through
// toActionState (lib/actions), so neither of them knows the rooms. No imports but a type:
// the rooms below everything else throw these.
import type { FieldErrors } from "./field-errors";

/**
 * Every code a refusal may carry. Each is a problem of the same name: lib/http/problem.ts
 * fails to compile while one is missing from PROBLEMS, and each room's own code list is
 * checked against this one where its class extends Refusal.
 */
export type RefusalCode =
  // Shared by several rooms.
  | "not_found"
  | "forbidden"
  | "busy"
  // Buying (lib/orders OrderError).
  | "invalid"
  | "not_in_event"
  | "not_on_sale"
  | "sold_out"
  | "not_enough"
  | "too_many"
  | "hold_limit"
  | "taken"
  | "outside_hours"
  | "misaligned"
  | "bad_length"
  | "in_past"
  | "not_cancellable"
  | "price_changed"
  | "rules_changed"
  | "holder_locked"
  | "not_on_sale_yet"
  | "voucher_invalid"
  // Admin work (lib/admin AdminError).
  | "validation_failed"
  | "conflict"
  | "overlap"
  | "capacity"
  | "in_use"
  | "not_refundable"
  // The waiting list (lib/waitlist WaitlistError).
  | "has_places"
  | "already_waiting"
  | "no_places"
  // A scan at the door (lib/check-in CheckInRefusal).
  | "already_checked_in"
  | "ticket_rejected";

export type RefusalOptions = {
  /** Form field path → message, e.g. `sessions.0.startsAt` or `quantity.<ticketTypeId>`. */
  fieldErrors?: FieldErrors;
  /** When trying again has a fair chance (`busy`). */
  retryAfterSeconds?: number;
  /**
   * Told as "not found" wherever it is answered (the API's `not_found`, the page's 404):
   * the asker must not learn that what they asked about exists (the admin area to a stranger).
   */
  concealed?: boolean;
  /** RFC 9457 extension members the JSON answer carries besides the standard ones (the door's `verdict`). */
  extensions?: Record<string, unknown>;
};

export class Refusal<Code extends RefusalCode = RefusalCode> extends Error {
  readonly fieldErrors?: FieldErrors;
  readonly retryAfterSeconds?: number;
  readonly concealed: boolean;
  readonly extensions?: Record<string, unknown>;

  constructor(
    readonly code: Code,
    message: string,
    options: RefusalOptions = {},
  ) {
    super(message);
    this.name = "Refusal";
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.concealed = options.concealed ?? false;
    this.extensions = options.extensions;
  }
}

export function isRefusal(error: unknown): error is Refusal {
  return error instanceof Refusal;
}
