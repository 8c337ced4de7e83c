"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/** "Continue to payment" on a pending order: the action sends the buyer back to where they pay. */
export function ResumePaymentForm({ orderId, action }: { orderId: string; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations("order");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="mt-2 flex flex-col items-start gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      {state && !state.ok ? <p role="alert" className="text-red-700">{state.message}</p> : null}
      <button type="submit" disabled={pending} className="min-h-11 font-semibold text-brand-700 underline disabled:opacity-60">
        {t("continueToPayment")}
      </button>
    </form>
  );
}
