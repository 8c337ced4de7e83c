"use server";
import { AuthError } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import type { ActionState } from "@/lib/actions/action-state";
import type { AuthFormState } from "@/lib/actions/auth-form-state";
import { currentUser, EmailLinkRefused, signIn } from "@/lib/auth";
import { ZNewPassword } from "@/lib/auth/password";
import { requestEmailLink, requestVerificationLink, type EmailLinkRequest } from "@/lib/auth/request-email-link";
import { clientAddressFromHeaders } from "@/lib/http/client-address";
import type { Locale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { logError } from "@/lib/log";
import { safeReturnPath } from "@/lib/urls";

// Password reset, sign-in by an emailed link, and email verification (issue 27, item 2).
// Asking for a link answers the same whether or not the email has an account; using one is a
// POST from the page the link opens, through Auth.js's "email-link" provider.

type Translate = Awaited<ReturnType<typeof getTranslations<"auth">>>;

const ZEmail = z.email().trim().toLowerCase().max(254);

function tooManyEmails(t: Translate, retryAfterSeconds: number): ActionState {
  return { ok: false, message: t("tooManyEmails", { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }), retryAfterSeconds };
}

/** Answers a request: the rate limits may refuse; otherwise the email is written after the answer. */
function answered(t: Translate, request: EmailLinkRequest, message: string): ActionState {
  if (!request.ok) return tooManyEmails(t, request.retryAfterSeconds);
  const { send } = request;
  after(() => send().catch((error) => logError("account email failed", error)));
  return { ok: true, message };
}

async function askForLink(kind: "password_reset" | "sign_in", formData: FormData): Promise<AuthFormState> {
  const [t, locale, requestHeaders] = await Promise.all([getTranslations("auth"), getLocale(), headers()]);
  const typed = typeof formData.get("email") === "string" ? String(formData.get("email")).slice(0, 320) : "";
  const parsed = ZEmail.safeParse(formData.get("email"));
  if (!parsed.success) return { ok: false, message: t("checkFields"), fieldErrors: { email: t("invalidEmail") }, values: { email: typed } };
  const request = await requestEmailLink({
    kind,
    email: parsed.data,
    address: clientAddressFromHeaders(requestHeaders),
    locale: locale as Locale,
    returnTo: safeReturnPath(formData.get("callbackUrl"), kind === "password_reset" ? "/account" : "/"),
  });
  const message = kind === "password_reset" ? t("resetSent", { email: parsed.data }) : t("linkSent", { email: parsed.data });
  const state = answered(t, request, message);
  return state && !state.ok ? { ...state, values: { email: typed } } : state;
}

export async function requestPasswordResetAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  return askForLink("password_reset", formData);
}

export async function requestSignInLinkAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  return askForLink("sign_in", formData);
}

export async function resendVerificationAction(): Promise<ActionState> {
  const [t, locale, requestHeaders, user] = await Promise.all([getTranslations("auth"), getLocale(), headers(), currentUser()]);
  if (!user) return { ok: false, message: t("signInFirst") };
  return answered(t, await requestVerificationLink(user, clientAddressFromHeaders(requestHeaders), locale as Locale), t("verificationSent", { email: user.email }));
}

const PURPOSES = ["password_reset", "sign_in", "verify_email"] as const;
const REFUSED = { unknown: "linkUnknown", used: "linkUsed", expired: "linkExpired", name_required: "nameRequired" } as const;

/** Uses an emailed link (each kind from its page) and signs in; Auth.js's redirect is not caught. */
export async function redeemEmailLinkAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const [t, locale] = await Promise.all([getTranslations("auth"), getLocale()]);
  const purpose = PURPOSES.find((candidate) => candidate === formData.get("purpose"));
  const token = formData.get("token");
  if (!purpose || typeof token !== "string") return { ok: false, message: t("linkUnknown") };
  const credentials: Record<string, string> = { purpose, token };
  if (purpose === "password_reset") {
    const password = ZNewPassword.safeParse(formData.get("password"));
    if (!password.success) return { ok: false, message: t("checkFields"), fieldErrors: { password: t("invalidNewPassword") } };
    credentials.password = password.data;
  }
  const name = typeof formData.get("name") === "string" ? String(formData.get("name")).trim().slice(0, 100) : "";
  if (purpose === "sign_in" && name) credentials.name = name;
  try {
    await signIn("email-link", { ...credentials, redirectTo: localePath(locale as Locale, safeReturnPath(formData.get("returnTo"))) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    // The refusal's reason travels in its code (`link_used`…), whichever copy of the class threw it.
    const code = error instanceof EmailLinkRefused ? error.code : (error as { code?: string }).code;
    const reason = Object.keys(REFUSED).find((key) => code === `link_${key}`) as keyof typeof REFUSED | undefined;
    const message = t(REFUSED[reason ?? "unknown"]);
    return { ok: false, message, ...(reason === "name_required" ? { fieldErrors: { name: message } } : {}) };
  }
  return { ok: true };
}
