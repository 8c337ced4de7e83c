"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { LiveAvailabilityClient, type LiveState } from "@/lib/realtime/live-client";

// One client per page (module state lives as long as the browser tab's JS), created on
// first use in the browser only.
let client: LiveAvailabilityClient | null = null;
function liveClient(): LiveAvailabilityClient {
  client ??= new LiveAvailabilityClient({
    openEventSource: (url) => new EventSource(url),
    fetchJson: async (url) => {
      const response = await fetch(url, { cache: "no-store", headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`${response.status}`);
      return response.json();
    },
  });
  return client;
}
const subscribe = (listener: () => void) => liveClient().subscribe(listener);
const getState = () => liveClient().getState();
const getServerState = (): LiveState => "connecting";

/**
 * A changing value shown at most once per `minIntervalMs`, so a screen reader following a
 * busy sale is not read every sale; reaching 0 ("sold out") is shown at once. The first live
 * figure replaces the server's (a cached page's may be a little behind) at once and starts no
 * quiet interval: the next sale still shows within a moment.
 */
function useCalmValue(value: number, minIntervalMs: number, live: boolean): number {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  const corrected = useRef(false);
  useEffect(() => {
    if (value === shown) {
      if (live) corrected.current = true;
      return;
    }
    const first = live && !corrected.current;
    const wait = value === 0 || first ? 0 : Math.max(0, lastShownAt.current + minIntervalMs - Date.now());
    const timer = setTimeout(() => {
      if (first) corrected.current = true;
      else lastShownAt.current = Date.now();
      setShown(value);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, shown, minIntervalMs, live]);
  return shown;
}

type Props = {
  sessionId: string;
  ticketTypeId: string;
  /** The figure the server rendered; shown until the live one arrives. */
  initialRemaining: number;
  className?: string;
};

/** "N left" / "sold out" for one ticket type, kept live by the page's availability stream. */
export function LiveRemaining({ sessionId, ticketTypeId, initialRemaining, className }: Props) {
  const t = useTranslations("availability");
  useEffect(() => liveClient().watch(sessionId), [sessionId]);
  const live = useSyncExternalStore(
    subscribe,
    () => liveClient().remaining(sessionId, ticketTypeId),
    () => undefined,
  );
  const state = useSyncExternalStore(subscribe, getState, getServerState);
  const shown = useCalmValue(live ?? initialRemaining, 2_000, live !== undefined);
  return (
    // data-figure: whether the figure shown is the stream's (a cached page's own may be behind).
    <span data-testid={`remaining-${ticketTypeId}`} data-live={state} data-figure={live !== undefined && shown === live ? "live" : "page"} aria-live="polite" aria-atomic="true" className={className}>
      {t("remaining", { count: shown })}
    </span>
  );
}
