// Auth.js's own routes (/api/auth/*), through the same wrapper the app's route uses, with the
// app's Auth.js settings (issue 26: item 4 and the low findings on sign-out and sessions).
import { Auth } from "@auth/core";
import { encode } from "@auth/core/jwt";
import { describe, expect, it } from "vitest";
import { authSecret } from "@/lib/env";
import { createTestUser } from "@/tests/fixtures";
import { authRoute } from "./auth-route";
import { authConfig } from "./config";
import { sessionUserOfCookies } from "./session-cookie";
import { endSessions, findSessionUser } from "./users";

const ORIGIN = "http://localhost:3000";
const route = authRoute((request) => Auth(request, { ...authConfig(), basePath: "/api/auth" }));

async function signedInCookie(user: { id: string; role: string; sessionVersion: number }, name = "authjs.session-token") {
  const token = await encode({ token: { sub: user.id, uid: user.id, role: user.role, sv: user.sessionVersion }, secret: authSecret(), salt: name });
  return `${name}=${token}`;
}

function cookiesFrom(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
}

describe("Auth.js's session route", () => {
  it("answers null for a session that was ended, whatever the cookie says", async () => {
    const user = await createTestUser();
    const cookie = await signedInCookie(user);
    const before = await route(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie } }));
    expect(await before.json()).toMatchObject({ user: { id: user.id } });

    await endSessions(user.id);
    const after = await route(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie } }));
    expect(after.status).toBe(200);
    expect(await after.json()).toBeNull();
    // Nor is the revoked session renewed.
    expect(cookiesFrom(after).filter((value) => value.startsWith("authjs.session-token=") && value !== "authjs.session-token=")).toEqual([]);
  });
});

describe("Auth.js's sign-out route", () => {
  it("ends the session everywhere (a copied cookie stops working) and asks the browser to clear what it kept", async () => {
    const user = await createTestUser();
    const session = await signedInCookie(user);
    const csrf = await route(new Request(`${ORIGIN}/api/auth/csrf`, { headers: { cookie: session } }));
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const cookie = [session, ...cookiesFrom(csrf)].join("; ");

    const response = await route(
      new Request(`${ORIGIN}/api/auth/signout`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, callbackUrl: "/\t/evil.example" }),
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    expect(response.headers.get("clear-site-data")).toBe('"cache", "storage"');
    expect(await findSessionUser(user.id, user.sessionVersion)).toBeNull();
    expect(await sessionUserOfCookies(session)).toBeNull();
  });

  it("without the CSRF token, signs nobody out", async () => {
    const user = await createTestUser();
    const session = await signedInCookie(user);
    const response = await route(
      new Request(`${ORIGIN}/api/auth/signout`, { method: "POST", headers: { cookie: session, "content-type": "application/x-www-form-urlencoded" }, body: "callbackUrl=%2F" }),
    );
    expect(response.headers.get("clear-site-data")).toBeNull();
    expect(await findSessionUser(user.id, user.sessionVersion)).not.toBeNull();
  });
});

describe("Auth.js's routes and their inputs", () => {
  it("answers 413 to a 300 MB chunked body after its first chunks, never reading the rest", async () => {
    const state = { pulled: 0 };
    const chunk = new Uint8Array(64 * 1024).fill(97);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (state.pulled >= 4800) return controller.close();
        state.pulled++;
        controller.enqueue(chunk);
      },
    });
    const started = Date.now();
    const response = await route(
      new Request(`${ORIGIN}/api/auth/callback/credentials`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body, duplex: "half" } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(state.pulled).toBeLessThanOrEqual(4);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("a declared Content-Length over the cap is refused before reading", async () => {
    const response = await route(new Request(`${ORIGIN}/api/auth/signout`, { method: "POST", headers: { "content-length": String(300 * 1024 * 1024), "content-type": "application/x-www-form-urlencoded" }, body: "x" }));
    expect(response.status).toBe(413);
  });

  it("keeps every callbackUrl on this site, a newline or a tab included, and never fails on one", async () => {
    for (const callbackUrl of ["/\n/evil.example", "/\t/evil.example", "/\r\nSet-Cookie: a=b", "//evil.example", "https://evil.example/"]) {
      const response = await route(new Request(`${ORIGIN}/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`));
      expect(response.status, callbackUrl).toBeLessThan(500);
      const location = response.headers.get("location") ?? "";
      expect(new URL(location, ORIGIN).origin, `${callbackUrl} → ${location}`).toBe(ORIGIN);
      expect(decodeURIComponent(new URL(location, ORIGIN).searchParams.get("callbackUrl") ?? "/")).not.toMatch(/evil|[\r\n\t]/);
    }
  });
});
