"use client";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

/**
 * Cancel the order or one ticket (issue 29.1): a first press says what comes back, a second
 * cancels (the action then goes back to the order page, which says what was cancelled). `refund` and `fee` arrive formatted; null for an unpaid order (nothing to refund).
 */
export function CancelForm(props: {
  orderId: string;
  ticketId?: string;
  access: string | null;
  label: string;
  refund: string | null;
  fee: string | null;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("order");
  const [state, formAction, pending] = useActionState(props.action, null);
  const [asking, setAsking] = useState(false);
  return (
    <form action={formAction} className="flex w-full flex-col gap-2">
      <input type="hidden" name="orderId" value={props.orderId} />
      {props.ticketId ? <input type="hidden" name="ticketId" value={props.ticketId} /> : null}
      {props.access ? <input type="hidden" name="access" value={props.access} /> : null}
      {state ? <p role="alert" className="text-red-700">{state.message}</p> : null}
      {asking ? (
        <div className="flex flex-col gap-2 rounded-xl border border-red-200 bg-red-50 p-3">
          <p className="text-stone-900">
            {props.refund === null ? t("cancelNothingToRefund") : props.fee ? t("cancelRefundFee", { refund: props.refund, fee: props.fee }) : t("cancelRefund", { refund: props.refund })}
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="submit" disabled={pending} className="min-h-11 flex-1 rounded-lg bg-red-700 px-4 font-semibold text-white hover:bg-red-800">
              {t("confirmCancel")}
            </button>
            <button type="button" onClick={() => setAsking(false)} className="min-h-11 flex-1 rounded-lg border border-stone-300 bg-white px-4 font-medium text-stone-800">
              {t("keepIt")}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)} className="min-h-11 rounded-lg border border-red-300 bg-white px-4 font-medium text-red-800 hover:bg-red-50">
          {props.label}
        </button>
      )}
    </form>
  );
}
