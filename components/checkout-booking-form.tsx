"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { FormFailure } from "./form-failure";
import type { Question } from "@/lib/questions/question";
import { AttendeeFields, type AttendeePlace } from "./attendee-fields";
import { GuestFields } from "./guest-fields";

type Props = {
  resourceId: string;
  start: string;
  minutes: number;
  /** The price the buyer sees: the purchase refuses another one. */
  expectedTotalMinor?: number;
  /** This form's own key: posting it again finds the order the first post made. */
  formKey: string;
  /** Signed out: where to sign in instead of booking as a guest (null when signed in). */
  signInHref: string | null;
  questions: Question[];
  place: AttendeePlace;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

export function CheckoutBookingForm({ resourceId, start, minutes, expectedTotalMinor, formKey, signInHref, questions, place, action }: Props) {
  const t = useTranslations("ticketPanel");
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const fieldError = errors.start ?? errors.minutes ?? errors.resourceId;
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <input type="hidden" name="resourceId" value={resourceId} />
      <input type="hidden" name="start" value={start} />
      <input type="hidden" name="minutes" value={minutes} />
      <input type="hidden" name="requestKey" value={formKey} />
      {expectedTotalMinor === undefined ? null : <input type="hidden" name="expectedTotalMinor" value={expectedTotalMinor} />}
      {signInHref ? <GuestFields errors={errors} signInHref={signInHref} /> : null}
      <AttendeeFields places={[place]} questions={questions} errors={errors} headingLevel={2} />
      {fieldError ? <p className="text-sm font-medium text-red-700">{fieldError}</p> : null}
      {state && !state.ok && !fieldError ? <FormFailure state={state} /> : null}
      <button type="submit" disabled={pending} className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? t("reserving") : t("reserveAndPay")}
      </button>
    </form>
  );
}
