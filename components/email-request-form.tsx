"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { AuthFormState } from "@/lib/actions/auth-form-state";

type Props = {
  callbackUrl: string;
  submitLabel: string;
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
};

/** Asks for an email to send a link to; the answer replaces the form (the same for every email). */
export function EmailRequestForm({ callbackUrl, submitLabel, action }: Props) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok && state.message) return <p role="status" className="rounded-lg bg-green-50 p-4 font-medium text-green-900">{state.message}</p>;
  const error = state && !state.ok ? state.fieldErrors?.email : undefined;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="flex flex-col gap-1">
        <label htmlFor="email" className="text-sm font-medium">{t("email")}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state && !state.ok ? state.values?.email : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "email-error" : undefined}
          className="min-h-12 rounded-lg border border-stone-300 bg-white px-3 text-base aria-[invalid]:border-red-600"
        />
        {error ? <p id="email-error" className="text-sm font-medium text-red-700">{error}</p> : null}
      </div>
      {state && !state.ok ? <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">{state.message}</p> : null}
      <button type="submit" disabled={pending} className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {submitLabel}
      </button>
    </form>
  );
}
