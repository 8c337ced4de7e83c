"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

export function CancelBookingForm({ orderId, action }: { orderId: string; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations("order");
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <input type="hidden" name="orderId" value={orderId} />
      {state ? <p role="status" className={state.ok ? "text-green-800" : "text-red-700"}>{state.message}</p> : null}
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg border border-red-300 bg-white px-4 font-medium text-red-800 hover:bg-red-50">
        {t("cancelBooking")}
      </button>
    </form>
  );
}
