"use client";
import { useEffect } from "react";
import { recordEventViewAction } from "@/app/[locale]/(store)/discovery-actions";

/**
 * Tells the shop, once the page is shown, that this event was looked at (for "For you"). After
 * load, from the browser: a prefetch or a crawler that runs no script records nothing, and the
 * page itself never waits for it. Renders nothing.
 */
export function RecordView({ eventId }: { eventId: string }) {
  useEffect(() => {
    recordEventViewAction(eventId).catch(() => undefined);
  }, [eventId]);
  return null;
}
