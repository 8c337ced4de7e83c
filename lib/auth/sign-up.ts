import "server-only";
import { prisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { sendSignUpTakenNotice, sendVerificationLink } from "./account-emails";
import { consumeEmailLinkLimit } from "./email-link-limit";
import { consumeRateLimit } from "./rate-limit";
import { createUser, EmailTakenError, type SignUpInput } from "./users";

export const SIGN_UP_LIMIT = { perAddress: 20, windowSeconds: 60 * 60 } as const;

/**
 * What a sign-up answers: `accepted` for a new email and a taken one alike ("check your
 * email"), so the form tells nobody which emails have accounts (issue 16 left this; issue 27
 * closes it). Nobody is signed in by a sign-up: a new account gets a verification link, which
 * signs its owner in; the owner of a taken email gets a notice that someone tried, with links
 * to sign in or choose a new password. `send` writes that email; the caller runs it after the
 * answer. Both paths hash a password once (bcrypt), so they take the same time.
 */
export type SignUpOutcome = { outcome: "accepted"; send: () => Promise<void> } | { outcome: "rate_limited" };

export async function signUp(input: SignUpInput, address: string, options: { locale: Locale; returnTo?: string | null }): Promise<SignUpOutcome> {
  const limit = await consumeRateLimit(`sign-up:ip:${address}`, SIGN_UP_LIMIT.perAddress, SIGN_UP_LIMIT.windowSeconds);
  if (!limit.allowed) return { outcome: "rate_limited" };
  let write: () => Promise<void>;
  try {
    const user = await createUser(input);
    write = () => sendVerificationLink(user, options.locale, options.returnTo);
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    write = async () => {
      const owner = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, email: true } });
      if (owner) await sendSignUpTakenNotice(owner, options.locale);
    };
  }
  return {
    outcome: "accepted",
    // Someone signing up with another person's email again and again must not flood their inbox.
    send: async () => {
      if ((await consumeEmailLinkLimit(input.email, address)).emailAllowed) await write();
    },
  };
}
