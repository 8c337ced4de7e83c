import "server-only";
import { env } from "@/lib/env";
import { sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import type { SaleRules } from "./quote";

// What an event sells, as the quote reads it: kept a minute per process, so an on-sale's crowd
// is quoted without a round trip each, and read once however many ask at the same moment (the
// first read is shared). A stale copy costs nothing but a second look: the commit re-checks
// prices, rules and sale state under its locks (`price_changed`, `rules_changed`,
// `not_on_sale`) and whoever meets one drops the copy (`forgetSaleRules`); a refusal of the
// quote is never answered from a copy (lib/orders/quote-and-place.ts).
const KEEP_MS = 60_000;
const MAX_EVENTS = 500;

type Kept = { rules: SaleRules; until: number };
const kept = new Map<string, Kept>();
/** Reads under way, by key: a crowd arriving before the first read returns waits for that read. */
const reading = new Map<string, Promise<SaleRules | null>>();
/** Ticket type and resource ids → their event, for callers that do not name the event (the store forms). */
const eventOf = new Map<string, string>();

export type SaleRulesKey = { eventId: string } | { ticketTypeId: string } | { resourceId: string };

type Row = { rules: Omit<SaleRules, "maxTicketsPerOrder"> | null };

async function readSaleRules(key: SaleRulesKey): Promise<SaleRules | null> {
  const eventId = "eventId" in key ? key.eventId : null;
  const typeId = "ticketTypeId" in key ? key.ticketTypeId : null;
  const resourceId = "resourceId" in key ? key.resourceId : null;
  const [row] = await sql<Row>`SELECT sale_rules(${eventId}::uuid, ${typeId}::uuid, ${resourceId}::uuid) AS rules`;
  if (!row?.rules) return null;
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
  const readKey = JSON.stringify(key);
  let read = reading.get(readKey);
  if (!read) {
    read = readSaleRules(key).finally(() => reading.delete(readKey));
    reading.set(readKey, read);
  }
  const rules = await read;
  if (rules) keep(rules, Date.now());
  return { rules, fresh: true };
}

/** Drops the kept copy of an event's rules: the commit found them changed. */
export function forgetSaleRules(eventId: string): void {
  const entry = kept.get(eventId);
  if (!entry) return;
  kept.delete(eventId);
  for (const offer of [...entry.rules.ticketTypes, ...entry.rules.resources]) if (eventOf.get(offer.id) === eventId) eventOf.delete(offer.id);
}
