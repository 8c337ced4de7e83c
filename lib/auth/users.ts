import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword, MAX_PASSWORD_BYTES, needsRehash, passwordByteLength, UNKNOWN_USER_HASH, verifyPassword, ZNewPassword } from "./password";
import { isUuid } from "@/lib/ids";
import type { HostMembership, Role } from "./policy";

export const ZSignUp = z.object({
  name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
  password: ZNewPassword,
});
export type SignUpInput = z.infer<typeof ZSignUp>;

export const ZSignIn = z.object({
  email: z.email("Enter a valid email address").trim().toLowerCase().max(254),
  password: z.string().min(1, "Enter your password").max(200),
});

/**
 * `emailVerified`: the owner used a link sent to the address. An unverified account may sign
 * in and buy (a banner asks to verify); orders bought as a guest with the address count as
 * the account's only once it is verified (ask `isEmailVerified`).
 */
export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Always set from the database (findSessionUser); optional only so that hand-made test users need not say. */
  emailVerified?: boolean;
  /** The hosts the user is a member of (issue 30), read with the session on every request; absent when not loaded. */
  memberships?: HostMembership[];
};
/** What a new session is made from: the user and the session version it must keep matching. */
export type AuthenticatedUser = SessionUser & { sessionVersion: number };

export class EmailTakenError extends Error {}

/** Has the owner proved they read this account's email? (Guest orders with it join My tickets only then.) */
export function isEmailVerified(user: Pick<SessionUser, "emailVerified"> | null | undefined): boolean {
  return user?.emailVerified === true;
}

const SESSION_USER = { id: true, email: true, name: true, role: true, emailVerifiedAt: true } as const;

/** The session's view of a user row. */
export function sessionUserOf(user: { id: string; email: string; name: string; role: Role; emailVerifiedAt: Date | null }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: user.emailVerifiedAt !== null };
}

/** A new, unverified account. */
export async function createUser(input: SignUpInput): Promise<SessionUser> {
  const passwordHash = await hashPassword(input.password);
  try {
    return sessionUserOf(await prisma.user.create({ data: { name: input.name, email: input.email, passwordHash }, select: SESSION_USER }));
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new EmailTakenError();
    throw error;
  }
}

/** The user for these credentials, or null; both failures take the same time. */
export async function authenticate(email: string, password: string): Promise<AuthenticatedUser | null> {
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { ...SESSION_USER, passwordHash: true, sessionVersion: true },
  });
  // No account, or one without a password yet (made by a sign-in link): the same comparison, never a match.
  const valid = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user?.passwordHash || !valid) return null;
  // Hashes from before the cost went up are upgraded now, while we hold the password. The
  // session version stays: a stronger hash is not a new password.
  if (needsRehash(user.passwordHash) && passwordByteLength(password) <= MAX_PASSWORD_BYTES) {
    await prisma.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return { ...sessionUserOf(user), sessionVersion: user.sessionVersion };
}

/** The user behind a session, when its version still matches; role and name come from the database. */
export async function findSessionUser(id: string, sessionVersion: number): Promise<SessionUser | null> {
  if (!isUuid(id)) return null;
  const user = await prisma.user.findUnique({ where: { id }, select: { ...SESSION_USER, sessionVersion: true, hostMemberships: { select: { hostId: true, role: true } } } });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return { ...sessionUserOf(user), memberships: user.hostMemberships };
}

/** Ends every session of the user (sign-out): their cookies, and any copy of them, stop working. */
export async function endSessions(userId: string): Promise<void> {
  await prisma.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
