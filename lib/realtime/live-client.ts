// The browser side of live availability: ONE EventSource per page for every session shown
// on it (browsers allow only ~6 HTTP/1.1 connections per site, so never one per widget),
// polling GET /api/availability every 5 s while the stream is down. Framework-free (React
// binds to it in components/live-remaining.tsx), so it is tested with fakes.
import { readBrowserAvailability, type BrowserAvailability } from "./types";

export type LiveState = "connecting" | "live" | "polling";

type EventSourceLike = {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
};

export type LiveClientEnvironment = {
  openEventSource: (url: string) => EventSourceLike;
  fetchJson: (url: string) => Promise<unknown>;
  pollMs?: number;
  /** After the browser gives up on a stream (readyState CLOSED), open a new one this much later. */
  reopenMs?: number;
};

const CLOSED = 2;

export class LiveAvailabilityClient {
  private readonly watched = new Map<string, number>();
  private readonly figures = new Map<string, BrowserAvailability>();
  private readonly listeners = new Set<() => void>();
  private source: EventSourceLike | null = null;
  private key = "";
  private pollTimer: ReturnType<typeof setInterval> | null = null;
  private reopenTimer: ReturnType<typeof setTimeout> | null = null;
  private syncQueued = false;
  private state: LiveState = "connecting";

  constructor(private readonly environment: LiveClientEnvironment) {}

  /** Starts watching a session (reference-counted); returns the function that stops. */
  watch(sessionId: string): () => void {
    this.watched.set(sessionId, (this.watched.get(sessionId) ?? 0) + 1);
    this.queueSync();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const count = (this.watched.get(sessionId) ?? 1) - 1;
      if (count > 0) this.watched.set(sessionId, count);
      else this.watched.delete(sessionId);
      this.queueSync();
    };
  }

  /** For useSyncExternalStore: called after every change of figures or state. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  getState = (): LiveState => this.state;

  /** Live places left of one ticket type; undefined until something is known. 0 once the session is cancelled or deleted. */
  remaining(sessionId: string, ticketTypeId: string): number | undefined {
    const figures = this.figures.get(sessionId);
    if (!figures) return undefined;
    if (figures.deleted || figures.cancelled) return 0;
    return figures.ticketTypes?.find((type) => type.id === ticketTypeId)?.remaining;
  }

  /** Applies one change if it is newer than what is known (stream and polls may overlap). */
  apply(change: BrowserAvailability): void {
    const known = this.figures.get(change.sessionId);
    if (known && known.changeNumber >= change.changeNumber) return;
    // A notification too large to carry the ticket types: fetch them.
    if (change.ticketTypes === null && !change.deleted) void this.poll();
    this.figures.set(change.sessionId, change.ticketTypes === null && known ? { ...change, ticketTypes: known.ticketTypes } : change);
    this.notify();
  }

  close(): void {
    this.watched.clear();
    this.sync();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private setState(state: LiveState): void {
    if (this.state === state) return;
    this.state = state;
    this.notify();
  }

  private queueSync(): void {
    if (this.syncQueued) return;
    this.syncQueued = true;
    // Every widget of a page mounts in one go: open one stream for all of them.
    queueMicrotask(() => {
      this.syncQueued = false;
      this.sync();
    });
  }

  private sync(): void {
    const key = [...this.watched.keys()].sort().join(",");
    if (key === this.key && (this.source || !key)) return;
    this.key = key;
    this.stopStream();
    this.stopPolling();
    if (key) this.openStream();
  }

  private openStream(): void {
    const source = this.environment.openEventSource(`/api/stream?sessions=${this.key}`);
    this.source = source;
    this.setState("connecting");
    source.addEventListener("open", () => {
      if (this.source !== source) return;
      this.stopPolling();
      this.setState("live");
    });
    source.addEventListener("availability", (event) => {
      if (this.source !== source || typeof event.data !== "string") return;
      let value: unknown;
      try {
        value = JSON.parse(event.data);
      } catch {
        return;
      }
      const change = readBrowserAvailability(value);
      if (change) this.apply(change);
    });
    // The server could not replay everything missed: read the current figures instead.
    source.addEventListener("reset", () => void this.poll());
    source.addEventListener("error", () => {
      if (this.source !== source) return;
      this.startPolling();
      if (source.readyState === CLOSED) {
        // The browser retries on its own unless the server refused (e.g. 5xx): then we do, later.
        this.source = null;
        this.reopenTimer = setTimeout(() => {
          this.reopenTimer = null;
          if (this.key && !this.source) this.openStream();
        }, this.environment.reopenMs ?? 15_000);
      }
    });
  }

  private stopStream(): void {
    this.source?.close();
    this.source = null;
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = null;
  }

  private startPolling(): void {
    this.setState("polling");
    if (this.pollTimer) return;
    void this.poll();
    this.pollTimer = setInterval(() => void this.poll(), this.environment.pollMs ?? 5_000);
  }

  private stopPolling(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
  }

  private async poll(): Promise<void> {
    const key = this.key;
    if (!key) return;
    try {
      const body = (await this.environment.fetchJson(`/api/availability?sessions=${key}`)) as { sessions?: unknown[] } | null;
      if (key !== this.key || !Array.isArray(body?.sessions)) return;
      for (const item of body.sessions) {
        const change = readBrowserAvailability(item);
        if (change) this.apply(change);
      }
    } catch {
      // Offline or the server is down: the next poll tries again.
    }
  }
}
