import { orderApiViewer } from "@/lib/auth/api-caller";
import { callerMayWrite } from "@/lib/auth/api-tokens";
import { ZCancelAnswer, ZCancelRequest, ZOrderAccessQuery } from "@/lib/api/schemas";
import { jsonResponse, readJsonBody, readQuery } from "@/lib/http/json";
import { problemResponse } from "@/lib/http/problem";
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
  const query = readQuery(request, ZOrderAccessQuery);
  if (!query.ok) return query.response;
  const who = await orderApiViewer(request, query.data.access);
  if (!who.ok) return who.response;
  if (query.data.access === undefined && who.caller && !(await callerMayWrite(who.caller))) {
    return problemResponse("forbidden", { detail: "This API token is read-only: create one with the write scope to cancel orders." });
  }
  const body = await readJsonBody(request, ZCancelRequest);
  if (!body.ok) return body.response;
  const cancelled = await cancelOrder({ orderId: id, ticketIds: body.data.tickets ?? null, viewer: who.caller?.user ?? null, accessToken: query.data.access });
  const answer: z.input<typeof ZCancelAnswer> = { status: cancelled.status as z.input<typeof ZCancelAnswer>["status"], cancelled: cancelled.cancelled, refundMinor: cancelled.refundMinor, feeMinor: cancelled.feeMinor };
  return jsonResponse(answer);
});
