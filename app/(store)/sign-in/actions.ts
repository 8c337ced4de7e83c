"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import type { ActionState } from "@/lib/action-state";
import { signIn, TooManyAttempts } from "@/lib/auth";
import { consumeRateLimit } from "@/lib/auth/rate-limit";
import { createUser, EmailTakenError, ZSignIn, ZSignUp } from "@/lib/auth/users";
import { logError } from "@/lib/log";
import { safeReturnPath } from "@/lib/urls";

const WRONG_CREDENTIALS = "That email and password don't match an account.";

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

/** Signs in and redirects (signIn throws Next's redirect, which must not be caught). */
async function signInWith(email: string, password: string, returnTo: string): Promise<ActionState> {
  try {
    await signIn("credentials", { email, password, redirectTo: returnTo });
  } catch (error) {
    if (error instanceof TooManyAttempts || (error instanceof AuthError && (error as { code?: string }).code === "rate_limited")) {
      return { ok: false, message: "Too many attempts. Wait a few minutes and try again." };
    }
    if (error instanceof AuthError) return { ok: false, message: WRONG_CREDENTIALS };
    throw error;
  }
  return { ok: true };
}

export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZSignIn.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error.issues) };
  return signInWith(parsed.data.email, parsed.data.password, safeReturnPath(formData.get("callbackUrl")));
}

export async function signUpAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const parsed = ZSignUp.safeParse({ name: formData.get("name"), email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error.issues) };
  const address = (await headers()).get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
  const limit = await consumeRateLimit(`sign-up:ip:${address}`, 20, 60 * 60);
  if (!limit.allowed) return { ok: false, message: "Too many new accounts from here. Try again later." };
  try {
    await createUser(parsed.data);
  } catch (error) {
    if (error instanceof EmailTakenError) {
      return { ok: false, message: "Check the highlighted fields.", fieldErrors: { email: "An account with this email exists. Sign in instead." } };
    }
    logError("sign up failed", error);
    return { ok: false, message: "Something went wrong on our side; please try again." };
  }
  return signInWith(parsed.data.email, parsed.data.password, safeReturnPath(formData.get("callbackUrl")));
}
