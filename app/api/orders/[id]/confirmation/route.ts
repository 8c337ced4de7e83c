import { requireApiCaller } from "@/lib/auth/api-caller";
import { getOrderConfirmation } from "@/lib/api/confirmation";
import { jsonResponse } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The saved order, its tickets and delivery status: only for its owner or an admin (anyone else: 404). */
export const GET = withApiErrors("order_confirmation", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const auth = await requireApiCaller(request);
  if (!auth.ok) return auth.response;
  const confirmation = await getOrderConfirmation({ orderId: id, viewer: auth.caller.user, baseUrl: appUrl(request) });
  if (!confirmation) return problemResponse("not_found", { detail: "Order not found." });
  return jsonResponse(confirmation);
});
