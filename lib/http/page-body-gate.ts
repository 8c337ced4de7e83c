// POSTs to pages (server actions, forms) at the edge of the process, before Next sees them.
// Next buffers such a body up to 10 MB before the proxy can refuse it, and a body over the
// server action limit (6 MB) that came without a Content-Length (chunked) then failed deep in
// Next with a bare 500. Here a declared length over the limit is answered 413 before reading;
// a chunked body is read up to the limit and handed on with its length declared (so the
// proxy's check applies), or answered 413 the moment it passes the limit, the rest dropped.
// The JSON API and Auth.js cap their own bodies (lib/api/http.ts, lib/auth/auth-route.ts).
import http from "node:http";
import { REFUSAL_HEADERS, SERVER_ACTION_BODY_LIMIT_BYTES, TOO_LARGE_SENTENCE } from "./action-request-guard";
import { answerAndClose, readNodeBody, replayRequest } from "./node-request-body";

const INSTALLED = Symbol.for("local-tickets.page-body-gate");

export function isPagePost(method: string | undefined, url: string | undefined): boolean {
  return method === "POST" && !/^\/(?:api|_next)\//.test(url ?? "/");
}

function refuseTooLarge(response: http.ServerResponse): void {
  answerAndClose(response, 413, REFUSAL_HEADERS, `${TOO_LARGE_SENTENCE}\n`);
}

/** Once per process (instrumentation), before requests arrive: every HTTP server of the process. */
export function installPageBodyGate(): void {
  const prototype = http.Server.prototype as http.Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  prototype.emit = function emitThroughPageBodyGate(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [request, response] = args as [http.IncomingMessage, http.ServerResponse];
    if (!isPagePost(request.method, request.url)) return emit.call(this, event, ...args);
    const declared = request.headers["content-length"];
    if (declared !== undefined) {
      if (Number(declared) > SERVER_ACTION_BODY_LIMIT_BYTES) refuseTooLarge(response);
      // A declared length bounds the body already: Next reads it as it comes.
      else return emit.call(this, event, ...args);
      return true;
    }
    void readNodeBody(request, { maxBytes: SERVER_ACTION_BODY_LIMIT_BYTES, timeoutMs: 0 }).then((read) => {
      if (read.ok) emit.call(this, event, replayRequest(request, read.body), response);
      else if (read.reason === "too_large") refuseTooLarge(response);
    });
    return true;
  } as typeof prototype.emit;
  prototype[INSTALLED] = true;
}
