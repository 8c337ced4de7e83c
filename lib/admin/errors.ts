// Expected outcomes of admin work: shown to the admin (next to a field when `fieldErrors`
// names one), nothing written. Anything else is unexpected: logged, answered generically.
import { Refusal } from "@/lib/errors/refusal";

export type AdminErrorCode =
  | "forbidden"
  | "validation_failed"
  | "not_found"
  | "conflict"
  | "overlap"
  | "capacity"
  | "in_use"
  | "not_refundable"
  | "busy";

/**
 * A refusal of admin work; its codes are refusal codes (lib/errors/refusal.ts). `forbidden`
 * (not an admin) is concealed: the admin area answers a stranger like a missing page and
 * does not tell them what exists.
 */
export class AdminError extends Refusal<AdminErrorCode> {
  constructor(
    code: AdminErrorCode,
    message: string,
    /** Form field path → message, e.g. `sessions.0.startsAt`. */
    fieldErrors?: Record<string, string>,
  ) {
    super(code, message, { fieldErrors, concealed: code === "forbidden" });
    this.name = "AdminError";
  }
}

export function isAdminError(error: unknown): error is AdminError {
  return error instanceof AdminError;
}
