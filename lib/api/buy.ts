import "server-only";
import { env } from "@/lib/env";
import { getBookableDay, getPublicEventById } from "@/lib/catalog/get-event";
import type { EventDetail } from "@/lib/catalog/types";
import { findVoucher } from "@/lib/orders/find-voucher";
import { listPriceOf } from "@/lib/orders/quote-tickets";
import { fromRefusal } from "@/lib/orders/refusals";
import { voucherCovers, voucherTimeProblem, voucherUnitPrice } from "@/lib/orders/voucher";
import { startPurchase, type StartedPurchase } from "@/lib/checkout/start-purchase";
import type { Buyer } from "@/lib/orders/buyer";
import { ACCESS_PARAM, issueAccessToken, withAccess } from "@/lib/orders/order-access";
import { isOrderError } from "@/lib/orders/errors";
import { formatMinute, localDateAndMinute } from "@/lib/time";
import { absoluteUrl, jsonResponse } from "@/lib/http/json";
import type { StoredAnswer } from "./idempotency";
import { problemBody, problemFromRefusal, problemResponseFromBody, type Problem } from "@/lib/http/problem";
import type { BuyOptions, BuyRequest, BuyResponse } from "./schemas";

/**
 * What can be bought now for a published event: its sessions on sale with their ticket
 * types, prices and remaining places; for a bookable experience, the free ranges of `date`
 * (venue time; default today there). Null when there is no such public event (404).
 */
export async function getBuyOptions(options: { eventId: string; date?: string; now?: Date; voucher?: string }): Promise<BuyOptions | null> {
  const now = options.now ?? new Date();
  // A code (issue 28) prices the types it covers and reveals the hidden ones it may; a code
  // that cannot be used is the same 422 the purchase answers.
  const voucher = options.voucher === undefined ? null : await findVoucher(options.voucher);
  if (options.voucher !== undefined) {
    const problem = !voucher ? "unknown" : voucherTimeProblem(voucher, now.getTime());
    if (problem) throw fromRefusal({ ok: false, code: "voucher", problem });
  }
  const event = await getPublicEventById(options.eventId, { now, withHidden: voucher?.revealsHidden ?? false });
  if (!event) return null;
  const shown = (type: EventDetail["sessions"][number]["ticketTypes"][number]) => !type.hidden || (voucher !== null && voucherCovers(voucher, event.id, type));
  const priced = (type: EventDetail["sessions"][number]["ticketTypes"][number]) => {
    const tiers = type.tiers.map((tier) => ({ priceMinor: tier.priceMinor, until: tier.until?.getTime() ?? null, untilTaken: tier.untilTaken }));
    const list = listPriceOf({ priceMinor: type.priceMinor, taken: type.capacity - type.remaining, tiers }, 1, now.getTime());
    return { list, price: voucher && voucherCovers(voucher, event.id, type) ? voucherUnitPrice(voucher, list) : list };
  };
  const settings = env();
  const date = options.date ?? localDateAndMinute(now, event.venue.timeZone).date;
  return {
    event: { id: event.id, slug: event.slug, title: event.title, timeZone: event.venue.timeZone },
    voucher: voucher ? { code: voucher.code, kind: voucher.kind, value: voucher.value, currency: voucher.currency, revealsHidden: voucher.revealsHidden } : null,
    questions: event.questions,
    holderChangeCutoffMinutes: event.holderChangeCutoffMinutes,
    limits: { maxTicketsPerOrder: settings.MAX_TICKETS_PER_ORDER, holdMinutes: settings.HOLD_MINUTES },
    sessions: event.sessions
      .filter((session) => session.onSale)
      .map((session) => ({
        id: session.id,
        startsAt: session.startsAt.toISOString(),
        endsAt: session.endsAt.toISOString(),
        remaining: session.remaining,
        ticketTypes: session.ticketTypes.filter(shown).map((type) => ({
          id: type.id,
          name: type.name,
          description: type.description,
          priceMinor: priced(type).price,
          listPriceMinor: priced(type).list,
          currency: type.currency,
          remaining: Math.max(0, type.remaining),
          salesStart: type.salesStart?.toISOString() ?? null,
          salesEnd: type.salesEnd?.toISOString() ?? null,
        })),
      })),
    bookable: event.resources.length === 0 ? null : { date, resources: await Promise.all(event.resources.map((resource) => freeRangesOf(resource, date, now))) },
  };
}

