"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { WaitlistGuestFields } from "./waitlist-guest-fields";

const field = "min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base";

type Props = {
  /** The sold-out ticket types of the chosen date: the visitor picks one (one: that one). */
  types: { id: string; name: string }[];
  maxPerOrder: number;
  offerHours: number;
  signedIn: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/**
 * "Join the waiting list" under the buy panel of a sold-out date or ticket type (issue 29.3):
 * how many places, and for a guest an email and a name. Its own form beside the buy form (forms
 * do not nest); the answer says where the visitor stands.
 */
export function WaitlistJoin({ types, maxPerOrder, offerHours, signedIn, action }: Props) {
  const t = useTranslations("waitlist");
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  if (types.length === 0) return null;
  if (state?.ok) {
    return <p role="status" className="rounded-xl bg-green-50 p-3 text-sm font-medium text-green-900" data-testid="waitlist-joined">{state.message}</p>;
  }
  const described = (name: string) => (errors[name] ? `${id}-${name}-error` : undefined);
  const error = (name: string) => (errors[name] ? <span id={`${id}-${name}-error`} className="font-medium text-red-700">{errors[name]}</span> : null);
  return (
    <details className="rounded-xl border border-stone-200 px-3" open={types.length > 0 ? true : undefined} data-testid="waitlist-join">
      <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold">{t("heading")}</summary>
      <form action={formAction} className="flex flex-col gap-3 pb-3">
        <p className="text-sm text-stone-700">{t("intro", { hours: offerHours })}</p>
        {types.length === 1 ? (
          <input type="hidden" name="ticketTypeId" value={types[0].id} />
        ) : (
          <label className="flex flex-col gap-1 text-sm font-medium">
            {t("ticketType")}
            <select name="ticketTypeId" className={field} aria-invalid={errors.ticketTypeId ? true : undefined} aria-describedby={described("ticketTypeId")}>
              {types.map((type) => <option key={type.id} value={type.id}>{type.name}</option>)}
            </select>
            {error("ticketTypeId")}
          </label>
        )}
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("quantity")}{types.length === 1 ? ` (${types[0].name})` : ""}
          <input type="number" name="quantity" min={1} max={maxPerOrder} defaultValue={1} inputMode="numeric" required className={field} aria-invalid={errors.quantity ? true : undefined} aria-describedby={described("quantity")} />
          {error("quantity")}
        </label>
        {signedIn ? null : <WaitlistGuestFields errors={errors} idPrefix={id} />}
        {state && !state.ok ? <p role="alert" className="text-sm font-medium text-red-700">{state.message}</p> : null}
        <button type="submit" disabled={pending} className="min-h-12 rounded-xl border border-brand-600 px-4 font-semibold text-brand-700 disabled:opacity-60">
          {pending ? t("joining") : t("join")}
        </button>
      </form>
    </details>
  );
}
