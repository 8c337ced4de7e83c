import "server-only";
import { env } from "@/lib/env";
import { sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import type { SaleRules } from "./quote";

// What an event sells, as the quote reads it: kept a few seconds per process, so an on-sale's
// crowd is quoted without a round trip each. A stale copy costs nothing but a refusal: the
// commit re-checks prices, rules and sale state under its locks (`price_changed`,
// `rules_changed`, `not_on_sale`), and whoever meets one drops the copy (`forgetSaleRules`);
// an id the copy does not know is looked up afresh before it is refused.
const KEEP_MS = 5_000;
const MAX_EVENTS = 500;

type Kept = { rules: SaleRules; until: number };
const kept = new Map<string, Kept>();
/** Ticket type and resource ids → their event, for callers that do not name the event (the store forms). */
const eventOf = new Map<string, string>();

export type SaleRulesKey = { eventId: string } | { ticketTypeId: string } | { resourceId: string };

type Row = { rules: Omit<SaleRules, "maxTicketsPerOrder"> };

async function readSaleRules(key: SaleRulesKey): Promise<SaleRules | null> {
  const eventId = "eventId" in key ? key.eventId : null;
  const typeId = "ticketTypeId" in key ? key.ticketTypeId : null;
  const resourceId = "resourceId" in key ? key.resourceId : null;
  const [row] = await sql<Row>`
    SELECT jsonb_build_object(
      'eventId', e.id,
      'published', e.status = 'published',
      'ticketTypes', coalesce((
        SELECT jsonb_agg(jsonb_build_object(
                 'id', tt.id, 'name', tt.name, 'priceMinor', tt.price_minor, 'currency', tt.currency, 'sessionId', s.id,
                 'startsAt', floor(extract(epoch FROM s.starts_at) * 1000), 'endsAt', floor(extract(epoch FROM s.ends_at) * 1000),
                 'cancelled', s.cancelled) ORDER BY tt.id)
          FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id WHERE s.event_id = e.id), '[]'),
      'resources', coalesce((
        SELECT jsonb_agg(jsonb_build_object(
                 'id', r.id, 'name', r.name, 'priceMinorPerSlot', r.price_minor_per_slot, 'currency', r.currency,
                 'opensMinute', r.opens_minute, 'closesMinute', r.closes_minute, 'slotMinutes', r.slot_minutes,
                 'minMinutes', r.min_minutes, 'maxMinutes', r.max_minutes, 'timeZone', v.time_zone) ORDER BY r.id)
          FROM resources r JOIN venues v ON v.id = r.venue_id WHERE r.event_id = e.id), '[]')) AS rules
      FROM events e
     WHERE e.id = coalesce(${eventId}::uuid,
                           (SELECT s.event_id FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id WHERE tt.id = ${typeId}::uuid),
                           (SELECT event_id FROM resources WHERE id = ${resourceId}::uuid))`;
  if (!row) return null;
  return { ...row.rules, maxTicketsPerOrder: env().MAX_TICKETS_PER_ORDER };
}

function keep(rules: SaleRules, now: number): void {
  if (kept.size >= MAX_EVENTS) {
    for (const [eventId, entry] of kept) if (entry.until <= now || kept.size >= MAX_EVENTS) forgetSaleRules(eventId);
  }
  kept.set(rules.eventId, { rules, until: now + KEEP_MS });
  for (const offer of rules.ticketTypes) eventOf.set(offer.id, rules.eventId);
  for (const offer of rules.resources) eventOf.set(offer.id, rules.eventId);
}

/**
 * The rules of the event named by `key` (an event, or a ticket type or resource of it); null
 * when there is no such event. `fresh` asks to read the database even when a copy is kept, and
 * answers whether the rules were just read.
 */
export async function saleRulesFor(key: SaleRulesKey, options: { fresh?: boolean } = {}): Promise<{ rules: SaleRules | null; fresh: boolean }> {
  if (!isUuid(Object.values(key)[0])) return { rules: null, fresh: true };
  const now = Date.now();
  const eventId = "eventId" in key ? key.eventId : eventOf.get("ticketTypeId" in key ? key.ticketTypeId : key.resourceId);
  const entry = eventId === undefined ? undefined : kept.get(eventId);
  if (entry && entry.until > now && !options.fresh) return { rules: entry.rules, fresh: false };
  const rules = await readSaleRules(key);
  if (rules) keep(rules, now);
  return { rules, fresh: true };
}

/** Drops the kept copy of an event's rules: the commit found them changed. */
export function forgetSaleRules(eventId: string): void {
  const entry = kept.get(eventId);
  if (!entry) return;
  kept.delete(eventId);
  for (const offer of [...entry.rules.ticketTypes, ...entry.rules.resources]) if (eventOf.get(offer.id) === eventId) eventOf.delete(offer.id);
}
