"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { AuthFormState } from "@/lib/actions/auth-form-state";

type Props = {
  purpose: "password_reset" | "sign_in" | "verify_email";
  token: string;
  returnTo: string;
  /** A sign-in link to an address without an account: its name is asked (printed on tickets). */
  needsName?: boolean;
  submitLabel: string;
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
};

const input = "min-h-12 rounded-lg border border-stone-300 bg-white px-3 text-base aria-[invalid]:border-red-600";

/** The page an emailed link opens: pressing the button uses the link (a link scanner's GET uses nothing). */
export function EmailLinkForm({ purpose, token, returnTo, needsName, submitLabel, action }: Props) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const field = (name: "password" | "name", label: string, type: string, autoComplete: string) => (
    <div className="flex flex-col gap-1">
      <label htmlFor={name} className="text-sm font-medium">{label}</label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        required
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errors[name] ? `${name}-error` : undefined}
        className={input}
      />
      {errors[name] ? <p id={`${name}-error`} className="text-sm font-medium text-red-700">{errors[name]}</p> : null}
    </div>
  );
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="purpose" value={purpose} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="returnTo" value={returnTo} />
      {needsName ? field("name", t("name"), "text", "name") : null}
      {purpose === "password_reset" ? field("password", t("newPassword"), "password", "new-password") : null}
      {state && !state.ok ? <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">{state.message}</p> : null}
      <button type="submit" disabled={pending} className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {submitLabel}
      </button>
    </form>
  );
}
