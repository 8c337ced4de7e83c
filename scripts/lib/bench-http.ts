// A burst of HTTP requests that all start at once, each on its own connection (5,000 buyers
// pressing "buy" in the same second are 5,000 connections, not a queue in one client).
// Records per request: latency from its own send, status, and the `code` of a problem+json
// body (sold_out, not_enough, rate_limited…) or the network error.
import http from "node:http";

export type BurstRequest = { url: string; method: "POST" | "GET"; headers: Record<string, string>; body?: string };
export type BurstResult = { latencyMs: number; endMs: number; status: number; code: string; retryAfterSeconds?: number; body?: string };

/** `keepBody` keeps each answer's body text (the on-sale reads its place in line from it). */
export async function fireBurst(requests: BurstRequest[], options: { timeoutMs: number; keepBody?: boolean }): Promise<{ results: BurstResult[]; wallMs: number }> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const origin = performance.now();
  const results = await Promise.all(requests.map((request) => send(request, agent, origin, options.timeoutMs, options.keepBody ?? false)));
  agent.destroy();
  return { results, wallMs: Math.max(...results.map((result) => result.endMs)) };
}

function send(request: BurstRequest, agent: http.Agent, origin: number, timeoutMs: number, keepBody: boolean): Promise<BurstResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    let settled = false;
    const finish = (status: number, code: string, retryAfterSeconds?: number, body?: string) => {
      if (settled) return;
      settled = true;
      const now = performance.now();
      resolve({ latencyMs: now - started, endMs: now - origin, status, code, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }), ...(keepBody && body !== undefined ? { body } : {}) });
    };
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const req = http.request(
      request.url,
      {
        method: request.method,
        agent,
        headers: { ...request.headers, ...(body ? { "content-length": String(body.length) } : {}) },
        timeout: timeoutMs,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        const retryAfter = response.headers["retry-after"];
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          finish(response.statusCode ?? 0, codeOf(response.statusCode ?? 0, text), retryAfter === undefined ? undefined : Number(retryAfter), text);
        });
        response.on("error", (error) => finish(0, `network: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
      },
    );
    req.on("timeout", () => {
      req.destroy(new Error("timeout"));
    });
    req.on("error", (error) => finish(0, `network: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
    req.end(body);
  });
}

function codeOf(status: number, text: string): string {
  if (status >= 200 && status < 300) return "ok";
  try {
    const parsed = JSON.parse(text) as { code?: unknown };
    if (typeof parsed.code === "string") return parsed.code;
  } catch {
    // not JSON: an HTML error page or a proxy's answer
  }
  return `http ${status}`;
}

/** "409 sold_out" → count, most frequent first. */
export function breakdown(results: BurstResult[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const result of results) {
    const key = result.status === 0 ? result.code : `${result.status} ${result.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1]));
}
