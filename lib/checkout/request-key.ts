import { createHash } from "node:crypto";
import { isUuid } from "@/lib/ids";
import type { PurchaseChoice } from "./start-purchase";

/**
 * The request key of a checkout form's purchase: the form's own key (a random id the page put
 * in it) and the choice. Posting the same form again (a retry after a lost answer, a double
 * tap) finds the order the first post made; another choice on the same page is a new order.
 */
export function formRequestKey(formKey: FormDataEntryValue | null, choice: PurchaseChoice): string | undefined {
  if (!isUuid(formKey)) return undefined;
  const what =
    "items" in choice
      ? choice.items.filter((item) => item.quantity > 0).map((item) => `${item.ticketTypeId}x${item.quantity}`).sort().join(",")
      : `${choice.booking.resourceId}@${choice.booking.start.toISOString()}+${choice.booking.minutes}`;
  return `form:${formKey}:${createHash("sha256").update(what).digest("base64url").slice(0, 22)}`;
}

/** The request key of a JSON API purchase: its Idempotency-Key (per user, like the order). */
export function apiRequestKey(idempotencyKey: string | null): string | undefined {
  return idempotencyKey === null ? undefined : `api:${idempotencyKey}`;
}
