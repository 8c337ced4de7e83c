import "server-only";
import { getTranslations } from "next-intl/server";
import type { FieldErrors } from "@/lib/errors/field-errors";
import { isOrderError } from "@/lib/orders/errors";
import type { ActionFailure } from "./action-state";
import { toActionState } from "./to-action-state";

/**
 * toActionState for the store's forms, in the reader's language: an OrderError that names
 * its message (`says`) is answered with that message translated, beside its field too; an
 * unexpected error with `unexpected` (already translated by the caller).
 */
export async function toLocalisedActionState(error: unknown, context: { action: string } & Record<string, unknown>, unexpected: string): Promise<ActionFailure> {
  const state = toActionState(error, context, unexpected);
  if (!isOrderError(error) || !error.messageKey) return state;
  const t = await getTranslations("orderErrors");
  const message = t(error.messageKey, error.messageValues);
  if (error.fields) {
    return { ...state, message, fieldErrors: Object.fromEntries(Object.entries(error.fields).map(([path, said]) => [path, t(said.key, said.values)])) };
  }
  return { ...state, message, ...(error.field ? { fieldErrors: { [error.field]: message } } : {}) };
}

/** Field errors with each field's message replaced by the reader's-language one given for it (others kept). */
export function sayFieldErrors(fieldErrors: FieldErrors | undefined, messages: Record<string, string>): FieldErrors | undefined {
  if (!fieldErrors) return fieldErrors;
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, message]) => [field, messages[field] ?? message]));
}
