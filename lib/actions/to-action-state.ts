import "server-only";
import { notFound } from "next/navigation";
import { isDatabaseBusy } from "@/lib/errors/database";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import { isRefusal } from "@/lib/errors/refusal";
import { logError } from "@/lib/log";
import type { ActionFailure } from "./action-state";

const SOMETHING_WENT_WRONG = "Something went wrong on our side; nothing was saved. Please try again.";
const DATABASE_BUSY = "We could not reach our database for a moment. Please try again in a few seconds.";
const DATABASE_RETRY_SECONDS = 2;

/**
 * What a server action answers when its lib function threw: the action-side twin of the
 * API's withApiErrors (lib/http). A Refusal becomes the message (and the field errors, and
 * for `busy` the wait) the form shows: OrderError from lib/orders on the store side,
 * AdminError from lib/admin on the admin side; a concealed one (not an admin) is a 404 like
 * the page. Anything else is logged with context and answered with `unexpected` (default:
 * nothing was saved).
 */
export function toActionState(error: unknown, context: { action: string } & Record<string, unknown>, unexpected = SOMETHING_WENT_WRONG): ActionFailure {
  if (isRefusal(error)) {
    if (error.concealed) notFound();
    return {
      ok: false,
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  logError(`${context.action} failed`, error, context);
  // Busy, or the connection was lost (a restart): the form offers to try again, not a dead end.
  if (isDatabaseBusy(error)) return { ok: false, message: DATABASE_BUSY, retryAfterSeconds: DATABASE_RETRY_SECONDS };
  return { ok: false, message: unexpected };
}

/** A form whose input broke its schema: one message, and the first message per field. */
export function invalidInput(issues: Parameters<typeof fieldErrorsOf>[0], message = "Check the highlighted fields.", keyOf?: Parameters<typeof fieldErrorsOf>[1]): ActionFailure {
  return { ok: false, message, fieldErrors: fieldErrorsOf(issues, keyOf) };
}
