// The admission line at the edge of the process, for the buying API (POST /api/events/:id/buy).
// In an on-sale, thousands of requests arrive at once; each costs the framework several ms
// of CPU before any route code runs (routing, Request objects, streams). Queued inside Next,
// they all pay that up front and the process falls a minute behind (connections reset, every
// answer late). Here, before Next sees them, they wait in the process's one purchase line
// (lib/ops/admission-line.ts, FIFO, bounded wait) holding nothing but their socket; whoever
// cannot be served in time gets 503 problem+json with Retry-After, at the cost of a few
// bytes. Admitted requests keep their place in the line until their response is finished.
// The checkout's server actions use the same line from inside (they must answer as actions).
//
// A place is only for a request that can use it at once (issue 26): its caller is known (an
// API token or a session, checked from the headers) or its body names a guest buyer ({email,
// name}, issue 27; the route limits guests per email and address like accounts); anyone else
// is answered 401 and never queues. Its body is complete (read here, within
// PURCHASE_BODY_TIMEOUT_MS, else 408).
// So a client that trickles its body, or a crowd of anonymous sockets, costs its senders a
// socket each and the line nothing.
//
// An event whose sales open at a set time has a fair line in front of all that (issue 28,
// lib/sale-line/edge.ts): once it is sold out the crowd is told so before anything else, and
// until a buyer's turn their request is answered 503 `in_line` with their place.
import http from "node:http";
import { problemBody, PROBLEM_CONTENT_TYPE, type ProblemCode, type ProblemOptions } from "@/lib/http/problem";
import type { ApiCaller } from "@/lib/auth/api-caller";
import { findUserByApiToken } from "@/lib/auth/api-tokens";
import { CALLER_HANDOFF_HEADER, handCallerOn } from "@/lib/auth/caller-handoff";
import { sessionUserOfCookies } from "@/lib/auth/session-cookie";
import { isDatabaseBusy } from "@/lib/errors/database";
import { env } from "@/lib/env";
import { answerAndClose, readNodeBody, replayRequest } from "@/lib/http/node-request-body";
import { BUYING_INTERNAL_ERROR_DETAIL } from "@/lib/http/with-api-errors";
import { childLogger } from "@/lib/log";
import { isOrderError } from "@/lib/orders/errors";
import { lineAtEdge, takeTurnAtEdge } from "@/lib/sale-line/edge";
import { busyError, purchaseLine } from "./admission-line";

const INSTALLED = Symbol.for("local-tickets.purchase-gate");
const BUY_PATH = /^\/api\/events\/[^/?#]+\/buy\/?(?:\?|$)/;
/** The buying route's own body cap (lib/api/http.ts); the route answers the same 413. */
const MAX_BUY_BODY_BYTES = 16 * 1024;

const log = childLogger({ module: "purchase-gate" });

export function isGatedPurchase(method: string | undefined, url: string | undefined): boolean {
  return method === "POST" && BUY_PATH.test(url ?? "");
}

function problemJson(code: ProblemCode, options: ProblemOptions = {}): { status: number; headers: Record<string, string>; body: string } {
  const body = problemBody(code, options);
  const headers: Record<string, string> = { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...options.headers };
  if (body.retryAfterSeconds !== undefined) headers["retry-after"] = String(body.retryAfterSeconds);
  return { status: body.status, headers, body: JSON.stringify(body) };
}

function answer(response: http.ServerResponse, code: ProblemCode, options: ProblemOptions = {}): void {
  const problem = problemJson(code, options);
  if (response.req.complete) {
    if (response.headersSent || response.destroyed) return;
    response.writeHead(problem.status, { ...problem.headers, "content-length": String(Buffer.byteLength(problem.body)) });
    response.end(problem.body);
  } else {
    answerAndClose(response, problem.status, problem.headers, problem.body);
  }
}

/** Who is asking: an API token that works, or a session that is still valid; null for a stranger. */
async function knownCaller(headers: http.IncomingHttpHeaders): Promise<ApiCaller | null> {
  const authorization = headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const found = match ? await findUserByApiToken(match[1]) : null;
    if (!found) return null;
    const { tokenId, tokenScope, ...user } = found;
    return { user, via: "token", tokenId, scope: tokenScope };
  }
  const user = await sessionUserOfCookies(headers.cookie);
  return user ? { user, via: "session" } : null;
}

/** The email of the guest buyer the body names (`buyer: {email, name}`, both text), or null. The route checks them properly. */
function guestEmailOf(body: Buffer): string | null {
  try {
    const buyer = (JSON.parse(body.toString("utf8")) as { buyer?: { email?: unknown; name?: unknown } } | null)?.buyer;
    return typeof buyer?.email === "string" && typeof buyer.name === "string" ? buyer.email : null;
  } catch {
    return null;
  }
}

