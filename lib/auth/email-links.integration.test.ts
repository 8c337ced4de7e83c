// Getting back in (issue 27, item 2): password reset, sign-in by an emailed link and email
// verification, against the real database, with the emails read from the dev outbox (and
// once from the fake Resend at the HTTP boundary).
import { createHash, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { randomAddress } from "@/tests/api-fixtures";
import { startFakeResend, type FakeResend } from "@/tests/fake-resend";
import { sendPasswordResetLink, sendSignInLink, sendVerificationLink } from "./account-emails";
import { EMAIL_LINK_LIMIT } from "./email-link-limit";
import { inspectEmailLink, redeemEmailLink } from "./email-links";
import { issueEmailToken } from "./email-tokens";
import { hashPassword, verifyPassword } from "./password";
import { requestEmailLink } from "./request-email-link";
import { authenticate, findSessionUser } from "./users";

const PASSWORD = "the old password";
const unique = () => `back-${randomUUID().slice(0, 8)}@example.test`;

async function makeUser(options: { verified?: boolean } = {}) {
  const email = unique();
  return prisma.user.create({ data: { email, name: "Ana Back", passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: options.verified ? new Date() : null } });
}

/** The emails the dev outbox holds for `to`, newest first. */
async function mailTo(to: string) {
  return prisma.emailOutbox.findMany({ where: { toAddress: to }, orderBy: { createdAt: "desc" } });
}

function tokenIn(text: string): string {
  const match = /[?&]token=([A-Za-z0-9_-]{43})\b/.exec(text);
  if (!match) throw new Error(`no link in: ${text}`);
  return match[1];
}

async function lastToken(to: string): Promise<string> {
  const [latest] = await mailTo(to);
  return tokenIn(latest.text);
}

describe("password reset", () => {
  it("sends a single-use link; the new password works, the old does not, other sessions end, a second use changes nothing", async () => {
    const user = await makeUser();
    const elsewhere = await authenticate(user.email, PASSWORD);
    await sendPasswordResetLink(user.email, "en", "/account");
    const [email] = await mailTo(user.email);
    expect(email.subject).toBe("Choose a new password");
    expect(email.text).toContain("/reset-password?token=");
    const token = tokenIn(email.text);

    const first = await redeemEmailLink({ purpose: "password_reset", token, password: "a brand new password" });
    expect(first).toMatchObject({ ok: true, returnTo: "/account", user: { id: user.id, emailVerified: true } });
    // The session that existed before ends; the one made now works.
    expect(await findSessionUser(user.id, elsewhere!.sessionVersion)).toBeNull();
    expect(await findSessionUser(user.id, first.ok ? first.user.sessionVersion : -1)).not.toBeNull();
    expect(await authenticate(user.email, PASSWORD)).toBeNull();
    expect(await authenticate(user.email, "a brand new password")).not.toBeNull();

    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    const second = await redeemEmailLink({ purpose: "password_reset", token, password: "a third password here" });
    expect(second).toEqual({ ok: false, reason: "used" });
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(stored.passwordHash);
    expect(after.sessionVersion).toBe(stored.sessionVersion);
    expect(await verifyPassword("a third password here", after.passwordHash!)).toBe(false);
    expect(await inspectEmailLink("password_reset", token)).toEqual({ ok: false, reason: "used" });
  });

  it("works for 30 minutes and not a moment longer; the database refuses a longer link", async () => {
    const user = await makeUser();
    const issuedAt = new Date(Date.now() - 60_000);
    const inTime = await issueEmailToken({ purpose: "password_reset", email: user.email, userId: user.id, now: issuedAt });
    const late = await issueEmailToken({ purpose: "password_reset", email: user.email, userId: user.id, now: issuedAt });
    expect(inTime.expiresAt.getTime() - issuedAt.getTime()).toBe(30 * 60_000);

    const justBefore = new Date(issuedAt.getTime() + 30 * 60_000 - 1000);
    const atThirty = new Date(issuedAt.getTime() + 30 * 60_000);
    const before = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await redeemEmailLink({ purpose: "password_reset", token: late.token, password: "too late password" }, atThirty)).toEqual({ ok: false, reason: "expired" });
    const unchanged = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(unchanged.passwordHash).toBe(before.passwordHash);
    expect(unchanged.sessionVersion).toBe(before.sessionVersion);
    expect(await redeemEmailLink({ purpose: "password_reset", token: inTime.token, password: "just in time pw" }, justBefore)).toMatchObject({ ok: true });

    await expect(prisma.$executeRaw`
      INSERT INTO email_tokens (token_hash, purpose, email, user_id, expires_at)
      VALUES (${"a".repeat(64)}, 'password_reset', ${user.email}, ${user.id}::uuid, now() + interval '31 minutes')`).rejects.toThrow(/email_tokens_lifetime/);
  });

  it("keeps only the token's SHA-256: the table holds nothing that opens the link", async () => {
    const user = await makeUser();
    await sendPasswordResetLink(user.email, "en");
    const token = await lastToken(user.email);
    const rows = await prisma.$queryRaw<{ row: unknown }[]>`SELECT row_to_json(t) AS row FROM email_tokens t WHERE user_id = ${user.id}::uuid`;
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    const stored = await prisma.emailToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    // 256 random bits, base64url.
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("retires the account's other open reset links once one is used", async () => {
    const user = await makeUser();
    const one = await issueEmailToken({ purpose: "password_reset", email: user.email, userId: user.id });
    const two = await issueEmailToken({ purpose: "password_reset", email: user.email, userId: user.id });
    expect(await redeemEmailLink({ purpose: "password_reset", token: one.token, password: "first new password" })).toMatchObject({ ok: true });
    expect(await redeemEmailLink({ purpose: "password_reset", token: two.token, password: "second new password" })).toEqual({ ok: false, reason: "used" });
  });

  it("refuses a made-up, mistyped or other kind of token", async () => {
    const user = await makeUser();
    const signIn = await issueEmailToken({ purpose: "sign_in", email: user.email, userId: user.id });
    expect(await redeemEmailLink({ purpose: "password_reset", token: signIn.token, password: "some new password" })).toEqual({ ok: false, reason: "unknown" });
    expect(await redeemEmailLink({ purpose: "password_reset", token: "x".repeat(43), password: "some new password" })).toEqual({ ok: false, reason: "unknown" });
    expect(await redeemEmailLink({ purpose: "password_reset", token: "short", password: "some new password" })).toEqual({ ok: false, reason: "unknown" });
  });

  it("is sent through Resend when a key is set (the fake Resend at the HTTP boundary)", async () => {
    const fake: FakeResend = await startFakeResend();
    process.env.RESEND_API_KEY = "re_test_reset";
    process.env.RESEND_BASE_URL = fake.url;
    resetEnvCacheForTests();
    try {
      const user = await makeUser();
      await sendPasswordResetLink(user.email, "de");
      expect(fake.accepted).toHaveLength(1);
      expect(fake.accepted[0].email).toMatchObject({ to: user.email, subject: "Wähle ein neues Passwort" });
      expect(fake.accepted[0].idempotencyKey).toMatch(/^password_reset:/);
      expect(tokenIn(fake.accepted[0].email.text!)).toHaveLength(43);
      expect(fake.accepted[0].email.text).toContain("/de/reset-password?token=");
    } finally {
      delete process.env.RESEND_API_KEY;
      delete process.env.RESEND_BASE_URL;
      resetEnvCacheForTests();
      await fake.close();
    }
  });
});

describe("asking for a link answers the same whether or not the email has an account", () => {
  it("password reset: the same answer; an email only to an account", async () => {
    const user = await makeUser();
    const stranger = unique();
    const known = await requestEmailLink({ kind: "password_reset", email: user.email, address: randomAddress(), locale: "en" });
    const unknown = await requestEmailLink({ kind: "password_reset", email: stranger, address: randomAddress(), locale: "en" });
    expect(Object.keys(known)).toEqual(Object.keys(unknown));
    expect(known.ok && unknown.ok).toBe(true);
    if (known.ok) await known.send();
    if (unknown.ok) await unknown.send();
    expect(await mailTo(user.email)).toHaveLength(1);
    expect(await mailTo(stranger)).toHaveLength(0);
    expect(await prisma.emailToken.count({ where: { email: stranger } })).toBe(0);
  });

  it("per-email and per-address limits refuse known and unknown emails alike", async () => {
    const user = await makeUser();
    const stranger = unique();
    for (const email of [user.email, stranger]) {
      const answers = [];
      for (let index = 0; index <= EMAIL_LINK_LIMIT.perEmail; index++) answers.push(await requestEmailLink({ kind: "password_reset", email, address: randomAddress(), locale: "en" }));
      expect(answers.slice(0, EMAIL_LINK_LIMIT.perEmail).every((answer) => answer.ok)).toBe(true);
      expect(answers.at(-1)).toEqual({ ok: false, retryAfterSeconds: expect.any(Number) });
    }
    const address = randomAddress();
    const fromOne = [];
    for (let index = 0; index <= EMAIL_LINK_LIMIT.perAddress; index++) fromOne.push(await requestEmailLink({ kind: "sign_in", email: unique(), address, locale: "en" }));
    expect(fromOne.at(-2)).toMatchObject({ ok: true });
    expect(fromOne.at(-1)).toMatchObject({ ok: false });
  });
});

describe("sign-in by an emailed link", () => {
  it("signs an account in once, verifying its email, and keeps its other sessions", async () => {
    const user = await makeUser();
    const elsewhere = await authenticate(user.email, PASSWORD);
    await sendSignInLink(user.email, "pt", "/account");
    const [email] = await mailTo(user.email);
    expect(email.subject).toBe("O seu link de acesso");
    const token = tokenIn(email.text);
    expect(email.text).toContain("/pt/sign-in/link?token=");
    expect(await inspectEmailLink("sign_in", token)).toEqual({ ok: true, returnTo: "/account", needsName: false });
    const used = await redeemEmailLink({ purpose: "sign_in", token });
    expect(used).toMatchObject({ ok: true, user: { id: user.id, emailVerified: true, sessionVersion: elsewhere!.sessionVersion } });
    expect(await findSessionUser(user.id, elsewhere!.sessionVersion)).toMatchObject({ emailVerified: true });
    expect(await redeemEmailLink({ purpose: "sign_in", token })).toEqual({ ok: false, reason: "used" });
  });

  it("expires after 15 minutes", async () => {
    const user = await makeUser();
    const issued = await issueEmailToken({ purpose: "sign_in", email: user.email, userId: user.id });
    expect(await redeemEmailLink({ purpose: "sign_in", token: issued.token }, new Date(Date.now() + 15 * 60_000 + 1000))).toEqual({ ok: false, reason: "expired" });
  });

  it("to an address without an account: the link makes a verified account with no password, asking its name first", async () => {
    const stranger = unique();
    await sendSignInLink(stranger, "en");
    const [email] = await mailTo(stranger);
    expect(email.subject).toBe("Your link to Local Tickets");
    const token = tokenIn(email.text);
    expect(await prisma.user.count({ where: { email: stranger } })).toBe(0);
    expect(await inspectEmailLink("sign_in", token)).toMatchObject({ ok: true, needsName: true });
    // No name: refused, and the link still works.
    expect(await redeemEmailLink({ purpose: "sign_in", token })).toEqual({ ok: false, reason: "name_required" });
    const made = await redeemEmailLink({ purpose: "sign_in", token, name: "Guest Buyer" });
    expect(made).toMatchObject({ ok: true, user: { email: stranger, name: "Guest Buyer", emailVerified: true, role: "attendee" } });
    const stored = await prisma.user.findUniqueOrThrow({ where: { email: stranger } });
    expect(stored.passwordHash).toBeNull();
    expect(stored.emailVerifiedAt).not.toBeNull();
    // No password to guess: a password sign-in never matches.
    expect(await authenticate(stranger, "")).toBeNull();
    expect(await authenticate(stranger, "anything at all")).toBeNull();
  });
});

describe("email verification", () => {
  it("verifies once; a second use says so", async () => {
    const user = await makeUser();
    await sendVerificationLink(user, "es", "/checkout?x=1");
    const [email] = await mailTo(user.email);
    expect(email.subject).toBe("Confirma tu dirección de email");
    const token = tokenIn(email.text);
    expect(await findSessionUser(user.id, user.sessionVersion)).toMatchObject({ emailVerified: false });
    expect(await redeemEmailLink({ purpose: "verify_email", token })).toMatchObject({ ok: true, returnTo: "/checkout?x=1", user: { emailVerified: true } });
    expect(await findSessionUser(user.id, user.sessionVersion)).toMatchObject({ emailVerified: true });
    expect(await redeemEmailLink({ purpose: "verify_email", token })).toEqual({ ok: false, reason: "used" });
  });
});

describe("using a link", () => {
  it("of many uses at the same moment, exactly one gets it", async () => {
    const user = await makeUser();
    const { token } = await issueEmailToken({ purpose: "verify_email", email: user.email, userId: user.id });
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => redeemEmailLink({ purpose: "verify_email", token })));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok && outcome.reason === "used")).toHaveLength(5);
  });

  it("goes through Auth.js's email-link provider, which signs in or says why not", async () => {
    const { authConfig, EmailLinkRefused } = await import("./config");
    const provider = authConfig().providers.map((entry) => (typeof entry === "function" ? entry() : entry)).find((entry) => (entry as { options?: { id?: string } }).options?.id === "email-link") as unknown as {
      options: { authorize: (credentials: Record<string, string>, request: Request) => Promise<unknown> };
    };
    const user = await makeUser();
    const { token } = await issueEmailToken({ purpose: "password_reset", email: user.email, userId: user.id });
    const request = new Request("http://localhost/api/auth/callback/email-link", { method: "POST" });
    // A new password that breaks the rules is refused before the link is touched.
    expect(await provider.options.authorize({ purpose: "password_reset", token, password: "short" }, request)).toBeNull();
    expect(await provider.options.authorize({ purpose: "password_reset", token, password: "a fine new password" }, request)).toMatchObject({ id: user.id, sessionVersion: user.sessionVersion + 1 });
    const again = provider.options.authorize({ purpose: "password_reset", token, password: "a fine new password" }, request);
    await expect(again).rejects.toBeInstanceOf(EmailLinkRefused);
    await expect(again).rejects.toMatchObject({ code: "link_used" });
  });
});
