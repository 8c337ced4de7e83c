"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { AcceptState } from "@/app/[locale]/(store)/invitation/actions";

/** "Accept and join" on an invitation's page; then where the new member goes (the dashboard, or the door scanner). */
export function AcceptInvitation({ action, label }: { action: (state: AcceptState) => Promise<AcceptState>; label: string }) {
  const t = useTranslations("hostInvitation");
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className="rounded-xl bg-green-50 p-3 font-medium text-green-900" data-testid="invitation-accepted">{state.message}</p>
        <div>
          {/* Not the store's locale-aware Link: the dashboard and the scanner have no locale prefix. */}
          <a href={state.next} className="inline-flex min-h-12 items-center rounded-xl bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
            {state.next === "/check-in" ? t("openDoor") : t("openDashboard")}
          </a>
        </div>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <div>
        <button type="submit" disabled={pending} className="min-h-12 rounded-xl bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? t("accepting") : label}
        </button>
      </div>
      {state && !state.ok ? <p role="alert" className="text-sm font-medium text-red-700">{state.message}</p> : null}
    </form>
  );
}
