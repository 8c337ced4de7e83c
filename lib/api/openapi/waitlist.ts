// The waiting list (issue 29.3, lib/waitlist): join a sold-out ticket type's list, leave it.
import { ZEventIdParams, ZWaitlistIdParams, ZWaitlistJoined, ZWaitlistJoinRequest, ZWaitlistLeaveQuery, ZWaitlistLeft } from "../schemas";
import { json, problems, type ApiOperation } from "./operation";

export const WAITLIST_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/events/{id}/waitlist",
    operationId: "joinWaitlist",
    tag: "Buying",
    summary: "Join a sold-out ticket type's waiting list, or the list for a taken time",
    description:
      "Only while the ticket type cannot give `quantity` places now (its remaining places and any shared capacity): otherwise 409 `has_places` with `available` (buy them instead). A token with the write scope (or a session) joins as its account; without one, `email` and `name` join as a guest. When places come back (a cancellation, a refund, an expired hold), they are not put on sale: the next entry in line that fits gets an offer by email, a single-use code that holds them for the event's offer hours: POST /api/events/{id}/buy with that `voucher` buys them (the offer's places count as there for its holder only). Meanwhile every availability figure (GET /api/events/{id}/buy too), the live stream and the feeds show them as taken. One live entry per email and type: 409 `already_waiting`. A type not on sale: 409 `not_on_sale`; another event's type: 404.\n\nA bookable experience: `{resourceId, startsAt, endsAt}` waits for that time range (one place), only while a booking overlaps it (else 409 `has_places`: book it) and only for a range the resource offers (its slot grid, lengths and opening hours: else 422 `invalid`). When a booking stops holding time (a cancellation, a refund, an expired hold), each waiting range that is now wholly free, in line order, becomes an offer: the range is held for that person (every availability figure and the slot feed show it taken) and the offer's email carries a code; POST /api/events/{id}/buy with `booking.offerCode` books exactly that range. One live entry per email and range.",
    access: "user-or-guest",
    pathParams: ZEventIdParams,
    body: { schema: ZWaitlistJoinRequest },
    responses: {
      201: json("On the list: where it stands, and the token that leaves it", ZWaitlistJoined),
      ...problems("malformed_request", "unauthenticated", "forbidden", "not_found", "has_places", "already_waiting", "not_on_sale", "unsupported_media_type", "validation_failed", "invalid", "rate_limited"),
    },
  },
  {
    method: "delete",
    path: "/api/waitlist/{id}",
    operationId: "leaveWaitlist",
    tag: "Buying",
    summary: "Leave a waiting list",
    description:
      "With the entry's private `token` (the join answer's `leaveToken`, or the link in its emails), or as the account that joined. An entry holding an offer gives its places to the next in line at once. An entry that has ended (used, expired, left): 409 `not_cancellable`. Without the right token: 404.",
    access: "signed-link",
    pathParams: ZWaitlistIdParams,
    query: ZWaitlistLeaveQuery,
    responses: {
      200: json("Off the list", ZWaitlistLeft),
      ...problems("invalid_query", "unauthenticated", "not_found", "not_cancellable"),
    },
  },
];
