// Reading a request's body at the process edge, before Next sees the request (the purchase
// gate, the page body cap), and handing Next a request whose body is already here.
import http from "node:http";

export type NodeBody = { ok: true; body: Buffer } | { ok: false; reason: "too_large" | "timeout" | "aborted" };

/**
 * The whole body, or why not: over `maxBytes` (a declared Content-Length is refused before
 * reading; a chunked body as soon as it passes the cap, the rest is never kept), not complete
 * within `timeoutMs` (0: no deadline but the server's own), or the client went away.
 */
export function readNodeBody(request: http.IncomingMessage, options: { maxBytes: number; timeoutMs: number }): Promise<NodeBody> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > options.maxBytes) return Promise.resolve({ ok: false, reason: "too_large" });
  return new Promise<NodeBody>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: NodeBody) => {
      clearTimeout(timer);
      request.off("data", onData).off("end", onEnd).off("error", onAborted).off("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > options.maxBytes) finish({ ok: false, reason: "too_large" });
      else chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks) });
    const onAborted = () => finish({ ok: false, reason: "aborted" });
    const onClose = () => {
      if (!request.complete) onAborted();
    };
    const timer = options.timeoutMs > 0 ? setTimeout(() => finish({ ok: false, reason: "timeout" }), options.timeoutMs) : undefined;
    request.on("data", onData).once("end", onEnd).once("error", onAborted).once("close", onClose);
  });
}

/**
 * A request like `original` whose body is `body`, already complete: what Next reads instead
 * of the socket. A chunked body becomes one with a Content-Length.
 */
export function replayRequest(original: http.IncomingMessage, body: Buffer): http.IncomingMessage {
  const replay = new http.IncomingMessage(original.socket);
  replay.method = original.method;
  replay.url = original.url;
  replay.httpVersion = original.httpVersion;
  replay.httpVersionMajor = original.httpVersionMajor;
  replay.httpVersionMinor = original.httpVersionMinor;
  const rawHeaders: string[] = [];
  for (let index = 0; index < original.rawHeaders.length; index += 2) {
    const name = original.rawHeaders[index];
    if (/^(content-length|transfer-encoding)$/i.test(name)) continue;
    rawHeaders.push(name, original.rawHeaders[index + 1]);
  }
  rawHeaders.push("Content-Length", String(body.byteLength));
  replay.rawHeaders = rawHeaders;
  const headers = { ...original.headers, "content-length": String(body.byteLength) };
  delete headers["transfer-encoding"];
  replay.headers = headers;
  if (body.byteLength > 0) replay.push(body);
  replay.push(null);
  replay.complete = true;
  return replay;
}

/** How long a refused client may go on sending (dropped) before its connection is cut. */
const LINGER_MS = 2_000;

/**
 * Answers at once and closes the connection, whatever of the body is still to come: what
 * arrives meanwhile is dropped (so a client that sent it all reads the answer instead of a
 * reset), and the socket is cut shortly after the answer is out, so a slow sender keeps
 * nothing of ours for long.
 */
export function answerAndClose(response: http.ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (response.headersSent || response.destroyed) return;
  const socket = response.req.socket;
  response.shouldKeepAlive = false;
  response.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)), connection: "close" });
  response.end(body);
  response.req.resume();
  response.once("finish", () => setTimeout(() => socket.destroy(), LINGER_MS).unref());
}
