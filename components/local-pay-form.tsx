"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/** `access`: the order's private link, for a buyer without an account (a guest). */
type Props = { orderId: string; amount: string; access?: string | null; action: (state: ActionState, formData: FormData) => Promise<ActionState> };

export function LocalPayForm({ orderId, amount, access, action }: Props) {
  const t = useTranslations("pay");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="orderId" value={orderId} />
      {access ? <input type="hidden" name="access" value={access} /> : null}
      {state && !state.ok ? <p role="alert" className="rounded-lg bg-red-50 p-3 font-medium text-red-800">{state.message}</p> : null}
      <button name="outcome" value="succeed" disabled={pending} className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {t("payTest", { amount })}
      </button>
      <details className="rounded-lg border border-stone-200 p-3 text-sm">
        <summary className="cursor-pointer font-medium">{t("otherOutcome")}</summary>
        <div className="mt-3 flex flex-col gap-2">
          <button name="outcome" value="decline" disabled={pending} className="min-h-11 rounded-lg border border-stone-300 bg-white font-medium">{t("decline")}</button>
          <button name="outcome" value="late" disabled={pending} className="min-h-11 rounded-lg border border-stone-300 bg-white font-medium">{t("late")}</button>
        </div>
      </details>
    </form>
  );
}
