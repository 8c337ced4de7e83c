// The address of the TCP peer, where route handlers and server actions can see it.
// Next builds its Request from the Node request's headers and sets X-Forwarded-For to the
// socket's address only when the client sent none, so a client's own X-Forwarded-For would
// otherwise be all the app sees. Appending the socket's address (what nginx's
// $proxy_add_x_forwarded_for does) makes the last entry always the peer; clientAddress
// (lib/http/client-address.ts) reads the chain from the right, skipping TRUSTED_PROXY_HOPS proxies.
import http from "node:http";

const INSTALLED = Symbol.for("local-tickets.peer-address");

export function appendPeerAddress(request: http.IncomingMessage): void {
  const peer = request.socket?.remoteAddress;
  if (!peer) return;
  const sent = request.headers["x-forwarded-for"];
  const chain = Array.isArray(sent) ? sent.join(", ") : sent;
  request.headers["x-forwarded-for"] = chain ? `${chain}, ${peer}` : peer;
}

/** Once per process, before requests arrive (instrumentation): every HTTP server of the process. */
export function installPeerAddress(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") appendPeerAddress(args[0] as http.IncomingMessage);
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
  prototype[INSTALLED] = true;
}
