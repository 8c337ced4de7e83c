// Buying and orders (lib/api): the buyer's API.
import { z } from "zod";
import { ZBuyOptions, ZBuyOptionsQuery, ZBuyRequest, ZBuyResponse, ZCreateTokenRequest, ZCreatedToken, ZEventIdParams, ZHolderChangeAnswer, ZLocalPayRequest, ZLocalPayResponse, ZOrderAccessQuery, ZOrderConfirmation, ZOrderIdParams, ZTicketIdParams, ZTokenIdParams, ZTokenList, ZCancelRequest, ZCancelAnswer } from "../schemas";
import { ZHolderChange } from "@/lib/tickets/change-holder";
import { json, problems, problemsWith, type ApiOperation } from "./operation";
import { ZLineProblem } from "@/lib/sale-line/schemas";

const IdempotencyKeyHeader = {
  name: "Idempotency-Key",
  description:
    "Optional. Any unique string (a UUID). Retrying with the same key and body returns the first answer (header Idempotent-Replayed: true) and never takes places twice; the same key with another body is 422; while the first is in flight, 409 with Retry-After. Kept 24 hours.",
  schema: z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/),
};


export const BUYING_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/events/{id}/buy",
    operationId: "getBuyOptions",
    tag: "Buying",
    summary: "What can be bought now",
    description:
      "Sessions on sale with their ticket types, prices and remaining places, and the questions the event asks its buyers; for a bookable experience, the free ranges of one day (`date`, venue time, default today there) with the slot step and the minimum and maximum length. Remaining places are a snapshot: the purchase checks again under lock.",
    access: "public",
    pathParams: ZEventIdParams,
    query: ZBuyOptionsQuery,
    responses: { 200: json("What is on sale", ZBuyOptions), ...problems("invalid_query", "not_found", "voucher_invalid") },
  },
  {
    method: "post",
    path: "/api/events/{id}/buy",
    operationId: "buy",
    tag: "Buying",
    summary: "Hold tickets or a time range",
    description:
      "Holds the places in one transaction and answers 201 with the pending order, its hold expiry, where to pay and a private link to the order (`accessUrl`). A free order is confirmed at once (status `paid`, `payment` null). Buy with an API token (for its account) or without one as a guest: `buyer: {email, name}`; the order is that email's. `holders` names each ticket's holder (default: the buyer) and `answers` the event's questions (GET lists them); every holder or answer at fault is one 422 `invalid` whose `errors` point at it, and nothing is held. A `voucher` code prices the lines it covers and may reveal hidden ticket types (see GET with `?voucher=`); its uses are counted when the places are held, so a code with 50 uses never gives 51; a code that cannot be used is `422 voucher_invalid` pointing at `/voucher`. Before a type's sales open: `409 not_on_sale_yet` with `opensAt`. Refusals name their cause: sold out, not enough left, taken (409); over the per-order limit, outside opening hours, not a slot start, bad length, in the past (422). Rate limited per user or guest email and per address (429 with Retry-After). The body must arrive whole within a few seconds (else 408) and the caller must be known, or the body name a guest buyer (else 401), before the request waits in the process's purchase line. When the event's sales open at a set time, buyers wait in one fair line shared by every server: until their turn (in arrival order, let through at the pace the purchase path sustains, none before the opening) the answer is 503 `in_line` with Retry-After and `line` (position, how many ahead, about how long, the opening, and the line token); send the token back as the `Line-Token` header with each try (a guest's place is theirs only with it). Asking again keeps the place; a buyer who stops asking loses it. Once the event is sold out, 409 `sold_out` comes at once.",
    access: "user-or-guest",
    pathParams: ZEventIdParams,
    headers: [IdempotencyKeyHeader, { name: "Line-Token", description: "The line token of an on-sale's line (from the 503 `in_line` answer's `line.token`), sent back with each try.", schema: z.string().max(64) }],
    body: { schema: ZBuyRequest, description: "Either `items` (ticket types of one session) or `booking`" },
    responses: {
      201: json("Places held (or a free order confirmed)", ZBuyResponse, {
        Location: { description: "The order's confirmation", schema: z.url() },
        "Idempotent-Replayed": { description: "true when this is the stored first answer for the Idempotency-Key", schema: z.literal("true") },
      }),
      ...problems(
        "malformed_request",
        "unauthenticated",
        "not_found",
        "sold_out",
        "not_enough",
        "taken",
        "not_on_sale",
        "not_on_sale_yet",
        "voucher_invalid",
        "idempotency_in_flight",
        "content_too_large",
        "request_timeout",
        "unsupported_media_type",
        "validation_failed",
        "not_in_event",
        "invalid",
        "too_many",
        "outside_hours",
        "misaligned",
        "bad_length",
        "in_past",
        "idempotency_key_reused",
        "rate_limited",
        "internal_error",
      ),
      ...problemsWith(ZLineProblem, "busy", "in_line"),
    },
  },
  {
    method: "get",
    path: "/api/orders/{id}/confirmation",
    operationId: "getOrderConfirmation",
    tag: "Orders",
    summary: "An order, its tickets and delivery",
    description:
      "The saved order as its owner or an admin sees it, or whoever holds one of its private links (`?access=`, as in the link of the delivery email; no credentials needed then); anyone else gets 404, exactly as for an unknown id. `delivery.ticketsPdfUrl` appears once the email with the PDF tickets has been sent.",
    access: "user",
    pathParams: ZOrderIdParams,
    query: ZOrderAccessQuery,
    responses: { 200: json("The order", ZOrderConfirmation), ...problems("unauthenticated", "not_found") },
  },
  {
    method: "put",
    path: "/api/orders/{id}/tickets/{ticketId}/holder",
    operationId: "changeTicketHolder",
    tag: "Orders",
    summary: "Give a ticket to someone else",
    description:
      "Changes who a ticket is for, until the event's cutoff (`holderChangeCutoffMinutes` before the start): for the order's buyer (a token with the write scope, or a session) or whoever holds its private link (`?access=`). The ticket is re-issued: a new id and new codes, and the old code is refused at the door from then on. A holder with an email is sent the ticket. After the cutoff, for a used ticket, a ticket already replaced, or an unpaid order: 409 `holder_locked`. Another order's link, or a ticket of another order: 404.",
    access: "user",
    pathParams: ZTicketIdParams,
    query: ZOrderAccessQuery,
    body: { schema: ZHolderChange },
    responses: {
      200: json("The ticket that now holds the place", ZHolderChangeAnswer),
      ...problems("malformed_request", "unauthenticated", "forbidden", "not_found", "holder_locked", "unsupported_media_type", "validation_failed"),
    },
  },
  {
    method: "post",
    path: "/api/orders/{id}/cancel",
    operationId: "cancelOrder",
    tag: "Orders",
    summary: "Cancel an order or some of its tickets",
    description:
      "Cancels under the event's cancellation policy (`cancellation` of GET /api/events/{id}): the whole order, or the `tickets` named, for the order's buyer (a token with the write scope, or a session) or whoever holds its private link (`?access=`). The places go back on sale at once (or to the waiting list's next in line); what they cost is refunded through the way the buyer paid, less the policy's fee (`feeMinor`, rounded half up to the minor unit): a partial refund when only some tickets are cancelled. An unpaid order is simply given up. A policy that allows no cancellation, its deadline passed (`until` says when it was), a ticket used at the door, or a closed order: 409 `not_cancellable`. Another order's link, or a ticket not valid in this order: 404.",
    access: "user",
    pathParams: ZOrderIdParams,
    query: ZOrderAccessQuery,
    body: { schema: ZCancelRequest, description: "Empty (`{}`) to cancel the whole order" },
    responses: {
      200: json("What was cancelled and what comes back", ZCancelAnswer),
      ...problems("malformed_request", "unauthenticated", "forbidden", "not_found", "not_cancellable", "unsupported_media_type", "validation_failed"),
    },
  },
  {
    method: "post",
    path: "/api/orders/{id}/pay/local",
    operationId: "payLocally",
    tag: "Buying",
    summary: "Pay with the local test-mode provider",
    description:
      "Only while no Stripe key is configured (otherwise 404: only Stripe confirms payments). `succeed` pays; `decline` changes nothing; `late` lets the hold run out first and then pays (the places are taken again if still free, otherwise the order is refunded). Repeating a payment is harmless.",
    access: "user",
    pathParams: ZOrderIdParams,
    body: { schema: ZLocalPayRequest },
    responses: {
      200: json("What the payment did", ZLocalPayResponse),
      ...problems("malformed_request", "unauthenticated", "not_found", "unsupported_media_type", "validation_failed"),
    },
  },
  {
    method: "get",
    path: "/api/account/tokens",
    operationId: "listApiTokens",
    tag: "Account",
    summary: "Your API tokens",
    access: "session",
    responses: { 200: json("Tokens, newest first (secrets are never shown again)", ZTokenList), ...problems("unauthenticated", "forbidden") },
  },
  {
    method: "post",
    path: "/api/account/tokens",
    operationId: "createApiToken",
    tag: "Account",
    summary: "Create an API token",
    description: "The answer holds the secret, once. Send it as `Authorization: Bearer <secret>`. At most 20 active tokens.",
    access: "session",
    body: { schema: ZCreateTokenRequest },
    responses: {
      201: json("The new token and its secret", ZCreatedToken),
      ...problems("malformed_request", "unauthenticated", "forbidden", "too_many_tokens", "unsupported_media_type", "validation_failed", "rate_limited"),
    },
  },
  {
    method: "delete",
    path: "/api/account/tokens/{id}",
    operationId: "revokeApiToken",
    tag: "Account",
    summary: "Revoke an API token",
    description: "Effective at once: the next request with it gets 401. Revoking twice is fine.",
    access: "session",
    pathParams: ZTokenIdParams,
    responses: { 204: { description: "Revoked" }, ...problems("unauthenticated", "forbidden", "not_found") },
  },
];
