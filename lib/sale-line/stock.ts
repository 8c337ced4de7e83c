import "server-only";
import { childLogger } from "@/lib/log";
import { subscribe, type RealtimeMessage } from "@/lib/realtime/listener";

// "Sold out" at the edge (issue 28.4): for events with a line, this process keeps each session
// on sale's remaining places as the database announces them (NOTIFY availability, the same
// stream every page gets, lib/realtime), so the crowd that comes after the sell-out is told
// 409 without a database round trip, let alone a write. Each figure is kept with its change
// number and only a newer one replaces it: the schedule's periodic read (schedule.ts) and the
// notifications may arrive in either order. When the LISTEN connection is (re)established
// (`resync`), changes may have been missed: nothing held is trusted, and the next request for
// each event reads it again (schedule.ts compares `stockGeneration`).

type Session = { remaining: number; changeNumber: number };
type Stock = Map<string, Map<string, Session>>;

const state = globalThis as unknown as { __saleLineStock?: { events: Stock; generation: number; unsubscribe?: () => void } };

function store() {
  state.__saleLineStock ??= { events: new Map(), generation: 0 };
  return state.__saleLineStock;
}

/** Goes up whenever the figures held may have missed changes: what was read before is read again. */
export function stockGeneration(): number {
  return store().generation;
}

const log = childLogger({ module: "sale-line" });

function listen(message: RealtimeMessage): void {
  const { events } = store();
  if (message.type === "resync") {
    events.clear();
    store().generation++;
    return;
  }
  const { change } = message;
  const sessions = events.get(change.eventId);
  if (!sessions) return;
  const known = sessions.get(change.sessionId);
  if (known && known.changeNumber >= change.changeNumber) return;
  // A cancelled or deleted session sells nothing; a new one counts until the next read says otherwise.
  sessions.set(change.sessionId, { remaining: change.deleted || change.cancelled ? 0 : change.remaining, changeNumber: change.changeNumber });
}

/** The sessions on sale of an event with a line, as read from the database (newer figures already held win). */
export function trackStock(eventId: string, sessions: { id: string; remaining: number; changeNumber: number }[]): void {
  const kept = store();
  if (!kept.unsubscribe) {
    try {
      kept.unsubscribe = subscribe(listen);
    } catch (error) {
      log.warn({ err: error }, "no live availability: sold out is not answered at the edge");
      return;
    }
  }
  const previous = kept.events.get(eventId);
  const next = new Map<string, Session>();
  for (const session of sessions) {
    const known = previous?.get(session.id);
    next.set(session.id, known && known.changeNumber > session.changeNumber ? known : { remaining: session.remaining, changeNumber: session.changeNumber });
  }
  kept.events.set(eventId, next);
}

export function forgetStock(eventId: string): void {
  store().events.delete(eventId);
}

/** True only when every session on sale is known to have no place left. */
export function isSoldOut(eventId: string): boolean {
  const sessions = store().events.get(eventId);
  if (!sessions || sessions.size === 0) return false;
  for (const session of sessions.values()) if (session.remaining > 0) return false;
  return true;
}

export function resetStockForTests(): void {
  const kept = store();
  kept.unsubscribe?.();
  state.__saleLineStock = { events: new Map(), generation: 0 };
}
