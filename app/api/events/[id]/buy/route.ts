import { requireApiCaller } from "@/lib/auth/api-caller";
import { buyAnswerResponse, buyForApi, getBuyOptions } from "@/lib/api/buy";
import { apiRequestKey } from "@/lib/checkout/request-key";
import { accountBuyer } from "@/lib/orders/buyer";
import { BUYING_INTERNAL_ERROR_DETAIL, withApiErrors } from "@/lib/http/with-api-errors";
import { jsonResponse, readJsonBody, readQuery } from "@/lib/http/json";
import { idempotencyKeyOf, requestHash, runIdempotently } from "@/lib/api/idempotency";
import { problemResponse } from "@/lib/http/problem";
import { limitBuying } from "@/lib/api/rate-limits";
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
  const options = await getBuyOptions({ eventId: id, date: query.data.date });
  if (!options) return problemResponse("not_found", { detail: "There is no event on sale with this id." });
  return jsonResponse(options);
});

/**
 * Holds places and answers 201 with the pending order and where to pay; safe to retry with
 * Idempotency-Key. The request reached this handler through the process's purchase line
 * (lib/ops/purchase-gate.ts): in a crowd, whoever cannot be served in time was already
 * answered 503 + Retry-After. A database too busy to answer is the same 503, never a 500.
 */
export const POST = withApiErrors("buy", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const key = idempotencyKeyOf(request);
  if (!key.ok) return key.response;
  const body = await readJsonBody(request, buyRequestParser);
  if (!body.ok) return body.response;

  return busyWhenDatabaseIs(async () => {
    const auth = await requireApiCaller(request);
    if (!auth.ok) return auth.response;
    const userId = auth.caller.user.id;
    const outcome = await runIdempotently({
      userId,
      key: key.key,
      requestHash: requestHash("POST", new URL(request.url).pathname, body.raw),
      gate: () => limitBuying(userId, request),
      // The key also goes with the order, so a retry whose first answer was lost gets that order.
      work: () => buyForApi({ buyer: accountBuyer(userId), eventId: id, request: body.data, baseUrl: appUrl(request), requestKey: apiRequestKey(key.key) }),
    });
    if (outcome.kind === "response") return outcome.response;
    return buyAnswerResponse(outcome.answer, outcome.replayed || outcome.answer.replayed === true);
  });
}, { internalDetail: BUYING_INTERNAL_ERROR_DETAIL });
