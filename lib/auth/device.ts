import "server-only";
import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { appUrl } from "@/lib/urls";

// A random id per browser, kept in a long-lived cookie and sent with each sign-in. After a
// successful sign-in it marks the browser as a known device of that user, whose right password
// is never kept waiting by strangers' failures (lib/auth/sign-in-throttle.ts). Only its hash
// is stored. It proves nothing on its own: it only ever shortens a wait, never skips a password.
const COOKIE = "lt_device";
const SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** This browser's device id, set now if it has none (call from a server action). */
export async function signInDevice(): Promise<string> {
  const jar = await cookies();
  const existing = jar.get(COOKIE)?.value;
  if (existing && SHAPE.test(existing)) return existing;
  const id = randomBytes(32).toString("base64url");
  jar.set(COOKIE, id, {
    httpOnly: true,
    sameSite: "lax",
    secure: appUrl().startsWith("https:"),
    path: "/",
    maxAge: 400 * 24 * 60 * 60,
  });
  return id;
}
