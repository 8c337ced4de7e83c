"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import type { ActionState } from "@/lib/action-state";
import { clientAddressFromHeaders } from "@/lib/api/http";
import { signIn, TooManyAttempts } from "@/lib/auth";
import { signInDevice } from "@/lib/auth/device";
import type { AuthFormState, AuthFormValues } from "@/lib/auth/form-state";
import { signUp } from "@/lib/auth/sign-up";
import { ZSignIn, ZSignUp } from "@/lib/auth/users";
import { logError } from "@/lib/log";
import { invalidInput } from "@/lib/to-action-state";
import { safeReturnPath } from "@/lib/urls";

const WRONG_CREDENTIALS = "That email and password don't match an account.";
/** The one answer to a refused sign-up: it must not tell whether the email has an account. */
const SIGN_UP_REFUSED = "We couldn't create an account with these details. If you have one already, sign in instead.";

/** What was typed, to fill a refused form again (React empties a form once its action ends). */
function typedValues(formData: FormData, fields: (keyof AuthFormValues)[]): AuthFormValues {
  const values: AuthFormValues = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value.slice(0, 320);
  }
  return values;
}

/** A refused form's answer, with what was typed. */
function refused(state: ActionState, values: AuthFormValues): AuthFormState {
  return state && !state.ok ? { ...state, values } : state;
}

function tooManyAttempts(retryAfterSeconds: number | undefined): ActionState {
  const wait = retryAfterSeconds && retryAfterSeconds < 90 ? `${retryAfterSeconds} seconds` : `${Math.ceil((retryAfterSeconds ?? 300) / 60)} minutes`;
  return { ok: false, message: `Too many attempts. Try again in ${wait}.`, retryAfterSeconds };
}

/** Signs in and redirects (signIn throws Next's redirect, which must not be caught). */
async function signInWith(email: string, password: string, returnTo: string, wrongCredentials = WRONG_CREDENTIALS): Promise<ActionState> {
  const device = await signInDevice();
  try {
    await signIn("credentials", { email, password, device, redirectTo: returnTo });
  } catch (error) {
    if (error instanceof TooManyAttempts) return tooManyAttempts(error.retryAfterSeconds);
    if (error instanceof AuthError && (error as { code?: string }).code === "rate_limited") return tooManyAttempts((error as { retryAfterSeconds?: number }).retryAfterSeconds);
    if (error instanceof AuthError) return { ok: false, message: wrongCredentials };
    throw error;
  }
  return { ok: true };
}

export async function signInAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = typedValues(formData, ["email"]);
  const parsed = ZSignIn.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return refused(invalidInput(parsed.error.issues), values);
  return refused(await signInWith(parsed.data.email, parsed.data.password, safeReturnPath(formData.get("callbackUrl"))), values);
}

export async function signUpAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = typedValues(formData, ["name", "email"]);
  const parsed = ZSignUp.safeParse({ name: formData.get("name"), email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return refused(invalidInput(parsed.error.issues), values);
  let outcome;
  try {
    outcome = await signUp(parsed.data, clientAddressFromHeaders(await headers()));
  } catch (error) {
    logError("sign up failed", error);
    return refused({ ok: false, message: "Something went wrong on our side; please try again." }, values);
  }
  if (outcome === "rate_limited") return refused({ ok: false, message: "Too many new accounts from here. Try again later." }, values);
  // New or taken, the same next step: sign in with what was typed. For a taken email that
  // signs in the owner (their own password) and refuses anyone else with SIGN_UP_REFUSED;
  // the failure counts toward that email's sign-in throttle, like a wrong password.
  return refused(await signInWith(parsed.data.email, parsed.data.password, safeReturnPath(formData.get("callbackUrl")), SIGN_UP_REFUSED), values);
}
