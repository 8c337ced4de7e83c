import "server-only";
import { randomBytes } from "node:crypto";
import type { ApiCaller } from "./api-caller-type";

// The purchase gate (lib/ops/purchase-gate.ts) must know the caller before a request takes a
// place in line (issue 26); the buying route needs the same caller. Looking it up twice cost
// every buyer of an on-sale one more database round trip, so the gate hands what it found to
// the route: under a random name, in a header it sets itself (after removing any a client
// sent), kept in this process only and for a minute at most. A client cannot forge it: a name
// that is not in this process's hand-off is ignored and the route looks the caller up itself
// (as it does wherever no gate runs, e.g. `npm run dev`).

export const CALLER_HANDOFF_HEADER = "x-local-tickets-gate-caller";
const KEEP_MS = 60_000;

type Handoffs = Map<string, ApiCaller>;
const globalHandoffs = globalThis as unknown as { [key: symbol]: Handoffs | undefined };
const KEY = Symbol.for("local-tickets.caller-handoff");

function handoffs(): Handoffs {
  return (globalHandoffs[KEY] ??= new Map());
}

/** Keeps the caller the gate found; returns the name to put in the request's header. */
export function handCallerOn(caller: ApiCaller): string {
  const name = randomBytes(18).toString("base64url");
  handoffs().set(name, caller);
  setTimeout(() => handoffs().delete(name), KEEP_MS).unref();
  return name;
}

/** The caller the gate found for this request, once; null when there is none. */
export function takeHandedCaller(name: string | null): ApiCaller | null {
  if (!name) return null;
  const caller = handoffs().get(name) ?? null;
  handoffs().delete(name);
  return caller;
}
