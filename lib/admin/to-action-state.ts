import "server-only";
import { notFound } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { logError } from "@/lib/log";
import { isAdminError } from "./errors";

/**
 * What an admin server action answers when its lib function threw: an expected outcome
 * becomes the message (and field errors) the form shows; a refusal is a 404, like the
 * page; anything else is logged with context and answered generically.
 */
export function toActionState(error: unknown, context: Record<string, unknown>): ActionState {
  if (isAdminError(error)) {
    if (error.code === "forbidden") notFound();
    return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
  }
  logError("admin action failed", error, context);
  return { ok: false, message: "Something went wrong on our side; nothing was saved. Please try again." };
}
