import "server-only";
import { ListenConnection } from "@/lib/db/listen-connection";
import { env } from "@/lib/env";
import { subscribe } from "@/lib/realtime/listener";
import type { SessionAvailability } from "@/lib/realtime/types";
import { expireTagsHere, PUBLIC_CACHE_CHANNEL, PUBLIC_TAGS } from "./public-pages";

// Each app process keeps its own Next cache: it expires tags when any process's write says so
// (NOTIFY public_cache), and when a session's availability crosses "sold out" either way (the
// `availability` notifications the live stream already gets, sent by every purchase, expiry,
// cancellation and admin change in the same transaction). Places going down without selling
// out do not expire anything: the stream pushes them to open pages.

/** What a cached page shows of a session: sold out or not, per session and per ticket type. */
export function soldOutSignature(change: SessionAvailability): string {
  if (change.deleted || !change.public || change.cancelled) return "gone";
  const types = change.ticketTypes === null ? "?" : change.ticketTypes.filter((type) => type.remaining <= 0).map((type) => type.id).join(",");
  return `${change.remaining <= 0 ? "sold-out" : "on-sale"}|${types}`;
}

/**
 * Remembers each session's signature; true when a cached page may now be wrong (the signature
 * changed, or the session was not seen before: its cached state is unknown).
 */
export function createSoldOutTracker(): (change: SessionAvailability) => boolean {
  const seen = new Map<string, string>();
  return (change) => {
    const signature = soldOutSignature(change);
    const before = seen.get(change.sessionId);
    seen.set(change.sessionId, signature);
    return before !== signature || signature.includes("?");
  };
}

const ON_SOLD_OUT = [PUBLIC_TAGS.catalog, PUBLIC_TAGS.events];

/** In every server process (lib/ops/start-server-process.ts). Returns a stop function. */
export function startPublicCacheListener(): () => Promise<void> {
  const databaseUrl = env().DATABASE_URL;
  if (!databaseUrl) return async () => {};
  const connection = new ListenConnection({
    databaseUrl,
    channel: PUBLIC_CACHE_CHANNEL,
    applicationName: "local-tickets-cache",
    onNotification: (payload) => expireTagsHere((payload ?? "").split(" ").filter(Boolean)),
    // Notices may have been missed while the connection was down.
    onListening: () => expireTagsHere(ON_SOLD_OUT),
  });
  connection.start();
  const changed = createSoldOutTracker();
  const unsubscribe = subscribe((message) => {
    if (message.type === "resync" || changed(message.change)) expireTagsHere(ON_SOLD_OUT);
  });
  return async () => {
    unsubscribe();
    await connection.stop();
  };
}
