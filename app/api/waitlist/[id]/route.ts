import type { z } from "zod";
import { ZWaitlistLeaveQuery, ZWaitlistLeft } from "@/lib/api/schemas";
import { authenticateApiRequest } from "@/lib/auth/api-caller";
import { jsonResponse, readQuery } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { leaveWaitlist } from "@/lib/waitlist/leave-waitlist";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Leaves the waiting list (issue 29.3): with the entry's private `?token=`, or as the account that joined. */
export const DELETE = withApiErrors("leave_waitlist", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const query = readQuery(request, ZWaitlistLeaveQuery);
  if (!query.ok) return query.response;
  const caller = await authenticateApiRequest(request);
  const left = await leaveWaitlist({ entryId: id, token: query.data.token, viewer: caller?.user ?? null });
  const answer: z.input<typeof ZWaitlistLeft> = { status: "left", from: left.from };
  return jsonResponse(answer);
});
