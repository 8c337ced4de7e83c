import "server-only";
import { ListenConnection } from "@/lib/db/listen-connection";
import { env } from "@/lib/env";
import { childLogger } from "@/lib/log";
import { parseSessionAvailability, type SessionAvailability } from "./types";

const log = childLogger({ module: "realtime" });

export const AVAILABILITY_CHANNEL = "availability";
/** application_name of the LISTEN connection, so it can be told apart in pg_stat_activity. */
export const LISTENER_APPLICATION_NAME = "local-tickets-realtime";

/**
 * `availability`: a committed change, in commit order.
 * `resync`: the LISTEN connection was (re)established; changes may have been missed while
 * it was down (or before it was up), so subscribers read what changed since their position.
 */
export type RealtimeMessage = { type: "availability"; change: SessionAvailability } | { type: "resync" };
export type RealtimeListener = (message: RealtimeMessage) => void;

export type HubOptions = {
  databaseUrl: string;
  /** Close the connection this long after the last subscriber left. */
  idleCloseMs?: number;
  /** A `SELECT 1` this often finds a connection that died silently. */
  pingMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
};

export type HubStats = { subscribers: number; listening: boolean; connections: number; notifications: number };

/**
 * One LISTEN connection per server process, shared by every subscriber in it
 * (lib/db/listen-connection.ts: reconnected with backoff and jitter, pinged). Opened on the
 * first subscriber, closed when idle; each time it is (re)established subscribers get a
 * `resync` and re-read what changed while nobody listened.
 */
export class AvailabilityHub {
  private readonly listeners = new Set<RealtimeListener>();
  private readonly connection: ListenConnection;
  private idleTimer: NodeJS.Timeout | null = null;
  private notifications = 0;

  constructor(private readonly options: HubOptions) {
    this.connection = new ListenConnection({
      databaseUrl: options.databaseUrl,
      channel: AVAILABILITY_CHANNEL,
      applicationName: LISTENER_APPLICATION_NAME,
      pingMs: options.pingMs,
      minBackoffMs: options.minBackoffMs,
      maxBackoffMs: options.maxBackoffMs,
      onNotification: (payload) => this.notified(payload),
      onListening: () => {
        // Everyone left while it was connecting: let it go.
        if (this.listeners.size === 0) void this.connection.stop();
        else this.emit({ type: "resync" });
      },
    });
  }

  /** Adds a listener; returns the function that removes it (safe to call twice). */
  subscribe(listener: RealtimeListener): () => void {
    this.listeners.add(listener);
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    this.connection.start();
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.idleTimer = setTimeout(() => void this.close(), this.options.idleCloseMs ?? 30_000);
      this.idleTimer.unref?.();
    };
  }

  stats(): HubStats {
    return { subscribers: this.listeners.size, listening: this.connection.listening, connections: this.connection.connections, notifications: this.notifications };
  }

  /** Closes the connection and stops reconnecting (subscribers stay; a new subscribe reopens). */
  async close(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    await this.connection.stop();
  }

  private notified(payload: string | undefined): void {
    if (!payload) return;
    const change = parseSessionAvailability(payload);
    if (!change) {
      log.warn({ payload: payload.slice(0, 200) }, "ignored a malformed availability notification");
      return;
    }
    this.notifications++;
    this.emit({ type: "availability", change });
  }

  private emit(message: RealtimeMessage): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch (error) {
        log.error({ err: error }, "availability subscriber failed");
      }
    }
  }
}

// One hub per server process, kept on globalThis because Next's hot reload re-evaluates modules.
const globalForHub = globalThis as unknown as { availabilityHub?: AvailabilityHub };

export function availabilityHub(): AvailabilityHub {
  if (!globalForHub.availabilityHub) {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: live availability needs the database.");
    globalForHub.availabilityHub = new AvailabilityHub({ databaseUrl: url });
  }
  return globalForHub.availabilityHub;
}

/** Subscribes to every committed availability change of this process's shared connection. */
export function subscribe(listener: RealtimeListener): () => void {
  return availabilityHub().subscribe(listener);
}
