import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LiveAvailabilityClient } from "./live-client";
import type { BrowserAvailability } from "./types";

class FakeEventSource {
  readyState = 0;
  closed = false;
  private readonly handlers = new Map<string, ((event: { data?: unknown }) => void)[]>();
  constructor(readonly url: string) {}
  addEventListener(type: string, listener: (event: { data?: unknown }) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = 2;
  }
  emit(type: string, data?: unknown) {
    for (const handler of this.handlers.get(type) ?? []) handler({ data });
  }
}

const SESSION_A = "00000000-0000-4000-8000-00000000000a";
const SESSION_B = "00000000-0000-4000-8000-00000000000b";
const change = (sessionId: string, changeNumber: number, remaining: number, extra: Partial<BrowserAvailability> = {}): BrowserAvailability => ({
  sessionId,
  eventId: "00000000-0000-4000-8000-0000000000ee",
  changeNumber,
  deleted: false,
  cancelled: false,
  remaining,
  ticketTypes: [{ id: `${sessionId}-t`, remaining }],
  ...extra,
});

describe("LiveAvailabilityClient", () => {
  let sources: FakeEventSource[];
  let polls: string[];
  let pollAnswer: unknown;
  let client: LiveAvailabilityClient;

  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
    polls = [];
    pollAnswer = { sessions: [] };
    client = new LiveAvailabilityClient({
      openEventSource: (url) => {
        const source = new FakeEventSource(url);
        sources.push(source);
        return source;
      },
      fetchJson: async (url) => {
        polls.push(url);
        return pollAnswer;
      },
      pollMs: 5_000,
      reopenMs: 15_000,
    });
  });
  afterEach(() => {
    client.close();
    vi.useRealTimers();
  });

  it("opens one stream for every session watched on the page, and reopens when the set changes", async () => {
    const stopA = client.watch(SESSION_A);
    client.watch(SESSION_B);
    client.watch(SESSION_A);
    await Promise.resolve();
    expect(sources.map((source) => source.url)).toEqual([`/api/stream?sessions=${SESSION_A},${SESSION_B}`]);
    stopA();
    await Promise.resolve();
    expect(sources).toHaveLength(1);
    client.close();
    expect(sources[0].closed).toBe(true);
  });

  it("applies newer changes only, and tells subscribers", async () => {
    const listener = vi.fn();
    client.subscribe(listener);
    client.watch(SESSION_A);
    await Promise.resolve();
    expect(client.remaining(SESSION_A, `${SESSION_A}-t`)).toBeUndefined();
    sources[0].emit("availability", JSON.stringify(change(SESSION_A, 10, 7)));
    expect(client.remaining(SESSION_A, `${SESSION_A}-t`)).toBe(7);
    sources[0].emit("availability", JSON.stringify(change(SESSION_A, 9, 8)));
    sources[0].emit("availability", "not json");
    expect(client.remaining(SESSION_A, `${SESSION_A}-t`)).toBe(7);
    sources[0].emit("availability", JSON.stringify(change(SESSION_A, 11, 5, { cancelled: true })));
    expect(client.remaining(SESSION_A, `${SESSION_A}-t`)).toBe(0);
    expect(listener).toHaveBeenCalled();
  });

  it("polls every 5 s while the stream is down, and stops when it is back", async () => {
    client.watch(SESSION_A);
    await Promise.resolve();
    const source = sources[0];
    source.emit("open");
    expect(client.getState()).toBe("live");
    pollAnswer = { sessions: [change(SESSION_A, 20, 3)] };
    source.emit("error");
    expect(client.getState()).toBe("polling");
    await vi.advanceTimersByTimeAsync(10_000);
    expect(polls).toEqual(Array(3).fill(`/api/availability?sessions=${SESSION_A}`));
    expect(client.remaining(SESSION_A, `${SESSION_A}-t`)).toBe(3);
    source.emit("open");
    await vi.advanceTimersByTimeAsync(20_000);
    expect(polls).toHaveLength(3);
    expect(client.getState()).toBe("live");
  });

  it("opens a new stream later when the browser gave up on it", async () => {
    client.watch(SESSION_A);
    await Promise.resolve();
    sources[0].readyState = 2;
    sources[0].emit("error");
    await vi.advanceTimersByTimeAsync(15_000);
    expect(sources).toHaveLength(2);
    expect(polls.length).toBeGreaterThanOrEqual(3);
    sources[1].emit("open");
    expect(client.getState()).toBe("live");
  });
});
