import "server-only";
import pg from "pg";
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
 * One LISTEN connection per server process, shared by every subscriber in it: a dedicated
 * pg.Client (never a connection of Prisma's pool, which it would hold for ever). Opened on
 * the first subscriber, reconnected with exponential backoff, closed when idle.
 */
export class AvailabilityHub {
  private readonly listeners = new Set<RealtimeListener>();
  private client: pg.Client | null = null;
  private connecting = false;
  private listening = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private connections = 0;
  private notifications = 0;

  constructor(private readonly options: HubOptions) {}

  /** Adds a listener; returns the function that removes it (safe to call twice). */
  subscribe(listener: RealtimeListener): () => void {
    this.listeners.add(listener);
    this.stopped = false;
    if (this.idleTimer) {
      clearTimeout(this.idleTimer);
      this.idleTimer = null;
    }
    if (!this.client && !this.connecting && !this.reconnectTimer) void this.connect();
    return () => {
      if (!this.listeners.delete(listener) || this.listeners.size > 0) return;
      this.idleTimer = setTimeout(() => void this.close(), this.options.idleCloseMs ?? 30_000);
      this.idleTimer.unref?.();
    };
  }

  stats(): HubStats {
    return { subscribers: this.listeners.size, listening: this.listening, connections: this.connections, notifications: this.notifications };
  }

  /** Closes the connection and stops reconnecting (subscribers stay; a new subscribe reopens). */
  async close(): Promise<void> {
    this.stopped = true;
    for (const timer of [this.reconnectTimer, this.idleTimer, this.pingTimer]) if (timer) clearTimeout(timer);
    this.reconnectTimer = this.idleTimer = this.pingTimer = null;
    const client = this.client;
    this.client = null;
    this.listening = false;
    if (client) await client.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    this.connecting = true;
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: LISTENER_APPLICATION_NAME,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
    });
    client.on("notification", (message) => {
      if (message.channel !== AVAILABILITY_CHANNEL || !message.payload) return;
      const change = parseSessionAvailability(message.payload);
      if (!change) {
        log.warn({ payload: message.payload.slice(0, 200) }, "ignored a malformed availability notification");
        return;
      }
      this.notifications++;
      this.emit({ type: "availability", change });
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${AVAILABILITY_CHANNEL}`);
    } catch (error) {
      this.connecting = false;
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      this.lost(client, error, true);
      return;
    }
    this.connecting = false;
    if (this.stopped || this.listeners.size === 0) {
      // Everyone left (or close() was called) while connecting.
      client.removeAllListeners("end");
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.listening = true;
    this.failures = 0;
    this.connections++;
    this.schedulePing(client);
    if (this.connections > 1) log.info({ connections: this.connections }, "availability listener reconnected");
    this.emit({ type: "resync" });
  }

  private schedulePing(client: pg.Client): void {
    const pingMs = this.options.pingMs ?? 30_000;
    this.pingTimer = setTimeout(async () => {
      if (this.client !== client) return;
      let timeout: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          client.query("SELECT 1"),
          new Promise((_, reject) => {
            timeout = setTimeout(() => reject(new Error("ping timed out")), 10_000);
          }),
        ]);
        if (this.client === client) this.schedulePing(client);
      } catch (error) {
        this.lost(client, error);
      } finally {
        clearTimeout(timeout);
      }
    }, pingMs);
    this.pingTimer.unref?.();
  }

  private lost(client: pg.Client, error: unknown, duringConnect = false): void {
    if (!duringConnect && this.client !== client) return; // an old connection's late event
    if (this.client === client) {
      this.client = null;
      this.listening = false;
      if (this.pingTimer) clearTimeout(this.pingTimer);
      this.pingTimer = null;
      client.removeAllListeners("end");
      void client.end().catch(() => {});
    }
    if (this.stopped || this.listeners.size === 0) return;
    this.failures++;
    const min = this.options.minBackoffMs ?? 250;
    const max = this.options.maxBackoffMs ?? 30_000;
    const delay = Math.min(max, min * 2 ** (this.failures - 1)) * (0.5 + Math.random() / 2);
    log.warn({ err: error ?? undefined, attempt: this.failures, retryInMs: Math.round(delay) }, "availability listener lost its connection");
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopped && this.listeners.size > 0) void this.connect();
    }, delay);
    this.reconnectTimer.unref?.();
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
