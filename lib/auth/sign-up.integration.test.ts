// Sign-up does not reveal which emails have accounts (issue 16, item 12; closed by issue 27,
// item 2): a new and a taken email get the same answer and nobody is signed in; the new
// account gets a verification link, the owner of the taken email a notice. The action is
// called as Next would, with Next's request APIs stood in for; after() runs its task at once.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { randomAddress } from "@/tests/api-fixtures";

const next = vi.hoisted(() => ({ headers: new Headers(), later: [] as (() => Promise<unknown>)[], signIns: 0 }));
vi.mock("next/headers", () => ({ headers: async () => next.headers, cookies: async () => ({ get: () => undefined, set: () => undefined }) }));
vi.mock("next/server", () => ({ after: (task: () => Promise<unknown>) => next.later.push(task) }));
vi.mock("next-auth", async () => ({ AuthError: (await import("@auth/core/errors")).AuthError }));
vi.mock("@/lib/auth", async () => {
  const { CredentialsSignin } = await import("@auth/core/errors");
  class TooManyAttempts extends CredentialsSignin {}
  return {
    TooManyAttempts,
    signIn: async () => {
      next.signIns++;
      throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/;307;" });
    },
  };
});

const { signUpAction } = await import("@/app/[locale]/(store)/sign-in/actions");

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** The answer, then the email written after it. */
async function signUp(email: string, password: string, name = "Someone") {
  next.headers = new Headers({ "x-forwarded-for": randomAddress() });
  const answer = await signUpAction(null, form({ name, email, password, callbackUrl: "/checkout" }));
  for (const task of next.later.splice(0)) await task();
  return answer;
}

const mailTo = (to: string) => prisma.emailOutbox.findMany({ where: { toAddress: to }, orderBy: { createdAt: "asc" } });

beforeEach(() => {
  next.later.length = 0;
  next.signIns = 0;
});

describe("signUpAction", () => {
  it("makes an unverified account, signs nobody in, and sends a verification link", async () => {
    const email = `new-${randomUUID()}@example.test`;
    expect(await signUp(email, "a good password")).toEqual({ ok: true, message: expect.stringContaining(email) });
    expect(next.signIns).toBe(0);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).toBeNull();
    const [mail] = await mailTo(email);
    expect(mail.subject).toBe("Confirm your email address");
    expect(mail.text).toMatch(/\/verify-email\?token=[A-Za-z0-9_-]{43}/);
    expect(await prisma.emailToken.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ purpose: "verify_email", returnTo: "/checkout" });
  });

  it("answers a taken email exactly as a new one, creates nothing, and tells the owner", async () => {
    const owner = `taken-${randomUUID()}@example.test`;
    await signUp(owner, "the owner's password", "The Owner");
    const fresh = `fresh-${randomUUID()}@example.test`;
    const forNew = await signUp(fresh, "someone else's guess");
    const forTaken = await signUp(owner.toUpperCase(), "someone else's guess");
    expect(forTaken).toEqual({ ok: true, message: (forNew as { message: string }).message.replace(fresh, owner) });
    expect(JSON.stringify(forTaken)).not.toContain("someone else's guess");
    expect(next.signIns).toBe(0);
    expect(await prisma.user.count({ where: { email: owner } })).toBe(1);
    const mails = await mailTo(owner);
    expect(mails.map((mail) => mail.subject)).toEqual(["Confirm your email address", "Someone tried to sign up with your email"]);
    expect(mails[1].text).toContain("Hello The Owner");
    expect(mails[1].text).toContain("/forgot-password");
    // The notice carries no link that signs anyone in.
    expect(mails[1].text).not.toContain("token=");
  });

  it("does not flood the owner's inbox: notices stop at the per-email limit, the answer stays the same", async () => {
    const owner = `flood-${randomUUID()}@example.test`;
    await signUp(owner, "the owner's password");
    const answers = [];
    for (let index = 0; index < 7; index++) answers.push(await signUp(owner, "another guess here"));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect((await mailTo(owner)).length).toBe(5);
  });
});
