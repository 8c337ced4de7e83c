import type { FieldErrors } from "@/lib/errors/field-errors";

/** A refused action: the message the form shows, and messages next to the fields they concern. */
export type ActionFailure = {
  ok: false;
  message: string;
  fieldErrors?: FieldErrors;
  /** Set when the shop is too busy right now: the form offers to try again after this many seconds. */
  retryAfterSeconds?: number;
};

/**
 * What every server action answers (store and admin alike), for useActionState. `Success`
 * carries what a successful action hands back beyond its message (a new token's secret).
 */
export type ActionState<Success extends object = { message?: string }> = ({ ok: true } & Success) | ActionFailure | null;
