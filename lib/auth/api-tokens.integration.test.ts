// Personal API tokens: created, listed and revoked with the session cookie only; stored hashed.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { createTestUser } from "@/tests/fixtures";
import { GET as listTokens, POST as createToken } from "@/app/api/account/tokens/route";
import { DELETE as revokeToken } from "@/app/api/account/tokens/[id]/route";
import { authenticateApiRequest } from "./api-caller";
import { ZProblem } from "@/lib/http/problem";
import { ZCreatedToken, ZTokenList } from "@/lib/api/schemas";
import { apiRequest, readBody, routeParams, tokenFor } from "@/tests/api-fixtures";
import { createApiToken, hashApiToken, MAX_ACTIVE_TOKENS } from "./api-tokens";

// Auth.js needs a live Next request: stand in for it with the user the cookie would name.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth", () => ({ currentUser: async () => session.user }));

const COOKIE = { cookie: "authjs.session-token=stand-in" };

async function signIn() {
  const user = await createTestUser();
  session.user = { id: user.id, email: user.email, name: user.name, role: user.role };
  return user;
}

beforeEach(() => {
  session.user = null;
});

describe("/api/account/tokens", () => {
  it("creates a token whose secret is shown once and stored only as a hash; lists and revokes it", async () => {
    const user = await signIn();
    const created = await createToken(apiRequest("/api/account/tokens", { body: { name: "  My phone app " }, headers: COOKIE }), routeParams({}));
    expect(created.status).toBe(201);
    const { token, secret } = ZCreatedToken.parse(await created.json());
    expect(secret).toMatch(/^lt_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: "My phone app", hint: secret.slice(-4), lastUsedAt: null, revokedAt: null });
    const row = await prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(hashApiToken(secret));
    expect(JSON.stringify(row)).not.toContain(secret.slice(3));

    const caller = await authenticateApiRequest(apiRequest("/api/anything", { token: secret }));
    expect(caller).toMatchObject({ via: "token", tokenId: token.id, user: { id: user.id } });

    const listed = ZTokenList.parse(await (await listTokens(apiRequest("/api/account/tokens", { headers: COOKIE }), routeParams({}))).json());
    expect(listed.tokens.map((entry) => entry.id)).toEqual([token.id]);
    expect(JSON.stringify(listed)).not.toContain(secret);

    const revoked = await revokeToken(apiRequest(`/api/account/tokens/${token.id}`, { method: "DELETE", headers: COOKIE }), routeParams({ id: token.id }));
    expect(revoked.status).toBe(204);
    expect(await authenticateApiRequest(apiRequest("/api/anything", { token: secret }))).toBeNull();
    const again = await revokeToken(apiRequest(`/api/account/tokens/${token.id}`, { method: "DELETE", headers: COOKIE }), routeParams({ id: token.id }));
    expect(again.status).toBe(204);
    const after = ZTokenList.parse(await (await listTokens(apiRequest("/api/account/tokens", { headers: COOKIE }), routeParams({}))).json());
    expect(after.tokens[0].revokedAt).not.toBeNull();
  });

  it("refuses bearer tokens (403), no credentials (401), someone else's token (404) and unknown fields (422)", async () => {
    const owner = await createTestUser();
    const ownersToken = await tokenFor(owner);
    const viaBearer = await readBody(await listTokens(apiRequest("/api/account/tokens", { token: ownersToken }), routeParams({})));
    expect(ZProblem.parse(viaBearer.body)).toMatchObject({ status: 403, code: "forbidden" });
    const mint = await readBody(await createToken(apiRequest("/api/account/tokens", { token: ownersToken, body: { name: "x" } }), routeParams({})));
    expect(mint.status).toBe(403);
    const anonymous = await readBody(await listTokens(apiRequest("/api/account/tokens"), routeParams({})));
    expect(ZProblem.parse(anonymous.body)).toMatchObject({ status: 401, code: "unauthenticated" });
    // A cookie that Auth.js does not accept is no session.
    const staleCookie = await readBody(await listTokens(apiRequest("/api/account/tokens", { headers: COOKIE }), routeParams({})));
    expect(staleCookie.status).toBe(401);

    await signIn();
    const [ownersRow] = await prisma.apiToken.findMany({ where: { userId: owner.id } });
    for (const id of [ownersRow.id, randomUUID(), "nope"]) {
      const response = await readBody(await revokeToken(apiRequest(`/api/account/tokens/${id}`, { method: "DELETE", headers: COOKIE }), routeParams({ id })));
      expect(ZProblem.parse(response.body)).toMatchObject({ status: 404, code: "not_found" });
    }
    expect((await prisma.apiToken.findUniqueOrThrow({ where: { id: ownersRow.id } })).revokedAt).toBeNull();
    const unknownField = await readBody(await createToken(apiRequest("/api/account/tokens", { body: { name: "x", scopes: ["all"] }, headers: COOKIE }), routeParams({})));
    expect(ZProblem.parse(unknownField.body)).toMatchObject({ status: 422, code: "validation_failed", errors: [{ pointer: "/scopes" }] });
    const blank = await readBody(await createToken(apiRequest("/api/account/tokens", { body: { name: "   " }, headers: COOKIE }), routeParams({})));
    expect(ZProblem.parse(blank.body)).toMatchObject({ status: 422, errors: [{ pointer: "/name", detail: "Give the token a name" }] });
  });

  it(`keeps at most ${MAX_ACTIVE_TOKENS} active tokens per user`, async () => {
    const user = await createTestUser();
    for (let index = 0; index < MAX_ACTIVE_TOKENS; index++) expect((await createApiToken({ userId: user.id, input: { name: `t${index}` } })).ok).toBe(true);
    expect(await createApiToken({ userId: user.id, input: { name: "one more" } })).toMatchObject({ ok: false, code: "too_many_tokens" });
  });

  it("a malformed Authorization header is no credential at all", async () => {
    for (const authorization of ["Basic dXNlcjpwYXNz", "Bearer", "Bearer a b", `Bearer lt_${"a".repeat(10)}`]) {
      expect(await authenticateApiRequest(apiRequest("/api/x", { headers: { authorization } }))).toBeNull();
    }
  });
});
