"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

const field = "min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base";

/**
 * "This ticket is for…" on the order page (issue 27.3): the buyer changes a ticket's holder
 * until the event's cutoff. Saving re-issues the ticket (a new code), so the form says so.
 */
export function HolderForm(props: {
  orderId: string;
  ticketId: string;
  access: string | null;
  name: string;
  email: string | null;
  /** Already formatted on the venue's clock. */
  until: string;
  index: number;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("order");
  const [state, formAction, pending] = useActionState(props.action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const id = `holder-${props.ticketId}`;
  return (
    <details className="self-stretch" open={state !== null && !state.ok}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-brand-700 underline">{t("changeHolder", { index: props.index })}</summary>
      <form action={formAction} className="mt-2 flex flex-col gap-3" aria-describedby={`${id}-note`}>
        <input type="hidden" name="orderId" value={props.orderId} />
        <input type="hidden" name="ticketId" value={props.ticketId} />
        {props.access ? <input type="hidden" name="access" value={props.access} /> : null}
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("holderName")}
          <input name="name" defaultValue={props.name} required maxLength={100} autoComplete="off" aria-invalid={errors.name ? true : undefined} className={field} />
          {errors.name ? <span className="font-medium text-red-700" role="alert">{errors.name}</span> : null}
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("holderEmail")}
          <input type="email" name="email" defaultValue={props.email ?? ""} inputMode="email" autoComplete="off" aria-invalid={errors.email ? true : undefined} aria-describedby={`${id}-email-hint`} className={field} />
          <span id={`${id}-email-hint`} className="font-normal text-stone-600">{t("holderEmailHint")}</span>
          {errors.email ? <span className="font-medium text-red-700" role="alert">{errors.email}</span> : null}
        </label>
        <p id={`${id}-note`} className="text-sm text-stone-700">{t("holderChangeNote", { until: props.until })}</p>
        {state && !state.ok ? <p role="alert" className="font-medium text-red-700">{state.message}</p> : null}
        <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {t("saveHolder")}
        </button>
      </form>
    </details>
  );
}
