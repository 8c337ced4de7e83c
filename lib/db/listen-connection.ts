import "server-only";
import pg from "pg";
import { backoffDelayMs } from "@/lib/backoff";
import { childLogger } from "@/lib/log";

// A LISTEN connection that stays up by itself: a dedicated pg.Client (never one of the
// pool's, which it would hold for ever), reopened with exponential backoff and jitter
// whenever it is lost (a database restart, pg_terminate_backend, a network that drops), and
// pinged so that one that died silently (a half-open TCP connection: no error, no end, no
// notifications) is noticed too. Notifications sent while it was down are lost, so each
// time LISTEN is (re)established `onListening` runs: the owner catches up from the tables
// (the live-places hub asks its streams to re-read; the job waker drains the queue).

const log = childLogger({ module: "db" });

export type ListenConnectionOptions = {
  databaseUrl: string;
  channel: string;
  /** Shown in pg_stat_activity, so the connection can be told apart (and killed in tests). */
  applicationName: string;
  onNotification: (payload: string | undefined) => void;
  /** LISTEN is in place (the first time, or again after a loss): catch up what may have been missed. */
  onListening: (connections: number) => void;
  /** A `SELECT 1` this often finds a connection that died without a word. */
  pingMs?: number;
  /** How long a ping, or opening the connection, may take before the connection counts as lost. */
  answerTimeoutMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
};

export class ListenConnection {
  private client: pg.Client | null = null;
  private connecting = false;
  private running = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private opened = 0;

  constructor(private readonly options: ListenConnectionOptions) {}

  /** True while LISTEN is in place. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** How many times LISTEN was established (1 = never lost). */
  get connections(): number {
    return this.opened;
  }

  /** Connects (if not already running); safe to call again. */
  start(): void {
    this.running = true;
    if (!this.client && !this.connecting && !this.reconnectTimer) void this.connect();
  }

  /** Closes the connection and stops reconnecting. */
  async stop(): Promise<void> {
    this.running = false;
    for (const timer of [this.reconnectTimer, this.pingTimer]) if (timer) clearTimeout(timer);
    this.reconnectTimer = this.pingTimer = null;
    const client = this.client;
    this.client = null;
    if (client) await this.discard(client);
  }

  private async connect(): Promise<void> {
    this.connecting = true;
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: this.options.applicationName,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: this.options.answerTimeoutMs ?? 10_000,
    });
    client.on("notification", (message) => {
      if (message.channel === this.options.channel) this.options.onNotification(message.payload);
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, null));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      this.connecting = false;
      await this.discard(client);
      this.retry(error);
      return;
    }
    this.connecting = false;
    if (!this.running) {
      await this.discard(client); // stop() was called while connecting
      return;
    }
    this.client = client;
    this.failures = 0;
    this.opened++;
    this.schedulePing(client);
    if (this.opened > 1) log.info({ channel: this.options.channel, connections: this.opened }, "LISTEN connection back");
    this.options.onListening(this.opened);
  }

  private schedulePing(client: pg.Client): void {
    this.pingTimer = setTimeout(async () => {
      if (this.client !== client) return;
      let timeout: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          client.query("SELECT 1"),
          new Promise((_, reject) => {
            timeout = setTimeout(() => reject(new Error("ping got no answer")), this.options.answerTimeoutMs ?? 10_000);
          }),
        ]);
        if (this.client === client) this.schedulePing(client);
      } catch (error) {
        this.lost(client, error);
      } finally {
        clearTimeout(timeout);
      }
    }, this.options.pingMs ?? 30_000);
    this.pingTimer.unref?.();
  }

  /** The current connection failed (an error, an end, a ping without answer): drop it, try again. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client) return; // an old or half-made connection's late event
    this.client = null;
    if (this.pingTimer) clearTimeout(this.pingTimer);
    this.pingTimer = null;
    void this.discard(client);
    this.retry(error);
  }

  private retry(error: unknown): void {
    if (!this.running || this.reconnectTimer) return;
    this.failures++;
    const delay = backoffDelayMs(this.failures, this.options.minBackoffMs ?? 250, this.options.maxBackoffMs ?? 30_000);
    log.warn({ err: error ?? undefined, channel: this.options.channel, attempt: this.failures, retryInMs: delay }, "LISTEN connection lost; reconnecting");
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.running && !this.client && !this.connecting) void this.connect();
    }, delay);
    this.reconnectTimer.unref?.();
  }

  private async discard(client: pg.Client): Promise<void> {
    client.removeAllListeners("end");
    client.removeAllListeners("notification");
    // Late errors of a dropped connection must not be unhandled (they would crash the process).
    client.removeAllListeners("error");
    client.on("error", () => {});
    await client.end().catch(() => {});
  }
}
