import "server-only";
// The classes next-auth re-exports, imported from where they live: "next-auth" itself pulls in
// next/server, which only resolves inside Next (and this module is tested outside it).
import { CredentialsSignin } from "@auth/core/errors";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { authSecret } from "@/lib/env";
import { childLogger } from "@/lib/log";
import { z } from "zod";
import { redeemEmailLink, type EmailLinkRefusal } from "./email-links";
import { ZNewPassword } from "./password";
import { checkSignInThrottle, recordSignInFailure, recordSignInSuccess } from "./sign-in-throttle";
import { sameOriginRedirect } from "./redirect";
import { authenticate, ZSignIn, type AuthenticatedUser, type SessionUser } from "./users";

export class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
  constructor(readonly retryAfterSeconds: number) {
    super();
  }
}

/** An emailed link that was used already, came too late, or never existed: it signs nobody in. */
export class EmailLinkRefused extends CredentialsSignin {
  constructor(readonly reason: EmailLinkRefusal) {
    super();
    this.code = `link_${reason}`;
  }
}

const ZEmailLinkCredentials = z.discriminatedUnion("purpose", [
  z.object({ purpose: z.literal("password_reset"), token: z.string().max(100), password: ZNewPassword }),
  z.object({ purpose: z.literal("sign_in"), token: z.string().max(100), name: z.string().trim().max(100).optional() }),
  z.object({ purpose: z.literal("verify_email"), token: z.string().max(100) }),
]);

const log = childLogger({ module: "auth" });

/**
 * Auth.js writes through the app's logger, so its lines carry the request id and pass the
 * same redaction (its debug lines include request bodies, passwords among them). A wrong
 * password is an expected outcome, not an error.
 */
export const authLogger: NonNullable<NextAuthConfig["logger"]> = {
  error(error) {
    if (error instanceof CredentialsSignin) {
      log.info({ code: error.code }, "sign-in refused");
      return;
    }
    log.error({ err: error }, "auth error");
  },
  warn(code) {
    log.warn({ code }, "auth warning");
  },
  debug(message, metadata) {
    log.debug({ metadata }, message);
  },
};

/** The settings of Auth.js: read on the first request, never at build time. */
export function authConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    logger: authLogger,
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" }, device: { type: "text" } },
        async authorize(credentials, request) {
          const parsed = ZSignIn.safeParse(credentials);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const device = typeof credentials?.device === "string" ? credentials.device : undefined;
          const source = { address: clientAddressFromHeaders(request.headers), device };
          const gate = await checkSignInThrottle(email, source);
          if (!gate.allowed) throw new TooManyAttempts(gate.retryAfterSeconds);
          const user = await authenticate(email, password);
          if (!user) {
            await recordSignInFailure(email, source);
            return null;
          }
          await recordSignInSuccess(user.id, email, source);
          return user;
        },
      }),
      // The links of password reset, sign-in by email and verification (lib/auth/email-links.ts):
      // a single-use token from an email, used by a POST from the page the link opens (so a
      // mail scanner that follows links uses nothing), making a session like a password does.
      Credentials({
        id: "email-link",
        credentials: { token: { type: "text" }, purpose: { type: "text" }, password: { type: "password" }, name: { type: "text" } },
        async authorize(credentials) {
          const parsed = ZEmailLinkCredentials.safeParse({ ...credentials, name: credentials?.name || undefined });
          if (!parsed.success) return null;
          const outcome = await redeemEmailLink(parsed.data);
          if (!outcome.ok) throw new EmailLinkRefused(outcome.reason);
          return outcome.user;
        },
      }),
    ],
    callbacks: {
      // Paths, not URLs on AUTH_URL: signing in, up or out keeps the browser on its origin.
      redirect: sameOriginRedirect,
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as AuthenticatedUser;
          token.uid = signedIn.id;
          token.role = signedIn.role;
          token.sv = signedIn.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.uid as string;
        session.user.role = token.role as SessionUser["role"];
        (session.user as { sessionVersion?: number }).sessionVersion = typeof token.sv === "number" ? token.sv : -1;
        return session;
      },
    },
  };
}
