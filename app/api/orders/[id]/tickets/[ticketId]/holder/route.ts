import { orderApiViewer } from "@/lib/auth/api-caller";
import { callerMayWrite } from "@/lib/auth/api-tokens";
import { ZHolderChangeAnswer, ZOrderAccessQuery } from "@/lib/api/schemas";
import { jsonResponse, readJsonBody, readQuery } from "@/lib/http/json";
import { problemResponse } from "@/lib/http/problem";
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
  const query = readQuery(request, ZOrderAccessQuery);
  if (!query.ok) return query.response;
  const who = await orderApiViewer(request, query.data.access);
  if (!who.ok) return who.response;
  if (query.data.access === undefined && who.caller && !(await callerMayWrite(who.caller))) {
    return problemResponse("forbidden", { detail: "This API token is read-only: create one with the write scope to change holders." });
  }
  const viewer = who.caller?.user ?? null;
  const body = await readJsonBody(request, ZHolderChange);
  if (!body.ok) return body.response;
  const changed = await changeTicketHolder({ orderId: id, ticketId, change: body.data, viewer, accessToken: query.data.access });
  const answer: z.input<typeof ZHolderChangeAnswer> = { ticket: { id: changed.ticketId, holderName: body.data.name, holderEmail: body.data.email }, reissued: changed.reissued };
  return jsonResponse(answer);
});
