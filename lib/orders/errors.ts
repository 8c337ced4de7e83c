// Expected outcomes of buying: the buyer sees the message, nothing is written.
import { Refusal } from "@/lib/errors/refusal";
import type messages from "@/messages/en.json";

/** The name of the message (messages/*.json, `orderErrors`) that says this refusal in the buyer's language. */
export type OrderMessageKey = keyof (typeof messages)["orderErrors"];
export type OrderMessageValues = Record<string, string | number>;
export type FieldMessage = { message: string; key: OrderMessageKey; values?: OrderMessageValues };
export type OrderErrorCode =
  | "invalid"
  | "not_found"
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
  | "forbidden"
  | "not_cancellable"
  | "price_changed"
  | "rules_changed"
  | "holder_locked"
  | "not_on_sale_yet"
  | "voucher_invalid"
  | "busy";

/** A refusal of buying; its codes are refusal codes (lib/errors/refusal.ts), so each has its problem. */
export class OrderError extends Refusal<OrderErrorCode> {
  constructor(
    code: OrderErrorCode,
    message: string,
    /** Form field the message belongs next to, e.g. `quantity.<ticketTypeId>` or `start`. */
    readonly field?: string,
    /** `busy` only: when trying again has a fair chance. */
    retryAfterSeconds?: number,
    /** `not_in_event` only: every ticket type id of the request that is not the event's. */
    readonly foreignIds?: string[],
    /** Several fields at fault (holders and answers), each with its own message and the key that says it in the buyer's language. */
    readonly fields?: Record<string, FieldMessage>,
    /** Members the API's problem carries besides the standard ones (`opensAt` of not_on_sale_yet). */
    extensions?: Record<string, unknown>,
  ) {
    const fieldErrors = fields ? Object.fromEntries(Object.entries(fields).map(([path, said]) => [path, said.message])) : field ? { [field]: message } : undefined;
    super(code, message, { fieldErrors, retryAfterSeconds, extensions });
    this.name = "OrderError";
  }

  /** The translated form of `message`: its key and the values it takes. Set by `says`. */
  messageKey?: OrderMessageKey;
  messageValues?: OrderMessageValues;

  /**
   * Names the message that says this refusal in the buyer's language (the English `message`
   * stays for logs and the JSON API's default). Returns the error, for `throw new OrderError(...).says(...)`.
   */
  says(key: OrderMessageKey, values?: OrderMessageValues): this {
    this.messageKey = key;
    this.messageValues = values;
    return this;
  }
}

export function isOrderError(error: unknown): error is OrderError {
  return error instanceof OrderError;
}
