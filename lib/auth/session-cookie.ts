import "server-only";
// Reading who is signed in from the Auth.js session cookie alone, where Auth.js cannot run:
// at the process edge (the purchase gate, before Next) and around Auth.js's own routes.
import { decode } from "@auth/core/jwt";
import { authSecret } from "@/lib/env";
import { findSessionUser, type SessionUser } from "./users";

// Auth.js's cookie: `__Secure-` over HTTPS; chunked as `.0`, `.1` when large.
const COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

function cookiesOf(header: string): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0) cookies.set(part.slice(0, index).trim(), part.slice(index + 1).trim());
  }
  return cookies;
}

/** The session cookie's value and name (the name is the JWT's salt), chunks joined. */
export function sessionCookieOf(header: string | null | undefined): { name: string; value: string } | null {
  if (!header) return null;
  const cookies = cookiesOf(header);
  for (const name of COOKIE_NAMES) {
    const whole = cookies.get(name);
    if (whole) return { name, value: whole };
    const chunks: string[] = [];
    for (let index = 0; cookies.has(`${name}.${index}`); index++) chunks.push(cookies.get(`${name}.${index}`)!);
    if (chunks.length > 0) return { name, value: chunks.join("") };
  }
  return null;
}

/** The session's user id and version, from a cookie that decrypts and has not expired; else null. */
export async function sessionClaimsOf(header: string | null | undefined): Promise<{ userId: string; sessionVersion: number } | null> {
  const cookie = sessionCookieOf(header);
  if (!cookie) return null;
  const token = await decode({ token: cookie.value, secret: authSecret(), salt: cookie.name }).catch(() => null);
  if (typeof token?.uid !== "string" || typeof token.sv !== "number" || token.sv < 0) return null;
  return { userId: token.uid, sessionVersion: token.sv };
}

/** The signed-in user of this Cookie header, checked against the database like currentUser(). */
export async function sessionUserOfCookies(header: string | null | undefined): Promise<SessionUser | null> {
  const claims = await sessionClaimsOf(header);
  return claims ? findSessionUser(claims.userId, claims.sessionVersion) : null;
}
