// Expected outcomes of buying: the buyer sees the message, nothing is written.
export type OrderErrorCode =
  | "invalid"
  | "not_found"
  | "not_on_sale"
  | "sold_out"
  | "not_enough"
  | "too_many"
  | "taken"
  | "outside_hours"
  | "misaligned"
  | "bad_length"
  | "in_past"
  | "forbidden"
  | "not_cancellable";

export class OrderError extends Error {
  constructor(
    readonly code: OrderErrorCode,
    message: string,
    /** Form field the message belongs next to, e.g. `quantity.<ticketTypeId>` or `start`. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "OrderError";
  }
}

export function isOrderError(error: unknown): error is OrderError {
  return error instanceof OrderError;
}