function isGone(response: http.ServerResponse): boolean {
  return response.writableEnded || response.destroyed || response.req.socket.destroyed;
}

/** Caller, body, then a place in line; `forward` hands the request (its body already read) to Next. */
async function passGate(request: http.IncomingMessage, response: http.ServerResponse, forward: (request: http.IncomingMessage) => void): Promise<void> {
  const settings = env();
  // The body starts arriving while the caller is checked; it is kept, up to the cap.
  const body = readNodeBody(request, { maxBytes: MAX_BUY_BODY_BYTES, timeoutMs: settings.PURCHASE_BODY_TIMEOUT_MS });
  // Whatever a client put in the hand-off header is not ours.
  delete request.headers[CALLER_HANDOFF_HEADER];
  // A scheduled on-sale's line: sold out is told here, from this process's live figures.
  const atEdge = await lineAtEdge(request);
  if (atEdge.refusal) return answer(response, atEdge.refusal.code, atEdge.refusal.options);
  const withCredentials = request.headers.authorization !== undefined;
  const caller = await knownCaller(request.headers);
  const refuseStranger = () =>
    answer(response, "unauthenticated", {
      detail: withCredentials
        ? "This API token is not valid: it is unknown, malformed or revoked."
        : "Send Authorization: Bearer <token> (create one at /account/tokens), sign in, or buy as a guest with buyer: {email, name} in the body.",
      headers: { "www-authenticate": withCredentials ? 'Bearer realm="api", error="invalid_token"' : 'Bearer realm="api"' },
    });
  // A bad token is refused at once; without credentials the body may still name a guest.
  if (!caller && withCredentials) return refuseStranger();
  const read = await body;
  if (!read.ok) {
    if (read.reason === "timeout") answer(response, "request_timeout", { detail: `Send the whole body within ${settings.PURCHASE_BODY_TIMEOUT_MS} ms. Nothing was bought.` });
    else if (read.reason === "too_large") answer(response, "content_too_large", { detail: `Send at most ${MAX_BUY_BODY_BYTES} bytes.` });
    return;
  }
  const guestEmail = caller ? null : guestEmailOf(read.body);
  if (!caller && guestEmail === null) return refuseStranger();
  if (atEdge.line) {
    const refusal = await takeTurnAtEdge(atEdge.line, request, response, { caller, guestEmail });
    if (refusal) return answer(response, refusal.code, refusal.options);
  }
  const replay = replayRequest(request, read.body);
  // Whatever a client put in the hand-off header is not ours (raw headers too).
  replay.rawHeaders = replay.rawHeaders.filter((_, index, all) => all[index - (index % 2)].toLowerCase() !== CALLER_HANDOFF_HEADER);
  if (caller) {
    // The route takes the caller found here instead of looking it up again (one round trip less).
    const handoff = handCallerOn(caller);
    replay.headers[CALLER_HANDOFF_HEADER] = handoff;
    replay.rawHeaders.push(CALLER_HANDOFF_HEADER, handoff);
  }
  await purchaseLine().run(
    () =>
      new Promise<void>((resolve) => {
        // The client left while waiting: its place passes on at once.
        if (isGone(response)) return resolve();
        // The place in line is held until the answer is out (or the client went away).
        response.once("close", resolve);
        forward(replay);
      }),
  );
}

function answerFailure(response: http.ServerResponse, error: unknown): void {
  if (isOrderError(error) && error.code === "busy") {
    answer(response, "busy", { detail: error.message, retryAfterSeconds: error.retryAfterSeconds ?? 1 });
  } else if (isDatabaseBusy(error)) {
    const busy = busyError(purchaseLine().retryAfterSeconds());
    answer(response, "busy", { detail: busy.message, retryAfterSeconds: busy.retryAfterSeconds });
  } else {
    log.error({ err: error }, "purchase gate failed");
    answer(response, "internal_error", { detail: BUYING_INTERNAL_ERROR_DETAIL });
  }
}

/** Once per process (instrumentation), before requests arrive: every HTTP server of the process. */
export function installPurchaseGate(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function emitThroughPurchaseGate(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    if (!isGatedPurchase(request.method, request.url)) return emit.call(this, event, ...args);
    passGate(request, response, (replay) => emit.call(this, event, replay, response)).catch((error: unknown) => answerFailure(response, error));
    return true;
  } as typeof prototype.emit;
  prototype[INSTALLED] = true;
}
