// Test helpers for the realtime tests: read a Server-Sent Events stream, wait for messages.
import type { RealtimeMessage } from "@/lib/realtime/listener";

export type SseEvent = { id?: string; event: string; data: string };

/** Reads an SSE byte stream, parsing events (comments are kept as `event: "comment"`). */
export class SseReader {
  readonly events: SseEvent[] = [];
  private buffer = "";
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private done = false;
  private pump: Promise<void>;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
    this.pump = this.read();
  }

  get ended(): boolean {
    return this.done;
  }

  private async read(): Promise<void> {
    for (;;) {
      const { value, done } = await this.reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) {
        this.done = true;
        return;
      }
      this.buffer += this.decoder.decode(value, { stream: true });
      let end: number;
      while ((end = this.buffer.indexOf("\n\n")) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const event: SseEvent = { event: "message", data: "" };
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (line.startsWith(":")) {
            this.events.push({ event: "comment", data: line.slice(1).trim() });
            continue;
          }
          const [field, ...rest] = line.split(":");
          const text = rest.join(":").replace(/^ /, "");
          if (field === "id") event.id = text;
          else if (field === "event") event.event = text;
          else if (field === "data") data.push(text);
        }
        if (data.length > 0) {
          event.data = data.join("\n");
          this.events.push(event);
        }
      }
    }
  }

  /** Resolves with the events matching `predicate` once there are `count` of them. */
  async waitFor(predicate: (event: SseEvent) => boolean, options: { count?: number; timeoutMs?: number } = {}): Promise<SseEvent[]> {
    const count = options.count ?? 1;
    const deadline = Date.now() + (options.timeoutMs ?? 2_000);
    for (;;) {
      const matching = this.events.filter(predicate);
      if (matching.length >= count) return matching;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} events; got ${JSON.stringify(this.events)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
    await this.pump;
  }
}

/** Collects hub messages; `next` waits for one matching. */
export function collector() {
  const messages: RealtimeMessage[] = [];
  return {
    messages,
    listener: (message: RealtimeMessage) => void messages.push(message),
    async waitFor(predicate: (message: RealtimeMessage) => boolean, timeoutMs = 1_000): Promise<RealtimeMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = messages.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
  };
}

export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
