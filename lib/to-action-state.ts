import "server-only";
import { notFound } from "next/navigation";
import type { ActionFailure } from "@/lib/action-state";
import { isAdminError } from "@/lib/admin/errors";
import { fieldErrorsOf } from "@/lib/field-errors";
import { logError } from "@/lib/log";
import { isOrderError } from "@/lib/orders/errors";

const SOMETHING_WENT_WRONG = "Something went wrong on our side; nothing was saved. Please try again.";

/**
 * What a server action answers when its lib function threw: the action-side twin of the
 * API's withApiErrors. An expected outcome becomes the message (and the field errors, and
 * for `busy` the wait) the form shows: OrderError from lib/orders on the store side,
 * AdminError from lib/admin on the admin side, where a refusal is a 404 like the page.
 * Anything else is logged with context and answered with `unexpected` (default: nothing was saved).
 */
export function toActionState(error: unknown, context: { action: string } & Record<string, unknown>, unexpected = SOMETHING_WENT_WRONG): ActionFailure {
  if (isOrderError(error)) {
    return {
      ok: false,
      message: error.message,
      ...(error.field ? { fieldErrors: { [error.field]: error.message } } : {}),
      ...(error.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
    };
  }
  if (isAdminError(error)) {
    if (error.code === "forbidden") notFound();
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  }
  logError(`${context.action} failed`, error, context);
  return { ok: false, message: unexpected };
}

/** A form whose input broke its schema: one message, and the first message per field. */
export function invalidInput(issues: Parameters<typeof fieldErrorsOf>[0], message = "Check the highlighted fields.", keyOf?: Parameters<typeof fieldErrorsOf>[1]): ActionFailure {
  return { ok: false, message, fieldErrors: fieldErrorsOf(issues, keyOf) };
}
