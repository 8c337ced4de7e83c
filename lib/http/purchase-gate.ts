// The admission line at the edge of the process, for the buying API (POST /api/events/:id/buy).
// In an on-sale, thousands of requests arrive at once; each costs the framework several ms
// of CPU before any route code runs (routing, Request objects, streams). Queued inside Next,
// they all pay that up front and the process falls a minute behind (connections reset, every
// answer late). Here, before Next sees them, they wait in the process's one purchase line
// (lib/orders/admission.ts, FIFO, bounded wait) holding nothing but their socket; whoever
// cannot be served in time gets 503 problem+json with Retry-After, at the cost of a few
// bytes. Admitted requests keep their place in the line until their response is finished.
// The checkout's server actions use the same line from inside (they must answer as actions).
import http from "node:http";
import { problemBody, PROBLEM_CONTENT_TYPE } from "@/lib/http/problem";
import { isOrderError } from "@/lib/orders/errors";
import { purchaseLine } from "@/lib/orders/admission";

const INSTALLED = Symbol.for("local-tickets.purchase-gate");
const BUY_PATH = /^\/api\/events\/[^/?#]+\/buy\/?(?:\?|$)/;

export function isGatedPurchase(method: string | undefined, url: string | undefined): boolean {
  return method === "POST" && BUY_PATH.test(url ?? "");
}

function answerBusy(response: http.ServerResponse, retryAfterSeconds: number, detail: string): void {
  if (response.headersSent || response.destroyed) return;
  const body = JSON.stringify(problemBody("busy", { detail, retryAfterSeconds }));
  response.writeHead(503, {
    "content-type": PROBLEM_CONTENT_TYPE,
    "cache-control": "no-store",
    "retry-after": String(retryAfterSeconds),
    "content-length": Buffer.byteLength(body),
  });
  // Answer once the unread body is read (and dropped): a socket closed with unread bytes is
  // reset, and the client would lose this answer.
  const request = response.req;
  if (request.complete) response.end(body);
  else {
    request.once("end", () => response.end(body));
    request.resume();
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
    const line = purchaseLine();
    line
      .run(
        () =>
          new Promise<void>((resolve) => {
            // The place in line is held until the answer is out (or the client went away).
            response.once("close", resolve);
            emit.call(this, event, ...args);
          }),
      )
      .catch((error: unknown) => {
        if (isOrderError(error) && error.code === "busy") answerBusy(response, error.retryAfterSeconds ?? 1, error.message);
        else if (!response.headersSent) {
          response.statusCode = 500;
          response.end();
        }
      });
    return true;
  } as typeof prototype.emit;
  prototype[INSTALLED] = true;
}