type Resource = EventDetail["resources"][number];

/**
 * The free time of a resource on one day: the union of every free booking of the minimum
 * length. A union of free ranges is free, and every aligned start inside one with room for
 * the chosen length is a bookable start, so the ranges are all a client needs.
 */
async function freeRangesOf(resource: Resource, date: string, now: Date) {
  const day = await getBookableDay(resource.id, date, resource.minMinutes, { now });
  const ranges: { start: Date; end: Date }[] = [];
  for (const start of day?.starts ?? []) {
    if (!start.free) continue;
    const end = new Date(start.startsAt.getTime() + resource.minMinutes * 60_000);
    const last = ranges.at(-1);
    if (last && start.startsAt.getTime() <= last.end.getTime()) last.end = end;
    else ranges.push({ start: start.startsAt, end });
  }
  return {
    id: resource.id,
    name: resource.name,
    priceMinorPerSlot: resource.priceMinorPerSlot,
    currency: resource.currency,
    slotMinutes: resource.slotMinutes,
    minMinutes: resource.minMinutes,
    maxMinutes: resource.maxMinutes,
    opens: formatMinute(resource.opensMinute),
    closes: formatMinute(resource.closesMinute),
    freeRanges: ranges.map((range) => ({
      start: range.start.toISOString(),
      end: range.end.toISOString(),
      minutes: Math.round((range.end.getTime() - range.start.getTime()) / 60_000),
    })),
  };
}

/** `replayed`: the request's key had already made this order (its first answer was lost). */
export type BuyAnswer = { status: 201; body: BuyResponse; replayed?: boolean } | { status: number; body: Problem };

/**
 * One purchase through the API: the event must be public and the ticket types or resource
 * must be its own (the path names the event); then the same lib/orders functions as the
 * checkout forms hold the places, and the payment provider says where to pay. Expected
 * refusals (sold out, taken, over the limit…) come back as problems; anything else throws.
 */
export async function buyForApi(options: { buyer: Buyer; eventId: string; request: BuyRequest; baseUrl: string; requestKey?: string }): Promise<BuyAnswer> {
  const { request, baseUrl, eventId } = options;
  let started: StartedPurchase;
  try {
    // The event, and that the ticket types or the resource are its own, are checked by the
    // quote against the event's rules and again by the commit that holds the places.
    const particulars = { holders: request.holders, answers: request.answers };
    const choice = "booking" in request ? { booking: request.booking, particulars } : { items: request.items, voucher: request.voucher, particulars };
    started = await startPurchase({ buyer: options.buyer, eventId, choice, requestKey: options.requestKey });
  } catch (error) {
    if (!isOrderError(error) || error.code === "busy") throw error;
    if (error.code === "not_in_event") {
      const problem = problemBody("not_in_event", { detail: "Choose ticket types or a resource of this event (see GET on this URL).", errors: foreignPointers(request, error.foreignIds ?? []) });
      return { status: problem.status, body: problem };
    }
    const problem = problemFromRefusal(error, (field) => pointerOf(request, field));
    return { status: problem.status, body: problem };
  }

  const { order, payment } = started;
  const replayed = order.replayed ? { replayed: true } : {};
  const links = { confirmation: absoluteUrl(baseUrl, `/api/orders/${order.id}/confirmation`), page: absoluteUrl(baseUrl, `/orders/${order.id}`) };
  const accessUrl = absoluteUrl(baseUrl, withAccess(`/orders/${order.id}`, order.accessToken));
  const summary = {
    id: order.id,
    reference: order.reference,
    status: order.status,
    totalMinor: order.totalMinor,
    currency: order.currency,
    holdExpiresAt: order.holdExpiresAt.toISOString(),
  };
  if (!payment) return { status: 201, body: { order: summary, payment: null, links, accessUrl }, ...replayed };
  const url = payment.url === null ? null : absoluteUrl(baseUrl, payment.url);
  if (payment.provider === "local") return { status: 201, body: { order: summary, payment: { provider: "local", url, api: absoluteUrl(baseUrl, `/api/orders/${order.id}/pay/local`) }, links, accessUrl }, ...replayed };
  return { status: 201, body: { order: summary, payment: { provider: payment.provider, url }, links, accessUrl }, ...replayed };
}

