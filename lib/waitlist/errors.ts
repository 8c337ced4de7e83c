// Expected outcomes of the waiting list (issue 29.3): the visitor is told why, nothing changes.
import type { FieldErrors } from "@/lib/errors/field-errors";
import { Refusal } from "@/lib/errors/refusal";

export type WaitlistErrorCode = "invalid" | "not_found" | "not_on_sale" | "has_places" | "already_waiting" | "no_places" | "not_cancellable";

/** A refusal of the waiting list; its codes are refusal codes, so each has its problem (lib/http/problem.ts). */
export class WaitlistError extends Refusal<WaitlistErrorCode> {
  constructor(code: WaitlistErrorCode, message: string, options: { field?: string; fieldErrors?: FieldErrors; extensions?: Record<string, unknown> } = {}) {
    super(code, message, { fieldErrors: options.fieldErrors ?? (options.field ? { [options.field]: message } : undefined), extensions: options.extensions });
    this.name = "WaitlistError";
  }
}

export function isWaitlistError(error: unknown): error is WaitlistError {
  return error instanceof WaitlistError;
}
