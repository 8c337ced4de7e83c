import "server-only";
import { prisma } from "@/lib/db";
import { hashPassword } from "./password";
import { checkEmailToken, retireEmailTokens, takeEmailToken, type EmailTokenPurpose, type EmailTokenRefusal } from "./email-tokens";
import { sessionUserOf, type AuthenticatedUser } from "./users";

// Using an emailed link: each use is one transaction that takes the token (once) and does
// what the link is for, and answers the user a new session is made for (Auth.js's
// "email-link" provider, lib/auth/config.ts). Every kind of link proves the address, so each
// also marks the email verified.

export type EmailLinkUse =
  | { purpose: "password_reset"; token: string; password: string }
  | { purpose: "sign_in"; token: string; name?: string }
  | { purpose: "verify_email"; token: string };

export type EmailLinkRefusal = EmailTokenRefusal | "name_required";
export type EmailLinkOutcome = { ok: true; user: AuthenticatedUser } | { ok: false; reason: EmailLinkRefusal };

const USER = { id: true, email: true, name: true, role: true, emailVerifiedAt: true, sessionVersion: true } as const;

function authenticated(user: { id: string; email: string; name: string; role: AuthenticatedUser["role"]; emailVerifiedAt: Date | null; sessionVersion: number }): AuthenticatedUser {
  return { ...sessionUserOf(user), sessionVersion: user.sessionVersion };
}

/** What a link's page needs before it is used: whether it still works, and for a sign-in link to a new address, that a name is wanted. */
export async function inspectEmailLink(purpose: EmailTokenPurpose, token: unknown): Promise<{ ok: true; returnTo: string | null; needsName: boolean } | { ok: false; reason: EmailTokenRefusal }> {
  const check = await checkEmailToken(purpose, token);
  if (!check.ok) return check;
  const needsName = purpose === "sign_in" && !check.token.userId && !(await prisma.user.findUnique({ where: { email: check.token.email }, select: { id: true } }));
  return { ok: true, returnTo: check.token.returnTo, needsName };
}

/** Uses a link; a refused one changes nothing. */
export async function redeemEmailLink(use: EmailLinkUse, now = new Date()): Promise<EmailLinkOutcome & { returnTo?: string | null }> {
  try {
    return await redeemInTransaction(use, now);
  } catch (error) {
    // Rolled back: the link was not used.
    if (error instanceof NameRequired) return { ok: false, reason: "name_required" };
    throw error;
  }
}

class NameRequired extends Error {}

async function redeemInTransaction(use: EmailLinkUse, now: Date): Promise<EmailLinkOutcome & { returnTo?: string | null }> {
  // bcrypt takes a few hundred milliseconds: before the transaction, not inside it.
  const passwordHash = use.purpose === "password_reset" ? await hashPassword(use.password) : null;
  return prisma.$transaction(async (tx) => {
    const taken = await takeEmailToken(tx, use.purpose, use.token, now);
    if (!taken.ok) return taken;
    const { email, userId, returnTo } = taken.token;
    if (use.purpose === "password_reset") {
      // The new password ends every other session of the account (the version sign-out bumps),
      // and every other reset or sign-in link still open for it.
      const user = await tx.user.update({
        where: { id: userId!, email },
        data: { passwordHash, sessionVersion: { increment: 1 } },
        select: USER,
      });
      if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
      await retireEmailTokens(tx, user.id, "password_reset", now);
      await retireEmailTokens(tx, user.id, "sign_in", now);
      return { ok: true as const, user: authenticated({ ...user, emailVerifiedAt: user.emailVerifiedAt ?? now }), returnTo };
    }
    if (use.purpose === "sign_in") {
      const existing = await tx.user.findUnique({ where: { email }, select: USER });
      const name = use.name?.trim().slice(0, 100);
      if (!existing && !name) throw new NameRequired();
      const user = existing ?? (await tx.user.create({ data: { email, name: name!, passwordHash: null, emailVerifiedAt: now }, select: USER }));
      if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
      return { ok: true as const, user: authenticated({ ...user, emailVerifiedAt: user.emailVerifiedAt ?? now }), returnTo };
    }
    const user = await tx.user.update({ where: { id: userId!, email }, data: {}, select: USER });
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: now } });
    return { ok: true as const, user: authenticated({ ...user, emailVerifiedAt: user.emailVerifiedAt ?? now }), returnTo };
  });
}
