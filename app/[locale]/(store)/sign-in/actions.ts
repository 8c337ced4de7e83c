"use server";
import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { after } from "next/server";
import type { ActionState } from "@/lib/actions/action-state";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import { signIn, TooManyAttempts } from "@/lib/auth";
import { signInDevice } from "@/lib/auth/device";
import type { AuthFormState, AuthFormValues } from "@/lib/actions/auth-form-state";
import { signUp } from "@/lib/auth/sign-up";
import { sayFieldErrors } from "@/lib/actions/localised-action-state";
import type { Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { ZSignIn, ZSignUp } from "@/lib/auth/users";
import { logError } from "@/lib/log";
import { invalidInput } from "@/lib/actions/to-action-state";
import { safeReturnPath } from "@/lib/urls";

type Translate = Awaited<ReturnType<typeof getTranslations<"auth">>>;

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

function tooManyAttempts(t: Translate, retryAfterSeconds: number | undefined): ActionState {
  const message = retryAfterSeconds && retryAfterSeconds < 90
    ? t("tooManySeconds", { seconds: retryAfterSeconds })
    : t("tooManyMinutes", { minutes: Math.ceil((retryAfterSeconds ?? 300) / 60) });
  return { ok: false, message, retryAfterSeconds };
}

/** The form refused by its schema: the reader's-language message of each field that is wrong. */
function invalidFields(t: Translate, issues: Parameters<typeof invalidInput>[0], mode: "sign-in" | "sign-up"): ActionState {
  const refused = invalidInput(issues, t("checkFields"));
  const say = { name: t("invalidName"), email: t("invalidEmail"), password: mode === "sign-up" ? t("invalidNewPassword") : t("invalidPassword") };
  return { ...refused, fieldErrors: sayFieldErrors(refused.fieldErrors, say) };
}

/**
 * Signs in and redirects (signIn throws Next's redirect, which must not be caught) to
 * `returnTo` in the reader's language. `wrongCredentials` is the answer to a refusal: for a
 * sign-up it must not tell whether the email has an account.
 */
async function signInWith(t: Translate, email: string, password: string, returnTo: string, wrongCredentials: string): Promise<ActionState> {
  const [device, locale] = await Promise.all([signInDevice(), getLocale()]);
  try {
    await signIn("credentials", { email, password, device, redirectTo: localePath(locale, returnTo) });
  } catch (error) {
    if (error instanceof TooManyAttempts) return tooManyAttempts(t, error.retryAfterSeconds);
    if (error instanceof AuthError && (error as { code?: string }).code === "rate_limited") return tooManyAttempts(t, (error as { retryAfterSeconds?: number }).retryAfterSeconds);
    if (error instanceof AuthError) return { ok: false, message: wrongCredentials };
    throw error;
  }
  return { ok: true };
}

export async function signInAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const t = await getTranslations("auth");
  const values = typedValues(formData, ["email"]);
  const parsed = ZSignIn.safeParse({ email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return refused(invalidFields(t, parsed.error.issues, "sign-in"), values);
  return refused(await signInWith(t, parsed.data.email, parsed.data.password, safeReturnPath(formData.get("callbackUrl")), t("wrongCredentials")), values);
}

export async function signUpAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const [t, tActions, locale] = await Promise.all([getTranslations("auth"), getTranslations("actions"), getLocale()]);
  const values = typedValues(formData, ["name", "email"]);
  const parsed = ZSignUp.safeParse({ name: formData.get("name"), email: formData.get("email"), password: formData.get("password") });
  if (!parsed.success) return refused(invalidFields(t, parsed.error.issues, "sign-up"), values);
  let outcome;
  try {
    outcome = await signUp(parsed.data, clientAddressFromHeaders(await headers()), { locale: locale as Locale, returnTo: safeReturnPath(formData.get("callbackUrl")) });
  } catch (error) {
    logError("sign up failed", error);
    return refused({ ok: false, message: tActions("somethingWrong") }, values);
  }
  if (outcome.outcome === "rate_limited") return refused({ ok: false, message: t("tooManyAccounts") }, values);
  // New or taken, the same answer and nobody signed in: the email (a verification link, or
  // to the owner of a taken address a notice) is written after the answer.
  const { send } = outcome;
  after(() => send().catch((error) => logError("sign-up email failed", error)));
  return { ok: true, message: t("signUpSent", { email: parsed.data.email }) };
}