function foreignPointers(request: BuyRequest, foreignIds: string[]): { pointer: string; detail: string }[] {
  if ("booking" in request) return [{ pointer: "/booking/resourceId", detail: "Not a bookable resource of this event" }];
  return request.items.flatMap((item, index) =>
    foreignIds.includes(item.ticketTypeId) ? [{ pointer: `/items/${index}/ticketTypeId`, detail: "Not a ticket type of an upcoming session of this event" }] : [],
  );
}

/** The form field of an OrderError (`quantity.<ticketTypeId>`, `items`, `start`, `holders.0.email`…) as a JSON Pointer into the body. */
function pointerOf(request: BuyRequest, field: string): string | undefined {
  // Holders and answers (lib/questions) are named by their path in the body already.
  if (field === "voucher") return "/voucher";
  if (field === "holders" || field.startsWith("holders.") || field.startsWith("answers.")) return `/${field.split(".").map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
  if ("booking" in request) return ["start", "minutes", "resourceId"].includes(field) ? `/booking/${field}` : "/booking";
  if (field === "items") return "/items";
  if (field.startsWith("quantity.")) {
    const index = request.items.findIndex((item) => item.ticketTypeId === field.slice("quantity.".length));
    return index >= 0 ? `/items/${index}/quantity` : "/items";
  }
  return undefined;
}

/** `url` with its private-link parameter emptied (`fill`: "") or set to a new token. */
function withAccessParam(url: string | null, fill: string): string | null {
  if (url === null) return null;
  const parsed = new URL(url);
  if (!parsed.searchParams.has(ACCESS_PARAM)) return url;
  parsed.searchParams.set(ACCESS_PARAM, fill);
  return parsed.toString();
}

/**
 * The answer as kept for its Idempotency-Key: without the private link's token (tokens are kept
 * only as hashes, lib/orders/order-access.ts), in `accessUrl` and in a local payment page's
 * link. A replay gets a new token in both (withNewAccessUrl).
 */
export function withoutAccessUrl(answer: BuyAnswer): StoredAnswer {
  if (answer.status !== 201) return answer;
  const body: Omit<BuyResponse, "accessUrl"> & { accessUrl?: string } = { ...(answer.body as BuyResponse) };
  delete body.accessUrl;
  const payment = body.payment ? { ...body.payment, url: withAccessParam(body.payment.url, "") } : null;
  return { ...answer, body: { ...body, payment } };
}

/** A kept 201 answer, replayed, with a new private link to its order (the earlier ones keep working). */
export async function withNewAccessUrl(answer: StoredAnswer, baseUrl: string): Promise<StoredAnswer> {
  if (answer.status !== 201) return answer;
  const body = answer.body as BuyResponse;
  const token = await issueAccessToken(body.order.id);
  const payment = body.payment ? { ...body.payment, url: withAccessParam(body.payment.url, token) } : null;
  return { ...answer, body: { ...body, payment, accessUrl: absoluteUrl(baseUrl, withAccess(`/orders/${body.order.id}`, token)) } };
}

/** A purchase's answer (fresh or replayed for its Idempotency-Key) as the HTTP response. */
export function buyAnswerResponse(answer: StoredAnswer, replayed: boolean): Response {
  const headers: Record<string, string> = replayed ? { "idempotent-replayed": "true" } : {};
  if (answer.status === 201) {
    const created = answer.body as BuyResponse;
    return jsonResponse(created, { status: 201, headers: { ...headers, location: created.links.confirmation } });
  }
  return problemResponseFromBody(answer.body as Problem, headers);
}
