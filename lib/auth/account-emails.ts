import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { accountEmail, type AccountEmailKind } from "@/lib/email/account-templates";
import { sendEmail } from "@/lib/email/send-email";
import type { Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { appUrl } from "@/lib/urls";
import { EMAIL_TOKEN_MINUTES, issueEmailToken, type EmailTokenPurpose } from "./email-tokens";

// Writing the account's emails. Each function is called after the answer was sent (next's
// after()), so how long a lookup or a send takes cannot tell a visitor whether an email has
// an account. Every link carries a fresh single-use token (email-tokens.ts).

/** The page each kind of link opens. */
export const EMAIL_LINK_PAGES = { password_reset: "/reset-password", sign_in: "/sign-in/link", verify_email: "/verify-email" } as const satisfies Record<EmailTokenPurpose, string>;

function pageUrl(locale: Locale, path: string, token?: string): string {
  return `${appUrl()}${localePath(locale, path)}${token ? `?token=${token}` : ""}`;
}

async function sendLink(options: {
  purpose: EmailTokenPurpose;
  kind: AccountEmailKind;
  email: string;
  user: { id: string; name: string } | null;
  locale: Locale;
  returnTo?: string | null;
}): Promise<void> {
  const issued = await issueEmailToken({ purpose: options.purpose, email: options.email, userId: options.user?.id ?? null, returnTo: options.returnTo });
  const content = accountEmail({
    kind: options.kind,
    name: options.user?.name ?? null,
    url: pageUrl(options.locale, EMAIL_LINK_PAGES[options.purpose], issued.token),
    minutes: EMAIL_TOKEN_MINUTES[options.purpose],
    locale: options.locale,
  });
  await sendEmail({ to: options.email, ...content, idempotencyKey: `${options.purpose}:${issued.id}` });
}

async function accountOf(email: string) {
  return prisma.user.findUnique({ where: { email }, select: { id: true, name: true, email: true } });
}

/** A reset link to the account of `email`; nothing at all when it has none. */
export async function sendPasswordResetLink(email: string, locale: Locale, returnTo?: string | null): Promise<void> {
  const user = await accountOf(email);
  if (!user) return;
  await sendLink({ purpose: "password_reset", kind: "reset", email, user, locale, returnTo });
}

/**
 * A sign-in link. To an address without an account it is an invitation: using it makes the
 * account (verified, since the link proves the address), so someone who bought as a guest
 * gets in with no password to invent. Asking is harmless to the address's owner: nothing is
 * made unless the link is used.
 */
export async function sendSignInLink(email: string, locale: Locale, returnTo?: string | null): Promise<void> {
  const user = await accountOf(email);
  await sendLink({ purpose: "sign_in", kind: user ? "signIn" : "join", email, user, locale, returnTo });
}

/** A verification link for a new (or still unverified) account. */
export async function sendVerificationLink(user: { id: string; name: string; email: string }, locale: Locale, returnTo?: string | null): Promise<void> {
  await sendLink({ purpose: "verify_email", kind: "verify", email: user.email, user, locale, returnTo });
}

/** To the owner of a taken email: someone tried to sign up with it; here is how to get in. */
export async function sendSignUpTakenNotice(user: { id: string; name: string; email: string }, locale: Locale): Promise<void> {
  const content = accountEmail({ kind: "taken", name: user.name, url: pageUrl(locale, "/sign-in"), resetUrl: pageUrl(locale, "/forgot-password"), locale });
  await sendEmail({ to: user.email, ...content, idempotencyKey: `sign_up_taken:${user.id}:${randomUUID()}` });
}
