"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

type Props = { email: string; action: (state: ActionState, formData: FormData) => Promise<ActionState> };

/** For a signed-in account whose email is not verified yet: it may buy, and is asked to verify. */
export function VerifyEmailBanner({ email, action }: Props) {
  const t = useTranslations("auth");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    // A labelled section is the landmark (a form may not take the region role).
    <section aria-label={t("verifyBannerLabel")} className="border-b border-brand-100 bg-brand-50 px-4 py-2 text-sm">
    <form action={formAction}>
      <p className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1">
        <span className="min-w-0 break-words">{t("verifyBanner", { email })}</span>
        {state?.ok ? (
          <span role="status" className="font-medium">{state.message}</span>
        ) : (
          <button type="submit" disabled={pending} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline disabled:opacity-60">
            {t("resendLink")}
          </button>
        )}
        {state && !state.ok ? <span role="alert" className="font-medium text-red-800">{state.message}</span> : null}
      </p>
    </form>
    </section>
  );
}
