import { orderApiChanger } from "@/lib/api/order-changer";
import { ZCancelAnswer, ZCancelRequest } from "@/lib/api/schemas";
import { jsonResponse, readJsonBody } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { cancelOrder } from "@/lib/orders/cancel-order";
import type { z } from "zod";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * The buyer (a token or session, or the order's private link as `?access=`) cancels the order
 * or some of its tickets under the event's policy (issue 29.1).
 */
export const POST = withApiErrors("cancel_order", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const who = await orderApiChanger(request, "cancel orders");
  if (!who.ok) return who.response;
  const body = await readJsonBody(request, ZCancelRequest);
  if (!body.ok) return body.response;
  const cancelled = await cancelOrder({ orderId: id, ticketIds: body.data.tickets ?? null, viewer: who.viewer, accessToken: who.access });
  const answer: z.input<typeof ZCancelAnswer> = { status: cancelled.status as z.input<typeof ZCancelAnswer>["status"], cancelled: cancelled.cancelled, refundMinor: cancelled.refundMinor, feeMinor: cancelled.feeMinor };
  return jsonResponse(answer);
});
