// The quote: what a basket costs and whether it may be bought, in pure TypeScript (safe in the
// browser). The buy panels show it, the store actions and the JSON API commit it
// (lib/orders/place-order.ts → `order_place`, which re-checks it under the locks). A price or
// a rule of buying is written once, here (docs/decisions/0006). Capacity is not the quote's:
// only the commit knows the places left for certain.
import type { Particulars } from "@/lib/questions/check-particulars";
import type { Question } from "@/lib/questions/question";
import type { OrderRefusal } from "./refusals";

/** An early price (issue 28): until an instant (ms) and/or until this many places of the type are taken. */
export type PriceTierOffer = { priceMinor: number; until: number | null; untilTaken: number | null };

/** A ticket type as the quote reads it (lib/orders/sale-rules.ts loads them). Instants in ms. */
export type TicketOffer = {
  id: string;
  name: string;
  /** The list price after every tier has ended. */
  priceMinor: number;
  currency: string;
  sessionId: string;
  startsAt: number;
  endsAt: number;
  cancelled: boolean;
  /** On sale from (null: from publishing) until (null: until the session starts). */
  salesStart?: number | null;
  salesEnd?: number | null;
  /** Sold only with a voucher that reveals hidden types. */
  hidden?: boolean;
  /** Places sold or held when the rules were read (tiers by count; the commit counts again). */
  taken?: number;
  tiers?: PriceTierOffer[];
};

/** The rules of a bookable resource, on the clock of its venue. */
export type BookingRules = {
  opensMinute: number;
  closesMinute: number;
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  timeZone: string;
};

export type BookingOffer = BookingRules & { id: string; name: string; priceMinorPerSlot: number; currency: string };

/** What an event sells and under which rules. */
export type SaleRules = {
  eventId: string;
  published: boolean;
  /** False while the event's host has no Stripe account that may take charges (docs/decisions/0020): nothing is on sale. */
  hostTakesPayments?: boolean;
  maxTicketsPerOrder: number;
  /** Until how many minutes before the start a ticket's holder may be changed. */
  holderChangeCutoffMinutes: number;
  /** What the event asks its buyers, once per order or per ticket (lib/questions). */
  questions: Question[];
  ticketTypes: TicketOffer[];
  resources: BookingOffer[];
};

/** `listUnitPriceMinor`: the price before the voucher, on a line the voucher covers. */
export type QuoteLine = { ticketTypeId: string; name: string; quantity: number; unitPriceMinor: number; totalMinor: number; listUnitPriceMinor?: number };

type QuoteBase = {
  eventId: string;
  /** The caller named the event (the JSON API's path): a type or resource of another event is `not_in_event`. */
  eventNamed: boolean;
  currency: string;
  totalMinor: number;
  /** Places the order holds (a booking is one). */
  places: number;
  /** Holders and answers, checked (lib/orders/quote-particulars.ts); none: every ticket is the buyer's. */
  particulars?: Particulars;
};

export type TicketQuote = QuoteBase & {
  kind: "tickets";
  sessionId: string;
  lines: QuoteLine[];
  /** The voucher the quote applied, the places it covers and what it takes off the list prices. */
  voucher?: { id: string; code: string; places: number; discountMinor: number };
};
export type BookingQuote = QuoteBase & {
  kind: "booking";
  resourceId: string;
  start: Date;
  minutes: number;
  slots: number;
  unitPriceMinor: number;
  /** The rules the quote was made under: the commit refuses `rules_changed` when they moved. */
  rules: BookingRules;
  /** The waiting-list entry whose offer holds exactly this range, its code checked (docs/decisions/0021): the commit hands its held row to the order. */
  waitlistEntryId?: string;
};
export type Quote = TicketQuote | BookingQuote;

export type QuoteResult<Q extends Quote> = { ok: true; quote: Q } | OrderRefusal;
