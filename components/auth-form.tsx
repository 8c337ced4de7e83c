"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Link } from "@/lib/i18n/navigation";
import type { AuthFormState } from "@/lib/actions/auth-form-state";

type Field = { name: "name" | "email" | "password"; label: "email" | "password" | "name" | "newPassword"; type: string; autoComplete: string };
type Props = {
  mode: "sign-in" | "sign-up";
  callbackUrl: string;
  action: (state: AuthFormState, formData: FormData) => Promise<AuthFormState>;
};

const FIELDS: Record<Props["mode"], Field[]> = {
  "sign-in": [
    { name: "email", label: "email", type: "email", autoComplete: "email" },
    { name: "password", label: "password", type: "password", autoComplete: "current-password" },
  ],
  "sign-up": [
    { name: "name", label: "name", type: "text", autoComplete: "name" },
    { name: "email", label: "email", type: "email", autoComplete: "email" },
    { name: "password", label: "newPassword", type: "password", autoComplete: "new-password" },
  ],
};

export function AuthForm({ mode, callbackUrl, action }: Props) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  // A refused form comes back with what was typed (React empties the form once the action
  // ends; the inputs are then reset to these defaults). The password is never sent back.
  const values = state && !state.ok ? state.values ?? {} : {};
  const other = mode === "sign-in" ? "/sign-up" : "/sign-in";
  const returnQuery = `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  // A sign-up answers the same for a new and a taken email: check your inbox.
  if (state?.ok && state.message) return <p role="status" className="rounded-lg bg-green-50 p-4 font-medium text-green-900">{state.message}</p>;
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {FIELDS[mode].map((field) => (
        <div key={field.name} className="flex flex-col gap-1">
          <label htmlFor={field.name} className="text-sm font-medium">{t(field.label)}</label>
          <input
            id={field.name}
            name={field.name}
            type={field.type}
            autoComplete={field.autoComplete}
            defaultValue={field.name === "password" ? undefined : values[field.name]}
            required
            aria-invalid={errors[field.name] ? true : undefined}
            aria-describedby={errors[field.name] ? `${field.name}-error` : undefined}
            className="min-h-12 rounded-lg border border-stone-300 bg-white px-3 text-base aria-[invalid]:border-red-600"
          />
          {errors[field.name] ? <p id={`${field.name}-error`} className="text-sm font-medium text-red-700">{errors[field.name]}</p> : null}
        </div>
      ))}
      {mode === "sign-in" ? (
        <p className="-mt-2 flex flex-wrap justify-between gap-x-4 gap-y-1 text-sm">
          <Link href={`/forgot-password${returnQuery}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("forgotPassword")}</Link>
          <Link href={`/sign-in/email${returnQuery}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("emailMeALink")}</Link>
        </p>
      ) : null}
      {state && !state.ok ? <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">{state.message}</p> : null}
      <button type="submit" disabled={pending} className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {mode === "sign-in" ? t("signIn") : t("createAccount")}
      </button>
      <p className="text-center text-sm">
        {mode === "sign-in" ? t("newHere") : t("haveAccount")}{" "}
        <Link href={`${other}${returnQuery}`} className="font-semibold text-brand-700 underline">
          {mode === "sign-in" ? t("createAnAccount") : t("signIn")}
        </Link>
      </p>
    </form>
  );
}
