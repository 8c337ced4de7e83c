import { requireApiCaller } from "@/lib/auth/api-caller";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { revokeApiToken } from "@/lib/auth/api-tokens";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** Revokes one of the signed-in user's tokens (session cookie only); the next request with it gets 401. */
export const DELETE = withApiErrors("revoke_token", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const auth = await requireApiCaller(request, { sessionOnly: true });
  if (!auth.ok) return auth.response;
  const revoked = await revokeApiToken({ userId: auth.caller.user.id, tokenId: id });
  if (!revoked) return problemResponse("not_found", { detail: "Token not found." });
  return new Response(null, { status: 204 });
});
