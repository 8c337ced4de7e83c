import "server-only";
import NextAuth from "next-auth";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { authConfig } from "./config";
import { actorOf, canAdminister } from "./policy";
import { endSessions, findSessionUser, type SessionUser } from "./users";

export { EmailLinkRefused, TooManyAttempts } from "./config";

// Lazy config: settings are read on the first request, never at build time.
const nextAuth = NextAuth(() => authConfig());
export const { handlers, auth, signIn } = nextAuth;

/**
 * The signed-in user, checked against the database: the session's version must still match
 * the user's (sign-out and role changes bump it), and the role is the stored one. A JWT lives
 * for weeks; this is what makes sign-out and a demotion take effect at once. Once per request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.user?.id) return null;
  const version = (session.user as { sessionVersion?: number }).sessionVersion;
  // Sessions made before session versions existed carry none: they end here.
  if (typeof version !== "number" || version < 0) return null;
  return findSessionUser(session.user.id, version);
});

/**
 * Signs out everywhere: every session of the user stops working at once (copies of the cookie
 * included), then this browser's cookie is cleared. The caller answers (app/sign-out/route.ts).
 */
export async function signOut(): Promise<void> {
  const user = await currentUser();
  if (user) await endSessions(user.id);
  await nextAuth.signOut({ redirect: false });
}

/**
 * The signed-in user, or a redirect to sign in (in the reader's `locale`) that comes back to
 * `returnTo`, an unprefixed path: the sign-in action sends the reader on in their language.
 */
export async function requireUser(returnTo: string, locale: Locale = DEFAULT_LOCALE): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`${localePath(locale, "/sign-in")}?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For admin pages, actions and routes: anyone but an admin sees a 404. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user || !canAdminister(actorOf(user))) notFound();
  return user;
}
