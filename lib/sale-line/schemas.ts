// What the line tells a buyer, for the JSON API's 503 `in_line` problem, the event page's
// panel (POST /api/events/{id}/line) and the OpenAPI document. No server-only import: the
// browser reads it too.
import { z } from "zod";
import { ZProblem } from "@/lib/http/problem";

export const LINE_TOKEN_HEADER = "line-token";

export const ZLinePlace = z
  .object({
    position: z.int().min(1).describe("Your place in the line: 1 is the first buyer who arrived"),
    ahead: z.int().min(0).describe("About how many buyers are still ahead of you"),
    opensAt: z.iso.datetime({ offset: true }).describe("When sales open"),
    estimatedWaitSeconds: z.int().min(0).describe("About how long until your turn, at the line's pace"),
    token: z
      .string()
      .nullable()
      .describe("Your line token: send it as the `Line-Token` header with every try. Null when this email already holds a place and the request did not send its token."),
  })
  .meta({ id: "LinePlace" });

export const ZLineProblem = ZProblem.extend({ line: ZLinePlace.optional().describe("With `in_line`: the buyer's place") }).meta({
  id: "LineProblem",
  description: "A 503 problem: `busy` (try again after Retry-After), or `in_line`, where the buyer waits in an on-sale's line with the place in `line`; try again after Retry-After with its `Line-Token`.",
});

export const ZLineStatus = z
  .object({
    state: z.enum(["none", "waiting", "admitted", "sold_out"]).describe("none: this event has no line now (buy as usual)"),
    position: z.int().min(1).nullable(),
    ahead: z.int().min(0).nullable(),
    opensAt: z.iso.datetime({ offset: true }).nullable(),
    estimatedWaitSeconds: z.int().min(0).nullable(),
    windowEndsAt: z.iso.datetime({ offset: true }).nullable().describe("Admitted: buy before this"),
    pollAfterSeconds: z.int().min(1).describe("Ask again after this long: each ask keeps the place"),
  })
  .meta({ id: "LineStatus" });

export type LineStatus = z.infer<typeof ZLineStatus>;
