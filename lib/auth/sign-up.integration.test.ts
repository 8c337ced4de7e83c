// Sign-up does not reveal which emails have accounts (issue 16, item 12). The action is
// called as Next would, with Next's request APIs and Auth.js's signIn stood in for.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { randomAddress } from "@/tests/api-fixtures";

const next = vi.hoisted(() => ({ headers: new Headers(), cookies: new Map<string, string>(), signIns: [] as { email: string; password: string }[] }));
vi.mock("next/headers", () => ({
  headers: async () => next.headers,
  cookies: async () => ({ get: (name: string) => (next.cookies.has(name) ? { value: next.cookies.get(name) } : undefined), set: (name: string, value: string) => next.cookies.set(name, value) }),
}));
vi.mock("next-auth", async () => ({ AuthError: (await import("@auth/core/errors")).AuthError }));
vi.mock("@/lib/auth", async () => {
  const { CredentialsSignin } = await import("@auth/core/errors");
  const { authenticate } = await import("@/lib/auth/users");
  class TooManyAttempts extends CredentialsSignin {}
  return {
    TooManyAttempts,
    // What Auth.js does with our authorize(): a redirect when it returns a user, CredentialsSignin when not.
    signIn: async (_provider: string, credentials: { email: string; password: string }) => {
      next.signIns.push(credentials);
      if (!(await authenticate(credentials.email, credentials.password))) throw new CredentialsSignin();
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

async function signUp(email: string, password: string) {
  try {
    return await signUpAction(null, form({ name: "Someone", email, password, callbackUrl: "/" }));
  } catch (error) {
    if ((error as { digest?: string }).digest?.startsWith("NEXT_REDIRECT")) return "signed in";
    throw error;
  }
}

beforeEach(() => {
  next.headers = new Headers({ "x-forwarded-for": randomAddress() });
  next.cookies.clear();
  next.signIns.length = 0;
});

describe("signUpAction", () => {
  it("signs in a new account", async () => {
    expect(await signUp(`new-${randomUUID()}@example.test`, "a good password")).toBe("signed in");
  });

  it("answers a taken email without saying so, and creates nothing", async () => {
    const owner = `taken-${randomUUID()}@example.test`;
    expect(await signUp(owner, "the owner's password")).toBe("signed in");
    next.headers = new Headers({ "x-forwarded-for": randomAddress() });
    const answer = await signUp(owner.toUpperCase(), "someone else's guess");
    // The same refusal as any other, with what was typed given back (never the password).
    expect(answer).toEqual({ ok: false, message: expect.any(String), values: expect.objectContaining({ email: owner.toUpperCase() }) });
    expect(JSON.stringify(answer)).not.toContain("someone else's guess");
    const text = JSON.stringify(answer);
    expect(text).not.toMatch(/exist|already (registered|taken|used)|in use/i);
    expect(answer).not.toHaveProperty("fieldErrors");
    expect(await prisma.user.count({ where: { email: owner } })).toBe(1);
  });

  it("signs the owner in when they sign up again with their own password, as for a new account", async () => {
    const owner = `again-${randomUUID()}@example.test`;
    await signUp(owner, "the owner's password");
    expect(await signUp(owner, "the owner's password")).toBe("signed in");
  });
});
