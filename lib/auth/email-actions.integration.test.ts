// The forms that ask for a link answer the same for an email with an account and one without
// (issue 27, item 2): the actions as Next runs them, after() run at once.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createTestUser } from "@/tests/fixtures";
import { randomAddress } from "@/tests/api-fixtures";

const next = vi.hoisted(() => ({ headers: new Headers(), later: [] as (() => Promise<unknown>)[] }));
vi.mock("next/headers", () => ({ headers: async () => next.headers }));
vi.mock("next/server", () => ({ after: (task: () => Promise<unknown>) => next.later.push(task) }));
vi.mock("next-auth", async () => ({ AuthError: (await import("@auth/core/errors")).AuthError }));
vi.mock("@/lib/auth", async () => ({ ...(await import("@/lib/auth/config")), currentUser: async () => null, signIn: async () => undefined }));

const { requestPasswordResetAction, requestSignInLinkAction } = await import("@/app/[locale]/(store)/sign-in/email-actions");

async function ask(action: typeof requestPasswordResetAction, email: string) {
  next.headers = new Headers({ "x-forwarded-for": randomAddress() });
  const data = new FormData();
  data.set("email", email);
  const answer = await action(null, data);
  for (const task of next.later.splice(0)) await task();
  return { answer };
}

beforeEach(() => {
  next.later.length = 0;
});

describe("asking for a reset or sign-in link", () => {
  it("answers an email with an account and one without alike; only the account gets a reset link", async () => {
    const user = await createTestUser();
    const stranger = `nobody-${randomUUID()}@example.test`;
    for (const action of [requestPasswordResetAction, requestSignInLinkAction]) {
      const known = await ask(action, user.email);
      const unknown = await ask(action, stranger);
      expect(known.answer).toMatchObject({ ok: true });
      expect(unknown.answer).toEqual({ ok: true, message: (known.answer as { message: string }).message.replace(user.email, stranger) });
    }
    const toUser = await prisma.emailOutbox.findMany({ where: { toAddress: user.email } });
    const toStranger = await prisma.emailOutbox.findMany({ where: { toAddress: stranger } });
    expect(toUser.map((mail) => mail.subject).sort()).toEqual(["Choose a new password", "Your sign-in link"]);
    // The stranger gets no reset (there is no password), only the sign-in link that would make an account.
    expect(toStranger.map((mail) => mail.subject)).toEqual(["Your link to Local Tickets"]);
  });

  it("refuses a bad email next to its field, keeping what was typed", async () => {
    const { answer } = await ask(requestPasswordResetAction, "not an email");
    expect(answer).toMatchObject({ ok: false, fieldErrors: { email: expect.any(String) }, values: { email: "not an email" } });
  });
});
