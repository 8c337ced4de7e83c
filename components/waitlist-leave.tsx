"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/** "Leave the waiting list" on the entry's private page (issue 29.3); the answer is announced. */
export function WaitlistLeave({ action }: { action: (state: ActionState) => Promise<ActionState> }) {
  const t = useTranslations("waitlist");
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) return <p role="status" className="rounded-xl bg-green-50 p-3 font-medium text-green-900" data-testid="waitlist-left">{state.message}</p>;
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <div>
        <button type="submit" disabled={pending} className="min-h-12 rounded-xl border border-red-700 px-4 font-semibold text-red-800 disabled:opacity-60">
          {pending ? t("leaving") : t("leave")}
        </button>
      </div>
      {state && !state.ok ? <p role="alert" className="text-sm font-medium text-red-700">{state.message}</p> : null}
    </form>
  );
}
