"use client";
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import { Link } from "@/lib/i18n/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { FormFailure } from "./form-failure";
import { formatMoney } from "@/lib/money";
import type { TicketQuote } from "@/lib/orders/quote";
import type { Question } from "@/lib/questions/question";
import { AttendeeFields } from "./attendee-fields";
import { GuestFields } from "./guest-fields";

type Props = {
  /** The choice as the quote priced it; null when nothing is chosen or the quote refused it. */
  quote: TicketQuote | null;
  /** Why the quote refused the choice, in the buyer's language. */
  refusal: string | null;
  /** This form's own key: posting it again finds the order the first post made. */
  formKey: string;
  changeHref: string;
  /** Signed out: where to sign in instead of buying as a guest (null when signed in). */
  signInHref: string | null;
  /** The event's questions (lib/questions). */
  questions: Question[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/**
 * The review step of a choice that came along in the URL (a buyer who signed in on the way, or a
 * shared link): what was chosen and the total, who the tickets are for, and one button to
 * reserve and pay (a guest gives an email and a name here). Quantities are changed back
 * on the event page, not asked a second time here.
 */
export function CheckoutTicketsForm({ quote, refusal, formKey, changeHref, signInHref, questions, action }: Props) {
  const t = useTranslations("checkout");
  const tPanel = useTranslations("ticketPanel");
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  if (!quote) {
    return (
      <p className="rounded-2xl border border-stone-200 bg-white p-4" role={refusal ? "alert" : undefined}>
        {refusal ?? t("noneChosen")} <Link href={changeHref} className="font-medium text-brand-700 underline">{t(refusal ? "changeTickets" : "chooseTickets")}</Link>
      </p>
    );
  }
  const { lines, totalMinor, currency } = quote;
  const total = formatMoney(totalMinor, currency, locale);

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <input type="hidden" name="expectedTotalMinor" value={totalMinor} />
      <input type="hidden" name="requestKey" value={formKey} />
      <ul className="flex flex-col divide-y divide-stone-100 rounded-2xl border border-stone-200 bg-white px-4">
        {lines.map((line) => {
          const error = errors[`quantity.${line.ticketTypeId}`];
          return (
            <li key={line.ticketTypeId} className="flex flex-col gap-1 py-3">
              <div className="flex items-baseline justify-between gap-3">
                <span><span className="font-semibold">{line.quantity} ×</span> {line.name} <span className="text-sm text-stone-700">{t("unitPrice", { price: formatMoney(line.unitPriceMinor, currency, locale) })}</span></span>
                <span className="font-medium">{formatMoney(line.totalMinor, currency, locale)}</span>
              </div>
              <input type="hidden" name={`qty_${line.ticketTypeId}`} value={line.quantity} />
              {error ? <p className="text-sm font-medium text-red-700" role="alert">{error}</p> : null}
            </li>
          );
        })}
        <li className="flex justify-between py-3 text-lg font-semibold"><span>{t("total")}</span><span data-testid="checkout-total">{total}</span></li>
      </ul>
      {errors.items ? <p className="text-sm font-medium text-red-700" role="alert">{errors.items}</p> : null}
      {signInHref ? <GuestFields errors={errors} signInHref={signInHref} /> : null}
      <AttendeeFields places={lines.flatMap((line) => Array.from({ length: line.quantity }, () => ({ ticketTypeId: line.ticketTypeId, label: line.name })))} questions={questions} errors={errors} headingLevel={2} />
      <FormFailure state={state} />
      <p className="text-sm text-stone-700">
        {t("heldWhilePaying")} <Link href={changeHref} className="font-medium text-brand-700 underline">{t("changeTickets")}</Link>
      </p>
      <button type="submit" disabled={pending} className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? tPanel("reserving") : totalMinor === 0 ? tPanel("getFree") : tPanel("reserveAndPayTotal", { total })}
      </button>
    </form>
  );
}
