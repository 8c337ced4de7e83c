// The live availability of one session, as the database announces it (NOTIFY on the
// `availability` channel, see prisma/migrations/20261123050000_live_feed) and as the stream
// and the polling endpoint send it to browsers. No server-only import: the browser parses it too.
import { isUuid } from "@/lib/ids";

export type TicketTypeRemaining = { id: string; remaining: number };

export type SessionAvailability = {
  sessionId: string;
  eventId: string;
  /** Position in the feed of sessions: increases with every change, in commit order. */
  changeNumber: number;
  deleted: boolean;
  /** False while the event is a draft: such changes are never sent to browsers. */
  public: boolean;
  cancelled: boolean;
  /** Places left over all ticket types of the session (0 when deleted). */
  remaining: number;
  /** Per ticket type; null when the notification was too large to carry them. */
  ticketTypes: TicketTypeRemaining[] | null;
};

/** What browsers get: everything but `public` (they are only ever sent public changes). */
export type BrowserAvailability = Omit<SessionAvailability, "public">;

export function toBrowserAvailability(change: SessionAvailability): BrowserAvailability {
  const { sessionId, eventId, changeNumber, deleted, cancelled, remaining, ticketTypes } = change;
  return { sessionId, eventId, changeNumber, deleted, cancelled, remaining, ticketTypes };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;

/** Parses one notification payload (JSON text); null for anything not of this shape. */
export function parseSessionAvailability(text: string): SessionAvailability | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value) || typeof value.public !== "boolean") return null;
  const change = readBrowserAvailability(value);
  return change && { ...change, public: value.public };
}

/** Checks one change as browsers get it (from the stream, or a poll); null if malformed. */
export function readBrowserAvailability(value: unknown): BrowserAvailability | null {
  if (!isObject(value)) return null;
  const { sessionId, eventId, changeNumber, deleted, cancelled, remaining, ticketTypes } = value;
  if (typeof sessionId !== "string" || typeof eventId !== "string" || !isCount(changeNumber) || !isCount(remaining)) return null;
  if (typeof deleted !== "boolean" || typeof cancelled !== "boolean") return null;
  let types: TicketTypeRemaining[] | null = null;
  if (ticketTypes !== null) {
    if (!Array.isArray(ticketTypes)) return null;
    types = [];
    for (const type of ticketTypes) {
      if (!isObject(type) || typeof type.id !== "string" || !isCount(type.remaining)) return null;
      types.push({ id: type.id, remaining: type.remaining });
    }
  }
  return { sessionId, eventId, changeNumber, deleted, cancelled, remaining, ticketTypes: types };
}

export const MAX_WATCHED_SESSIONS = 100;

/** Which sessions a stream or a poll is about: one event's, a list, or (stream only) all. */
export type AvailabilityFilter = { eventId?: string; sessionIds?: string[] };

export type ParsedFilter =
  | { ok: true; filter: AvailabilityFilter }
  | { ok: false; parameter: string; message: string };

/** `?event=<uuid>` or `?sessions=<uuid>,<uuid>` (not both). */
export function parseAvailabilityFilter(params: URLSearchParams, options: { required: boolean }): ParsedFilter {
  const event = params.get("event");
  const sessions = params.get("sessions");
  if (event !== null && sessions !== null) return { ok: false, parameter: "sessions", message: "Give either event or sessions, not both" };
  if (event !== null) {
    if (!isUuid(event)) return { ok: false, parameter: "event", message: "event must be an event id" };
    return { ok: true, filter: { eventId: event.toLowerCase() } };
  }
  if (sessions !== null) {
    const ids = [...new Set(sessions.split(",").map((id) => id.trim().toLowerCase()).filter(Boolean))];
    if (ids.length === 0 || !ids.every((id) => isUuid(id))) {
      return { ok: false, parameter: "sessions", message: "sessions must be a comma-separated list of session ids" };
    }
    if (ids.length > MAX_WATCHED_SESSIONS) {
      return { ok: false, parameter: "sessions", message: `At most ${MAX_WATCHED_SESSIONS} sessions at a time` };
    }
    return { ok: true, filter: { sessionIds: ids } };
  }
  if (options.required) return { ok: false, parameter: "sessions", message: "Give event=<id> or sessions=<id>,<id>" };
  return { ok: true, filter: {} };
}

export function matchesFilter(filter: AvailabilityFilter, change: Pick<SessionAvailability, "sessionId" | "eventId">): boolean {
  if (filter.eventId) return change.eventId === filter.eventId;
  if (filter.sessionIds) return filter.sessionIds.includes(change.sessionId);
  return true;
}

/** `Last-Event-ID` (or `?lastEventId=`): a change number, or undefined when absent or malformed. */
export function parseLastEventId(value: string | null | undefined): number | undefined {
  if (!value || !/^\d{1,15}$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export function remainingLabel(remaining: number): string {
  return remaining === 0 ? "sold out" : `${remaining} left`;
}
