import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { notFound, redirect } from "next/navigation";
import { authSecret } from "@/lib/env";
import { consumeRateLimit } from "./rate-limit";
import { authenticate, ZSignIn, type SessionUser } from "./users";

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

const SIGN_IN_LIMIT = { perEmail: 10, perAddress: 30, windowSeconds: 15 * 60 };

function clientAddress(request: Request | undefined): string {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || "unknown";
}

// Lazy config: settings are read on the first request, never at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        const parsed = ZSignIn.safeParse(credentials);
        if (!parsed.success) return null;
        const byEmail = await consumeRateLimit(`sign-in:email:${parsed.data.email}`, SIGN_IN_LIMIT.perEmail, SIGN_IN_LIMIT.windowSeconds);
        const byAddress = await consumeRateLimit(`sign-in:ip:${clientAddress(request)}`, SIGN_IN_LIMIT.perAddress, SIGN_IN_LIMIT.windowSeconds);
        if (!byEmail.allowed || !byAddress.allowed) throw new TooManyAttempts();
        return authenticate(parsed.data.email, parsed.data.password);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const sessionUser = user as SessionUser;
        token.uid = sessionUser.id;
        token.role = sessionUser.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.role = token.role as SessionUser["role"];
      return session;
    },
  },
}));

export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  return { id: session.user.id, email: session.user.email ?? "", name: session.user.name ?? "", role: session.user.role };
}

/** For pages: a visitor is sent to sign in and brought back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For admin pages, actions and routes: anyone but an admin sees a 404. */
export async function requireAdmin(): Promise<SessionUser> {
  const user = await currentUser();
  if (user?.role !== "admin") notFound();
  return user;
}
