import "server-only";
import { childLogger } from "@/lib/log";
import { currentChangeNumber, readAvailability } from "./availability";
import { subscribe as subscribeToHub, type RealtimeListener, type RealtimeMessage } from "./listener";
import { matchesFilter, toBrowserAvailability, type AvailabilityFilter, type SessionAvailability } from "./types";
import { onShutdown } from "@/lib/ops/shutdown";

const log = childLogger({ module: "realtime" });

export const HEARTBEAT_MS = 15_000;
/** Sent once: how long a browser waits before reconnecting after the stream drops. */
const RETRY_MS = 2_000;
const CATCH_UP_PAGE = 500;
const CATCH_UP_PAGES = 10;

// Requests of the open streams, held until their stream ends: undici's Request follows the
// server's abort signal through a weak reference, so the signal of a Request that was
// garbage collected would never abort, and the stream would never be cleaned up.
const openRequests = new Set<Request>();

export type AvailabilityStreamOptions = {
  filter: AvailabilityFilter;
  /** The `Last-Event-ID` the browser sent back on reconnect: the change number it has seen. */
  lastEventId?: number;
  /** The request: the stream ends and unsubscribes when its signal aborts (the client went away). */
  request?: Request;
  /** Instead of `request` (tests). */
  signal?: AbortSignal;
  heartbeatMs?: number;
  /** Tests pass their own hub; the app uses the process-wide one. */
  subscribe?: (listener: RealtimeListener) => () => void;
};

/** One SSE message: `id` is the change number, so a reconnect resumes after it. */
export function formatAvailabilityEvent(change: SessionAvailability): string {
  return `id: ${change.changeNumber}\nevent: availability\ndata: ${JSON.stringify(toBrowserAvailability(change))}\n\n`;
}

/**
 * A Server-Sent Events stream of availability changes matching `filter`.
 *
 * Order of work: subscribe to the process's LISTEN connection first (live changes are held
 * back meanwhile), then read what changed after the client's position (its Last-Event-ID;
 * for a new page watching given sessions, their current figures; for a new unfiltered stream,
 * nothing), send it, then the held-back live changes. Change numbers become visible in commit
 * order (docs/decisions/0003-rpde-feed.md), so anything not in the catch-up read has a larger
 * number than everything in it, and "send only numbers above the last sent" loses nothing
 * and repeats nothing. A `resync` from the hub (its connection came back) repeats the catch-up.
 */
export function createAvailabilityStream(options: AvailabilityStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const subscribe = options.subscribe ?? subscribeToHub;
  const { filter } = options;
  const watchesAll = !filter.eventId && !filter.sessionIds;
  const signal = options.request?.signal ?? options.signal ?? new AbortController().signal;
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let position: number | undefined = options.lastEventId ?? (watchesAll ? undefined : 0);
      let catchingUp = false;
      let catchUpAgain = false;
      const held: SessionAvailability[] = [];

      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const deliver = (change: SessionAvailability) => {
        if (position !== undefined && change.changeNumber <= position) return;
        if (!matchesFilter(filter, change)) return;
        position = change.changeNumber;
        if (change.public || change.deleted) write(formatAvailabilityEvent(change));
      };

      const catchUp = async () => {
        if (catchingUp) {
          catchUpAgain = true;
          return;
        }
        catchingUp = true;
        try {
          do {
            catchUpAgain = false;
            if (position === undefined) {
              position = await currentChangeNumber();
            } else {
              for (let page = 0; page < CATCH_UP_PAGES && !closed; page++) {
                const changes = await readAvailability({ filter, afterChangeNumber: position, limit: CATCH_UP_PAGE });
                for (const change of changes) deliver(change);
                if (changes.length < CATCH_UP_PAGE) break;
                if (page === CATCH_UP_PAGES - 1) {
                  // Too far behind to replay: tell the page to reload its figures, go live from now.
                  write("event: reset\ndata: {}\n\n");
                  position = await currentChangeNumber();
                }
              }
            }
          } while (catchUpAgain && !closed);
        } catch (error) {
          log.warn({ err: error }, "availability stream could not catch up; closing it so the browser reconnects");
          catchingUp = false;
          cleanup();
          return;
        }
        catchingUp = false;
        for (const change of held.splice(0)) deliver(change);
      };

      const onMessage = (message: RealtimeMessage) => {
        if (closed) return;
        if (message.type === "resync") {
          void catchUp();
        } else if (catchingUp || position === undefined) {
          held.push(message.change);
        } else {
          deliver(message.change);
        }
      };

      const unsubscribe = subscribe(onMessage);
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), options.heartbeatMs ?? HEARTBEAT_MS);
      const onAbort = () => cleanup();
      // A stopping server ends its streams so Next can exit; browsers reconnect elsewhere.
      const stopOnShutdown = onShutdown(() => cleanup());
      cleanup = () => {
        if (closed) return;
        closed = true;
        stopOnShutdown();
        if (options.request) openRequests.delete(options.request);
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", onAbort);
        try {
          controller.close();
        } catch {
          // Already closed or cancelled by the reader.
        }
      };
      if (signal.aborted) {
        cleanup();
        return;
      }
      signal.addEventListener("abort", onAbort);
      if (options.request) openRequests.add(options.request);

      // A first chunk at once, so proxies and the browser see the stream open.
      write(`retry: ${RETRY_MS}\n: connected\n\n`);
      void catchUp();
    },
    cancel() {
      cleanup();
    },
  });
}
