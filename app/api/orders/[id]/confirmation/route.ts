import { orderApiViewer } from "@/lib/auth/api-caller";
import { ZOrderAccessQuery } from "@/lib/api/schemas";
import { getOrderConfirmation } from "@/lib/api/confirmation";
import { jsonResponse, readQuery } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * The saved order, its tickets and delivery status: for its owner or an admin, or whoever holds
 * one of its private links (`?access=`, no credentials needed); anyone else: 404.
 */
export const GET = withApiErrors("order_confirmation", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const query = readQuery(request, ZOrderAccessQuery);
  if (!query.ok) return query.response;
  const who = await orderApiViewer(request, query.data.access);
  if (!who.ok) return who.response;
  const confirmation = await getOrderConfirmation({ orderId: id, viewer: who.caller?.user ?? null, accessToken: query.data.access, baseUrl: appUrl(request) });
  if (!confirmation) return problemResponse("not_found", { detail: "Order not found." });
  return jsonResponse(confirmation);
});
