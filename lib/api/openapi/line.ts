// The on-sale line (lib/sale-line): the event page's panel asks where it stands.
import { z } from "zod";
import { ZEventIdParams } from "../schemas";
import { ZLineStatus } from "@/lib/sale-line/schemas";
import { json, type ApiOperation } from "./operation";

export const LINE_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/events/{id}/line",
    operationId: "joinSaleLine",
    tag: "Buying",
    summary: "Your place in an on-sale's line",
    description:
      "For an event whose sales open at a set time: joins its line at the first ask, and answers the place (position, how many are ahead, about how long, the opening) or, at the buyer's turn, until when they may buy. Each ask keeps the place (a place whose buyer stops asking is passed over); ask again after `pollAfterSeconds`. The buyer is the signed-in account, or this browser by a signed httpOnly cookie set at the first ask. `state: none` when the event has no line now. JSON API clients do not need it: `POST /api/events/{id}/buy` is the line for them.",
    access: "public",
    pathParams: ZEventIdParams,
    responses: { 200: json("Where the buyer stands", ZLineStatus, { "Set-Cookie": { description: "The browser's signed line cookie, at the first ask", schema: z.string() } }) },
  },
];
