import { requireApiCaller } from "@/lib/auth/api-caller";
import { buyAnswerResponse, buyForApi, getBuyOptions, withNewAccessUrl, withoutAccessUrl, type BuyAnswer } from "@/lib/api/buy";
import { apiRequestKey } from "@/lib/checkout/request-key";
import { accountBuyer, guestBuyer, type Buyer } from "@/lib/orders/buyer";
import { BUYING_INTERNAL_ERROR_DETAIL, withApiErrors } from "@/lib/http/with-api-errors";
import { jsonResponse, readJsonBody, readQuery } from "@/lib/http/json";
import { guestIdempotencyOwner, idempotencyKeyOf, requestHash, runIdempotently, type StoredAnswer } from "@/lib/api/idempotency";
import { problemResponse } from "@/lib/http/problem";
import { limitBuying, limitGuestBuying } from "@/lib/api/rate-limits";
import { buyRequestParser, ZBuyOptionsQuery } from "@/lib/api/schemas";
import { busyWhenDatabaseIs } from "@/lib/ops/admission-line";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** What can be bought now: sessions and ticket types, or a bookable experience's free ranges on ?date. */
export const GET = withApiErrors("buy_options", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const query = readQuery(request, ZBuyOptionsQuery);
  if (!query.ok) return query.response;
  const options = await getBuyOptions({ eventId: id, date: query.data.date, voucher: query.data.voucher });
  if (!options) return problemResponse("not_found", { detail: "There is no event on sale with this id." });
  return jsonResponse(options);
});

/**
 * Holds places and answers 201 with the pending order and where to pay; safe to retry with
 * Idempotency-Key. An API token (or a session) buys for its account; without one, `buyer`
 * ({email, name}) buys as a guest, limited per email and address like an account (issue 27).
 * The request reached this handler through the process's purchase line
 * (lib/ops/purchase-gate.ts): in a crowd, whoever cannot be served in time was already
 * answered 503 + Retry-After. A database too busy to answer is the same 503, never a 500.
 */
export const POST = withApiErrors("buy", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const key = idempotencyKeyOf(request);
  if (!key.ok) return key.response;
  const body = await readJsonBody(request, buyRequestParser);
  if (!body.ok) return body.response;

  const guest = body.data.buyer;
  if (guest && request.headers.has("authorization")) {
    return problemResponse("validation_failed", {
      detail: "A token buys for its account: send either a token or buyer, not both.",
      errors: [{ pointer: "/buyer", detail: "Leave buyer out when sending a token" }],
    });
  }

  return busyWhenDatabaseIs(async () => {
    let buyer: Buyer;
    let owner: string;
    let gate: () => Promise<Response | null>;
    if (guest) {
      buyer = guestBuyer(guest);
      owner = guestIdempotencyOwner(guest.email);
      gate = () => limitGuestBuying(guest.email, request);
    } else {
      const auth = await requireApiCaller(request);
      if (!auth.ok) return auth.response;
      const userId = auth.caller.user.id;
      buyer = accountBuyer(userId);
      owner = userId;
      gate = () => limitBuying(userId, request);
    }
    const baseUrl = appUrl(request);
    let fresh: BuyAnswer | undefined;
    const outcome = await runIdempotently({
      userId: owner,
      key: key.key,
      requestHash: requestHash("POST", new URL(request.url).pathname, body.raw),
      gate,
      // The key also goes with the order, so a retry whose first answer was lost gets that order.
      // The kept answer has no private link (its token is kept only as a hash): a replay gets a new one.
      work: async () => withoutAccessUrl((fresh = await buyForApi({ buyer, eventId: id, request: body.data, baseUrl, requestKey: apiRequestKey(key.key) }))),
    });
    if (outcome.kind === "response") return outcome.response;
    const answer: StoredAnswer = fresh && !outcome.replayed ? fresh : await withNewAccessUrl(outcome.answer, baseUrl);
    return buyAnswerResponse(answer, outcome.replayed || answer.replayed === true);
  });
}, { internalDetail: BUYING_INTERNAL_ERROR_DETAIL });
