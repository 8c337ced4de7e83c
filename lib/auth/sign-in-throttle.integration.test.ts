// Sign-in throttling (issue 16, item 4): failures only, backing off per email and address,
// and never keeping the owner out of a known device for more than a short delay.
import { randomBytes, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { randomAddress } from "@/tests/api-fixtures";
import { authConfig, TooManyAttempts } from "./config";
import { hashPassword } from "./password";
import { checkSignInThrottle, recordSignInFailure, SIGN_IN_THROTTLE, waitAfterFailures } from "./sign-in-throttle";

const PASSWORD = "the right password";

async function userWithPassword() {
  const email = `owner-${randomUUID().slice(0, 8)}@example.test`;
  return prisma.user.create({ data: { email, name: "Owner", passwordHash: await hashPassword(PASSWORD), role: "admin" } });
}

type Authorize = (credentials: Record<string, string>, request: Request) => Promise<unknown>;
const authorize = (authConfig().providers[0] as unknown as { options: { authorize: Authorize } }).options.authorize;

function attempt(email: string, password: string, source: { address: string; device?: string }) {
  const request = new Request("http://localhost/api/auth/callback/credentials", { method: "POST", headers: { "x-forwarded-for": source.address } });
  return authorize({ email, password, ...(source.device ? { device: source.device } : {}) }, request);
}

const newDevice = () => randomBytes(32).toString("base64url");

describe("sign-in throttle", () => {
  it("never counts a right password: more sign-ins than the old limit of ten all succeed", async () => {
    const owner = await userWithPassword();
    const source = { address: randomAddress(), device: newDevice() };
    for (let i = 0; i < 12; i++) expect(await attempt(owner.email, PASSWORD, source)).toMatchObject({ id: owner.id });
    expect(await prisma.signInFailure.count({ where: { key: { contains: owner.email } } })).toBe(0);
  });

  it("counts a wrong password per email, per address and per email + source", async () => {
    const owner = await userWithPassword();
    const address = randomAddress();
    expect(await attempt(owner.email, "wrong", { address })).toBeNull();
    const keys = (await prisma.signInFailure.findMany({ where: { OR: [{ key: { contains: owner.email } }, { key: `address:${address}` }] } })).map((row) => row.key).sort();
    expect(keys).toEqual([`address:${address}`, `email-source:${owner.email}|address:${address}`, `email:${owner.email}`].sort());
  });

  it("backs off a stranger after a storm of failures on an email, but lets the owner in from a known device and address", async () => {
    const owner = await userWithPassword();
    const home = { address: randomAddress(), device: newDevice() };
    expect(await attempt(owner.email, PASSWORD, home)).toMatchObject({ id: owner.id }); // known from now on

    // An attacker tries 30 passwords from 30 addresses (recorded directly: bcrypt 30 times is slow).
    for (let i = 0; i < 30; i++) await recordSignInFailure(owner.email, { address: randomAddress() });

    // A new place, even with the right password, must wait (the per-email back-off)...
    const stranger = { address: randomAddress(), device: newDevice() };
    const refused = await attempt(owner.email, PASSWORD, stranger).catch((error) => error);
    expect(refused).toBeInstanceOf(TooManyAttempts);
    expect((refused as TooManyAttempts).retryAfterSeconds).toBeGreaterThan(SIGN_IN_THROTTLE.knownSourceMaxWaitSeconds);

    // ...the owner's own device gets in at once, on the same phone from a new address too.
    expect(await attempt(owner.email, PASSWORD, home)).toMatchObject({ id: owner.id });
    expect(await attempt(owner.email, PASSWORD, { address: randomAddress(), device: home.device })).toMatchObject({ id: owner.id });
    // ...and so does their known address without the cookie.
    expect(await attempt(owner.email, PASSWORD, { address: home.address })).toMatchObject({ id: owner.id });
  });

  it("keeps a known source to a short delay even after its own many failures", async () => {
    const owner = await userWithPassword();
    const home = { address: randomAddress(), device: newDevice() };
    await attempt(owner.email, PASSWORD, home);
    const now = new Date();
    for (let i = 0; i < 20; i++) await recordSignInFailure(owner.email, home, now);
    const decision = await checkSignInThrottle(owner.email, home, now);
    expect(decision).toEqual({ allowed: false, retryAfterSeconds: SIGN_IN_THROTTLE.knownSourceMaxWaitSeconds });
    expect(await checkSignInThrottle(owner.email, home, new Date(now.getTime() + SIGN_IN_THROTTLE.knownSourceMaxWaitSeconds * 1000))).toEqual({ allowed: true });
    // A stranger after the same 20 failures waits the long back-off.
    const stranger = await checkSignInThrottle(owner.email, { address: randomAddress() }, now);
    expect(stranger.allowed).toBe(false);
  });

  it("backs off per address across emails (password spraying), after more free failures", async () => {
    const address = randomAddress();
    const now = new Date();
    for (let i = 0; i < SIGN_IN_THROTTLE.freeFailuresPerAddress - 1; i++) await recordSignInFailure(`sprayed-${i}-${randomUUID()}@example.test`, { address }, now);
    expect(await checkSignInThrottle(`next-${randomUUID()}@example.test`, { address }, now)).toEqual({ allowed: true });
    await recordSignInFailure(`sprayed-last-${randomUUID()}@example.test`, { address }, now);
    expect((await checkSignInThrottle(`next-${randomUUID()}@example.test`, { address }, now)).allowed).toBe(false);
  });

  it("doubles the wait with each failure past the free ones, up to 15 minutes", () => {
    expect([4, 5, 6, 7, 10].map((failures) => waitAfterFailures(failures, 5))).toEqual([0, 1, 2, 4, 32]);
    expect(waitAfterFailures(100, 5)).toBe(SIGN_IN_THROTTLE.maxWaitSeconds);
  });
});
