import type { z } from "zod";
import { limitGuestBuying } from "@/lib/api/rate-limits";
import { ZWaitlistJoined, ZWaitlistJoinRequest } from "@/lib/api/schemas";
import { authenticateApiRequest } from "@/lib/auth/api-caller";
import { callerMayWrite } from "@/lib/auth/api-tokens";
import { jsonResponse, readJsonBody } from "@/lib/http/json";
import { problemResponse } from "@/lib/http/problem";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { joinWaitlist } from "@/lib/waitlist/join-waitlist";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Joins a sold-out ticket type's waiting list (issue 29.3), or the list for a taken time range
 * of a bookable resource (docs/decisions/0021): a token or session joins as its account;
 * without one, `email` and `name` join as a guest (limited like a guest's purchases).
 */
export const POST = withApiErrors("join_waitlist", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const body = await readJsonBody(request, ZWaitlistJoinRequest);
  if (!body.ok) return body.response;
  const caller = await authenticateApiRequest(request);
  if (caller && !(await callerMayWrite(caller))) {
    return problemResponse("forbidden", { detail: "This API token is read-only: create one with the write scope to join a waiting list." });
  }
  if (!caller) {
    if (!body.data.email || !body.data.name) {
      return problemResponse("validation_failed", {
        detail: "Without a token or session, say who is waiting: email and name.",
        errors: [...(body.data.email ? [] : [{ pointer: "/email", detail: "Enter the email the offer goes to" }]), ...(body.data.name ? [] : [{ pointer: "/name", detail: "Enter a name" }])],
      });
    }
    const limited = await limitGuestBuying(body.data.email.toLowerCase(), request);
    if (limited) return limited;
  }
  const joined = await joinWaitlist({ event: { id }, input: body.data, viewer: caller?.user ?? null, locale: body.data.locale ?? "en" });
  const answer: z.input<typeof ZWaitlistJoined> =
    "resourceId" in joined ? { ...joined, startsAt: joined.startsAt.toISOString(), endsAt: joined.endsAt.toISOString(), status: "waiting" } : { ...joined, status: "waiting" };
  return jsonResponse(answer, { status: 201 });
});
