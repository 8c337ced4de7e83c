// HSTS in production, a nonce-based CSP without 'unsafe-inline' scripts (issue 16, item 10),
// and clear 403/413 answers for server actions Next would fail with a 500 (item 13).
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { refuseBadActionRequest, SERVER_ACTION_BODY_LIMIT, SERVER_ACTION_BODY_LIMIT_BYTES } from "./action-request-guard";
import { contentSecurityPolicy, newNonce } from "./content-security-policy";

type Header = { key: string; value: string };
type NextConfigLike = { headers(): Promise<{ source: string; headers: Header[] }[]>; experimental: { serverActions: { bodySizeLimit: string } } };

async function loadNextConfig(nodeEnv: string): Promise<NextConfigLike> {
  vi.stubEnv("NODE_ENV", nodeEnv);
  vi.resetModules();
  const file = path.resolve("next.config.mjs");
  return (await import(/* @vite-ignore */ `${file}?env=${nodeEnv}`)).default as NextConfigLike;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("next.config.mjs headers", () => {
  it("sends HSTS in production only", async () => {
    const hsts = (rules: { headers: Header[] }[]) => rules.flatMap((rule) => rule.headers).find((header) => header.key === "Strict-Transport-Security");
    expect(hsts(await (await loadNextConfig("production")).headers())?.value).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(hsts(await (await loadNextConfig("development")).headers())).toBeUndefined();
  });

  it("never allows inline scripts in its fixed policy, and its action body limit matches the guard", async () => {
    const config = await loadNextConfig("production");
    const policies = (await config.headers()).flatMap((rule) => rule.headers).filter((header) => header.key === "Content-Security-Policy");
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) expect(/script-src[^;]*'unsafe-inline'/.test(policy.value)).toBe(false);
    expect(config.experimental.serverActions.bodySizeLimit).toBe(SERVER_ACTION_BODY_LIMIT);
  });

  it("lets only the door scanner ask for the camera (the later rule wins in Next)", async () => {
    const rules = await (await loadNextConfig("production")).headers();
    const permissions = (source: string) => rules.filter((rule) => rule.source === source).flatMap((rule) => rule.headers).filter((header) => header.key === "Permissions-Policy");
    expect(permissions("/:path*").map((header) => header.value)).toEqual(["camera=(), microphone=(), geolocation=()"]);
    expect(permissions("/check-in").map((header) => header.value)).toEqual(["camera=(self), microphone=(), geolocation=()"]);
    expect(rules.findIndex((rule) => rule.source === "/check-in")).toBeGreaterThan(rules.findIndex((rule) => rule.source === "/:path*"));
  });

  it("lets only the pages with Near me ask for the position", async () => {
    const rules = await (await loadNextConfig("production")).headers();
    const geolocating = rules.filter((rule) => rule.headers.some((header) => header.key === "Permissions-Policy" && header.value.includes("geolocation=(self)")));
    expect(geolocating.map((rule) => rule.source)).toEqual(["/", "/search", "/:locale(en|pt|es|ca|de)", "/:locale(en|pt|es|ca|de)/search"]);
    for (const rule of geolocating) expect(rules.indexOf(rule)).toBeGreaterThan(rules.findIndex((candidate) => candidate.source === "/:path*"));
  });
});

describe("the pages' Content-Security-Policy", () => {
  it("runs scripts by nonce, never 'unsafe-inline' or (in production) 'unsafe-eval'", () => {
    const nonce = newNonce();
    const policy = contentSecurityPolicy({ nonce, dev: false });
    const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src "))!;
    expect(scripts).toContain(`'nonce-${nonce}'`);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("worker-src 'self'");
    expect(contentSecurityPolicy({ nonce, dev: true })).toContain("'unsafe-eval'");
  });

  it("makes a fresh, unguessable nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0], "base64")).toHaveLength(16);
  });
});

describe("refuseBadActionRequest", () => {
  const post = (headers: Record<string, string>) => ({ method: "POST", headers: new Headers(headers) });

  it("answers a cross-origin server action 403 with a sentence, not Next's 500", async () => {
    const refused = refuseBadActionRequest(post({ origin: "https://evil.example", host: "tickets.example.com", "next-action": "abc" }));
    expect(refused?.status).toBe(403);
    expect(await refused?.text()).toMatch(/sent from another site/);
    // Behind a proxy, X-Forwarded-Host is what Next compares too.
    expect(refuseBadActionRequest(post({ origin: "https://tickets.example.com", host: "app1:3000", "x-forwarded-host": "tickets.example.com" }))).toBeNull();
    expect(refuseBadActionRequest(post({ origin: "http://localhost:3100", host: "localhost:3100" }))).toBeNull();
    expect(refuseBadActionRequest({ method: "GET", headers: new Headers({ origin: "https://evil.example", host: "x" }) })).toBeNull();
  });

  it("answers a server action from an opaque origin (Origin: null) 403 with a sentence, not Next's 500", async () => {
    const refused = refuseBadActionRequest(post({ origin: "null", host: "localhost:3100", "next-action": "abc" }));
    expect(refused?.status).toBe(403);
    expect(await refused?.text()).toMatch(/without a site/);
  });

  it("answers a body over the server action limit 413 with a sentence", async () => {
    const refused = refuseBadActionRequest(post({ host: "localhost", "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) }));
    expect(refused?.status).toBe(413);
    expect(await refused?.text()).toMatch(/Content too large: send at most 6mb/);
    expect(refuseBadActionRequest(post({ host: "localhost", "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES) }))).toBeNull();
  });
});
