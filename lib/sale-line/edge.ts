import "server-only";
import http from "node:http";
import type { ApiCaller } from "@/lib/auth/api-caller";
import type { ProblemCode, ProblemOptions } from "@/lib/http/problem";
import { childLogger } from "@/lib/log";
import { claimedPosition } from "./line-token";
import { inLineProblem, SOLD_OUT_AT_EDGE } from "./line-answer";
import { accountInLine, guestInLine, markLineBought, passSaleLine } from "./pass-line";
import { saleLineOf, type SaleLine } from "./schedule";
import { LINE_TOKEN_HEADER } from "./schemas";
import { isSoldOut } from "./stock";

// The line's two steps in the purchase gate (lib/ops/purchase-gate.ts) of
// POST /api/events/{id}/buy, for events with a scheduled opening only (others pass as before):
// 1. before anything else, sold out? Told from this process's live figures: no token lookup,
//    no rate limit, no idempotency row, no round trip at all. Only a request showing a line
//    token at or before the front (a buyer who was let through, perhaps retrying a purchase
//    whose answer was lost) goes on to the route, which answers it properly.
// 2. once the caller is known and the body is here: a place in line. Until the buyer's turn
//    the answer is 503 `in_line` with Retry-After and the place; at their turn the request
//    goes on to the process's purchase line. A 201 ends the buyer's place.

const log = childLogger({ module: "sale-line" });
const BUY_EVENT = /^\/api\/events\/([^/?#]+)\/buy\/?(?:\?|$)/;

export type EdgeRefusal = { code: ProblemCode; options: ProblemOptions };

function lineTokenOf(request: http.IncomingMessage): string | null {
  const value = request.headers[LINE_TOKEN_HEADER];
  return typeof value === "string" ? value : null;
}

/** Step 1: the event's line (null: no line, nothing changes), or the sold-out answer. */
export async function lineAtEdge(request: http.IncomingMessage): Promise<{ line: SaleLine | null; refusal?: EdgeRefusal }> {
  const eventId = BUY_EVENT.exec(request.url ?? "")?.[1];
  const line = eventId ? await saleLineOf(eventId) : null;
  if (!line) return { line: null };
  if (isSoldOut(line.eventId)) {
    const position = claimedPosition(lineTokenOf(request));
    if (position === null || position > line.admittedThrough) return { line, refusal: { code: "sold_out", options: SOLD_OUT_AT_EDGE } };
  }
  return { line };
}

/** Step 2: the buyer's turn, or the 503 that tells them where they stand. */
export async function takeTurnAtEdge(
  line: SaleLine,
  request: http.IncomingMessage,
  response: http.ServerResponse,
  who: { caller: ApiCaller | null; guestEmail: string | null },
): Promise<EdgeRefusal | null> {
  const buyer = who.caller ? accountInLine(who.caller.user.id) : guestInLine(who.guestEmail ?? "");
  const pass = await passSaleLine(line, buyer, lineTokenOf(request));
  if (!pass.letThrough) return { code: "in_line", options: inLineProblem(pass) };
  response.once("finish", () => {
    if (response.statusCode === 201) markLineBought(line, buyer).catch((error: unknown) => log.warn({ err: error }, "could not end a place in line after a purchase"));
  });
  return null;
}
