// A guest's view history for "For you": the events looked at on this visit, latest first, in
// a cookie of that browser only (no maxAge: it ends with the browser session). Nothing of it
// is stored on the server. Pure, so it is tested without a request.
import { isUuid } from "@/lib/ids";

export const VIEW_HISTORY_COOKIE = "lt_viewed";
/** 20 ids of 36 characters and their commas: under 800 bytes, far below a cookie's 4 KB. */
export const MAX_GUEST_VIEWS = 20;

/** The ids in a cookie value; anything that is not an event id is dropped. */
export function parseViewHistory(value: string | undefined): string[] {
  if (!value) return [];
  const ids = value.split(".").filter((id) => isUuid(id)).map((id) => id.toLowerCase());
  return [...new Set(ids)].slice(0, MAX_GUEST_VIEWS);
}

/** The history with `eventId` as the latest view (moved to the front when seen before). */
export function withView(history: string[], eventId: string): string[] {
  const id = eventId.toLowerCase();
  return [id, ...history.filter((seen) => seen !== id)].slice(0, MAX_GUEST_VIEWS);
}

/** The cookie value (dots: no character a cookie would need to escape). */
export function serializeViewHistory(history: string[]): string {
  return history.join(".");
}
