"use client";
import { useTranslations } from "next-intl";
import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { WaitlistGuestFields } from "./waitlist-guest-fields";

type Props = {
  resourceId: string;
  startsAt: string;
  endsAt: string;
  /** The chosen time as the panel shows it ("10:00, 2 hours"). */
  label: string;
  offerHours: number;
  signedIn: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/**
 * "Join the waiting list for this time" under the booking panel when the chosen time is taken
 * (docs/decisions/0021): for a guest an email and a name, signed in nothing more. Its own form
 * beside the booking form (forms do not nest); the panel keys it by the chosen range, so a new
 * choice starts afresh.
 */
export function BookingWaitlistJoin({ resourceId, startsAt, endsAt, label, offerHours, signedIn, action }: Props) {
  const t = useTranslations("waitlist");
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  if (state?.ok) {
    return <p role="status" className="rounded-xl bg-green-50 p-3 text-sm font-medium text-green-900" data-testid="waitlist-joined">{state.message}</p>;
  }
  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-stone-200 p-3" data-testid="booking-waitlist-join">
      <h3 id={`${id}-heading`} className="text-sm font-semibold">{t("rangeHeading")}</h3>
      <form action={formAction} className="mt-2 flex flex-col gap-3">
        <p className="text-sm text-stone-700">{t("rangeIntro", { time: label, hours: offerHours })}</p>
        <input type="hidden" name="resourceId" value={resourceId} />
        <input type="hidden" name="startsAt" value={startsAt} />
        <input type="hidden" name="endsAt" value={endsAt} />
        {signedIn ? null : <WaitlistGuestFields errors={errors} idPrefix={id} />}
        {state && !state.ok ? <p role="alert" className="text-sm font-medium text-red-700">{state.message}</p> : null}
        <button type="submit" disabled={pending} className="min-h-12 rounded-xl border border-brand-600 px-4 font-semibold text-brand-700 disabled:opacity-60">
          {pending ? t("joining") : t("join")}
        </button>
      </form>
    </section>
  );
}
