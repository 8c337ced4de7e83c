import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { sendPasswordResetLink, sendSignInLink, sendVerificationLink } from "./account-emails";
import { consumeEmailLinkLimit } from "./email-link-limit";
import type { SessionUser } from "./users";

/**
 * A request for an emailed link, answered before anything is looked up: `ok` whether or not
 * the email has an account (only the rate limits can refuse, and they count every address
 * alike). `send` does the rest; the caller runs it after the answer (next's after()), so
 * neither the answer nor its timing tells whether an email was sent.
 */
export type EmailLinkRequest = { ok: true; send: () => Promise<void> } | { ok: false; retryAfterSeconds: number };

export async function requestEmailLink(options: {
  kind: "password_reset" | "sign_in";
  email: string;
  address: string;
  locale: Locale;
  returnTo?: string | null;
}): Promise<EmailLinkRequest> {
  const allowance = await consumeEmailLinkLimit(options.email, options.address);
  if (!allowance.allowed) return { ok: false, retryAfterSeconds: allowance.retryAfterSeconds };
  const { kind, email, locale, returnTo } = options;
  return { ok: true, send: () => (kind === "password_reset" ? sendPasswordResetLink(email, locale, returnTo) : sendSignInLink(email, locale, returnTo)) };
}

/** "Send the link again" from the banner of a signed-in, unverified account. */
export async function requestVerificationLink(user: SessionUser, address: string, locale: Locale): Promise<EmailLinkRequest> {
  const allowance = await consumeEmailLinkLimit(user.email, address);
  if (!allowance.allowed) return { ok: false, retryAfterSeconds: allowance.retryAfterSeconds };
  return { ok: true, send: async () => (user.emailVerified ? undefined : sendVerificationLink(user, locale, "/account")) };
}
