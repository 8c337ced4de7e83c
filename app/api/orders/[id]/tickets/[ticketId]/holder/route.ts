import { orderApiChanger } from "@/lib/api/order-changer";
import { ZHolderChangeAnswer } from "@/lib/api/schemas";
import { jsonResponse, readJsonBody } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { changeTicketHolder, ZHolderChange } from "@/lib/tickets/change-holder";
import type { z } from "zod";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string; ticketId: string }> };

/**
 * Who a ticket is for (issue 27.3): its buyer (a token or session, or the order's private link
 * as `?access=`) changes the holder until the event's cutoff. The ticket is re-issued: the
 * answer names the ticket that now holds the place, with its new short code.
 */
export const PUT = withApiErrors("change_holder", async (request: Request, { params }: Context) => {
  const { id, ticketId } = await params;
  const who = await orderApiChanger(request, "change holders");
  if (!who.ok) return who.response;
  const body = await readJsonBody(request, ZHolderChange);
  if (!body.ok) return body.response;
  const changed = await changeTicketHolder({ orderId: id, ticketId, change: body.data, viewer: who.viewer, accessToken: who.access });
  const answer: z.input<typeof ZHolderChangeAnswer> = { ticket: { id: changed.ticketId, holderName: body.data.name, holderEmail: body.data.email }, reissued: changed.reissued };
  return jsonResponse(answer);
});
