import { requireApiCaller } from "@/lib/auth/api-caller";
import { jsonResponse, readJsonBody } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { limitTokenCreation } from "@/lib/auth/token-creation-limit";
import { ZCreateTokenRequest } from "@/lib/api/schemas";
import { apiTokenJson, createApiToken, listApiTokens } from "@/lib/auth/api-tokens";

export const dynamic = "force-dynamic";

/** The signed-in user's API tokens (session cookie only). */
export const GET = withApiErrors("list_tokens", async (request: Request) => {
  const auth = await requireApiCaller(request, { sessionOnly: true });
  if (!auth.ok) return auth.response;
  const tokens = await listApiTokens(auth.caller.user.id);
  return jsonResponse({ tokens: tokens.map(apiTokenJson) });
});

/** A new API token; its secret is in this answer only (session cookie only). */
export const POST = withApiErrors("create_token", async (request: Request) => {
  const auth = await requireApiCaller(request, { sessionOnly: true });
  if (!auth.ok) return auth.response;
  const body = await readJsonBody(request, ZCreateTokenRequest);
  if (!body.ok) return body.response;
  const limited = await limitTokenCreation(auth.caller.user.id);
  if (limited) return limited;
  const created = await createApiToken({ userId: auth.caller.user.id, input: body.data });
  if (!created.ok) return problemResponse(created.code, { detail: created.message });
  return jsonResponse({ token: apiTokenJson(created.token), secret: created.secret }, { status: 201 });
});
