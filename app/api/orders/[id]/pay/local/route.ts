import { requireApiCaller } from "@/lib/auth/api-caller";
import { payLocallyForApi } from "@/lib/api/pay-locally";
import { BUYING_INTERNAL_ERROR_DETAIL, withApiErrors } from "@/lib/http/with-api-errors";
import { jsonResponse, readJsonBody } from "@/lib/http/json";
import { problemResponse } from "@/lib/http/problem";
import { ZLocalPayRequest } from "@/lib/api/schemas";
import { callerMayWrite } from "@/lib/auth/api-tokens";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * The local test-mode provider's "Pay" button for API clients. Only while the local provider
 * is in use (otherwise 404: only Stripe confirms payments), and not with a read-only token.
 * Repeating it is harmless.
 */
export const POST = withApiErrors("pay_local", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const auth = await requireApiCaller(request);
  if (!auth.ok) return auth.response;
  if (!(await callerMayWrite(auth.caller))) {
    return problemResponse("forbidden", { detail: "This API token is read-only: create one with the write scope to pay." });
  }
  const body = await readJsonBody(request, ZLocalPayRequest);
  if (!body.ok) return body.response;
  const result = await payLocallyForApi({ orderId: id, userId: auth.caller.user.id, outcome: body.data.outcome, baseUrl: appUrl(request) });
  return jsonResponse(result);
}, { internalDetail: BUYING_INTERNAL_ERROR_DETAIL });
