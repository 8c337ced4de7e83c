// Client addresses that a client cannot choose, and bodies refused before they are read.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { installPeerAddress } from "@/lib/http/peer-address";
import { clientAddressFromHeaders } from "./client-address";
import { readBodyText, readJsonBody } from "./json";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientAddressFromHeaders", () => {
  it("takes the TCP peer (the last entry) with no trusted proxy, whatever the client wrote first", () => {
    expect(clientAddressFromHeaders(xff("6.6.6.6, 203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddressFromHeaders(xff("203.0.113.9"), 0)).toBe("203.0.113.9");
    expect(clientAddressFromHeaders(new Headers({ "x-real-ip": "6.6.6.6" }), 0)).toBe("unknown");
  });

  it("skips one entry per trusted proxy hop, from the right", () => {
    // client wrote 6.6.6.6; nginx appended the client's real address; the app appended nginx's.
    expect(clientAddressFromHeaders(xff("6.6.6.6, 198.51.100.7, 172.18.0.5"), 1)).toBe("198.51.100.7");
    expect(clientAddressFromHeaders(xff("198.51.100.7, 10.0.0.2, 172.18.0.5"), 2)).toBe("198.51.100.7");
    // Fewer entries than hops: the leftmost.
    expect(clientAddressFromHeaders(xff("172.18.0.5"), 1)).toBe("172.18.0.5");
    expect(clientAddressFromHeaders(xff("::ffff:127.0.0.1"), 0)).toBe("127.0.0.1");
  });

  it("sees the socket's address in a real server even when the client forges X-Forwarded-For", async () => {
    installPeerAddress();
    const server = http.createServer((request, response) => {
      const headers = new Headers(request.headers as Record<string, string>);
      response.end(clientAddressFromHeaders(headers, 0));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const forged = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "6.6.6.6" } });
      expect(await forged.text()).toBe("127.0.0.1");
      const plain = await fetch(`http://127.0.0.1:${port}/`);
      expect(await plain.text()).toBe("127.0.0.1");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

/** A chunked body of `chunks` × 64 KiB that counts how much of it was pulled. */
function endlessBody(chunks: number) {
  const state = { pulled: 0 };
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= chunks) return controller.close();
      state.pulled++;
      controller.enqueue(chunk);
    },
  });
  return { stream, state };
}

function streamingRequest(stream: ReadableStream<Uint8Array>): Request {
  return new Request("http://localhost/api/x", { method: "POST", body: stream, headers: { "content-type": "application/json" }, duplex: "half" } as RequestInit);
}

describe("body size caps", () => {
  it("readBodyText stops reading a chunked body as soon as it passes the cap", async () => {
    const { stream, state } = endlessBody(320); // 20 MiB if read whole
    const started = Date.now();
    expect(await readBodyText(streamingRequest(stream), 16 * 1024)).toEqual({ ok: false });
    expect(state.pulled).toBeLessThanOrEqual(3);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("readJsonBody answers 413 for a 20 MB chunked body without reading it", async () => {
    const { stream, state } = endlessBody(320);
    const result = await readJsonBody(streamingRequest(stream), z.object({}));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(3);
  });

  it("refuses a declared Content-Length over the cap before reading anything", async () => {
    const request = new Request("http://localhost/api/x", { method: "POST", body: "{}", headers: { "content-length": String(10 ** 9) } });
    expect(await readBodyText(request, 1024)).toEqual({ ok: false });
    expect(await readBodyText(new Request("http://localhost/", { method: "POST", body: "héllo" }), 1024)).toEqual({ ok: true, text: "héllo" });
  });
});
