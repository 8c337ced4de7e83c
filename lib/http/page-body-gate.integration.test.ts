// Page and server action POSTs with a chunked body (no Content-Length): Next buffers up to its
// own 10 MB before the proxy's early 413, and a 6-10 MB body then failed with a bare 500
// (issue 26). The edge of the process counts the body instead.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./action-request-guard";
import { installPageBodyGate } from "./page-body-gate";

let origin = "";
let server: http.Server;
const seen: { url: string; bytes: number; contentLength: string | undefined; chunked: boolean }[] = [];

beforeAll(async () => {
  installPageBodyGate();
  server = http.createServer(async (request, response) => {
    let bytes = 0;
    for await (const chunk of request) bytes += (chunk as Buffer).byteLength;
    seen.push({ url: request.url!, bytes, contentLength: request.headers["content-length"], chunked: request.headers["transfer-encoding"] === "chunked" });
    response.end(`read ${bytes}`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

/** A chunked body of `megabytes` MiB, counting how much of it was pulled. */
function chunkedBody(megabytes: number) {
  const state = { pulled: 0 };
  const chunk = new Uint8Array(256 * 1024).fill(97);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled * chunk.byteLength >= megabytes * 1024 * 1024) return controller.close();
      state.pulled++;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

const post = (path: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  fetch(`${origin}${path}`, { method: "POST", body, headers: { "content-type": "multipart/form-data; boundary=x", ...headers }, duplex: "half" } as RequestInit);

describe("the page body gate", () => {
  it("answers a chunked 8 MiB page POST 413 with a sentence, without passing it on", async () => {
    seen.length = 0;
    const { stream } = chunkedBody(8);
    const response = await post("/events/some-event", stream).catch((error: unknown) => error);
    // The answer comes before the upload ends; some clients then see the connection cut instead.
    if (response instanceof Response) {
      expect(response.status).toBe(413);
      expect(await response.text()).toMatch(/Content too large: send at most 6mb/);
    }
    expect(seen).toEqual([]);
  });

  it("answers a chunked body over the limit 413 by reading no more than the limit", async () => {
    seen.length = 0;
    const { stream, state } = chunkedBody(300);
    await post("/admin/events/new", stream).catch(() => undefined);
    expect(state.pulled * 256 * 1024).toBeLessThan(SERVER_ACTION_BODY_LIMIT_BYTES + 64 * 1024 * 1024);
    expect(seen).toEqual([]);
  });

  it("passes a chunked body under the limit on whole, with its length declared", async () => {
    seen.length = 0;
    const { stream } = chunkedBody(1);
    const response = await post("/pt/checkout", stream);
    expect(await response.text()).toBe(`read ${1024 * 1024}`);
    expect(seen).toEqual([{ url: "/pt/checkout", bytes: 1024 * 1024, contentLength: String(1024 * 1024), chunked: false }]);
  });

  it("answers a declared length over the limit 413 before reading, and leaves the API and declared bodies alone", async () => {
    seen.length = 0;
    const declared = await new Promise<number>((resolve) => {
      const request = http.request(`${origin}/events/x`, { method: "POST", headers: { "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) } }, (response) => {
        resolve(response.statusCode ?? 0);
        response.resume();
      });
      request.on("error", () => undefined);
      request.write("x");
    });
    expect(declared).toBe(413);

    expect(await (await post("/events/x", "small form")).text()).toBe("read 10");
    const api = chunkedBody(1);
    expect(await (await post("/api/anything", api.stream)).text()).toBe(`read ${1024 * 1024}`);
    expect(seen.map(({ url, chunked }) => ({ url, chunked }))).toEqual([
      { url: "/events/x", chunked: false },
      { url: "/api/anything", chunked: true },
    ]);
  });
});
