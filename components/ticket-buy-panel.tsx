"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { Link } from "@/lib/i18n/navigation";
import { localePath } from "@/lib/i18n/paths";
import { formatMoney } from "@/lib/money";
import type { SaleRules } from "@/lib/orders/quote";
import { quoteTickets } from "@/lib/orders/quote-tickets";
import { FormFailure } from "./form-failure";
import { GuestFields } from "./guest-fields";
import { AttendeeFields } from "./attendee-fields";
import { LiveRemaining } from "./live-remaining";
import { VoucherField } from "./voucher-field";
import { WaitlistJoin } from "./waitlist-join";
import type { AppliedVoucher } from "@/app/[locale]/(store)/checkout/actions";
import type { RevealedType } from "@/lib/checkout/apply-voucher";
import type { VoucherOffer } from "@/lib/orders/voucher";

/** `priceMinor`: one place now (its early tier); `opensAt`/`opensLabel`: when its sales open, if not yet. */
export type BuyTicketType = { id: string; name: string; description: string; priceMinor: number; currency: string; remaining: number; opensAt?: string | null; opensLabel?: string | null };
export type BuySession = {
  id: string;
  /** ISO instant, for <time dateTime>. */
  startsAt: string;
  /** Already on the venue's clock: "Sat 12 Dec" and "20:30". */
  dayLabel: string;
  timeLabel: string;
  onSale: boolean;
  remaining: number;
  ticketTypes: BuyTicketType[];
};

type Props = {
  slug: string;
  sessions: BuySession[];
  /** The event's rules, for the quote that prices the choice (the same the purchase commits). */
  rules: SaleRules;
  /** When the page was made (ms): the quote judges "on sale" at this moment on server and browser alike. */
  quotedAt: number;
  /** This form's own key: posting it again (a retry, a double tap) finds the order the first post made. */
  formKey: string;
  maxPerOrder: number;
  /** Signed in: the panel reserves for the account. Signed out: for a guest, who gives an email and a name here (or signs in). */
  signedIn: boolean;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Checks a typed code: its discount and the hidden types it reveals (issue 28). */
  applyVoucher: (slug: string, code: string) => Promise<AppliedVoucher>;
  /** A code the page was opened with (`?voucher=`, a waiting-list offer's link): applied at once. */
  initialVoucher?: string;
  /** Joining a sold-out type's waiting list (issue 29.3); absent: no waiting list. */
  waitlist?: { offerHours: number; action: (state: ActionState, formData: FormData) => Promise<ActionState> };
};

/** `offered`: the places a waiting-list offer holds for this code, by ticket type (there for this buyer only). */
type Applied = { voucher: VoucherOffer; revealed: RevealedType[]; offered?: Record<string, number> };

/** The dates as this buyer may buy them: a waiting-list offer's held places count as left for its holder. */
function withOffered(sessions: BuySession[], offered: Record<string, number> | undefined): BuySession[] {
  if (!offered || Object.keys(offered).length === 0) return sessions;
  return sessions.map((session) => {
    const extra = session.ticketTypes.reduce((sum, type) => sum + (offered[type.id] ?? 0), 0);
    if (extra === 0) return session;
    return { ...session, remaining: session.remaining + extra, ticketTypes: session.ticketTypes.map((type) => ({ ...type, remaining: type.remaining + (offered[type.id] ?? 0) })) };
  });
}

type Quantities = Record<string, number>;

function buyable(session: BuySession): boolean {
  return session.onSale && session.remaining > 0;
}

/** Not on sale yet at the page's moment (its sales open later). */
function notYet(type: BuyTicketType, quotedAt: number): boolean {
  return type.opensAt != null && Date.parse(type.opensAt) > quotedAt;
}

/** One ticket of the first type with places left: most orders are one ticket, so that is one tap saved. */
function startingQuantities(session: BuySession | undefined, quotedAt: number): Quantities {
  const first = session?.ticketTypes.find((type) => type.remaining > 0 && !notYet(type, quotedAt));
  return first && session && buyable(session) ? { [first.id]: 1 } : {};
}

/**
 * Date, quantities and total in one place on the event page, and the button that reserves
 * the places and goes straight to payment. The total is on the button, so it is always seen
 * before paying. A refusal (sold out, too many, very busy) is shown right here, the choice
 * is kept, and the page's figures are refreshed so the buyer can choose again.
 */
export function TicketBuyPanel({ slug, sessions: listed, rules: listedRules, quotedAt, formKey, maxPerOrder, signedIn, action, applyVoucher, initialVoucher, waitlist }: Props) {
  const t = useTranslations("ticketPanel");
  const locale = useLocale();
  const router = useRouter();
  const [state, formAction, pending] = useActionState(action, null);
  const [applied, setApplied] = useState<Applied | null>(null);
  // A code may reveal hidden types (a presale): they join their dates' lists and the quote's rules.
  const sessions = withOffered(
    applied ? listed.map((entry) => ({ ...entry, ticketTypes: [...entry.ticketTypes, ...applied.revealed.filter((r) => r.sessionId === entry.id).map((r) => r.type)] })) : listed,
    applied?.offered,
  );
  const rules = applied ? { ...listedRules, ticketTypes: [...listedRules.ticketTypes, ...applied.revealed.map((r) => r.offer)] } : listedRules;
  const [sessionId, setSessionId] = useState(() => (listed.find(buyable) ?? listed[0])?.id);
  const session = sessions.find((candidate) => candidate.id === sessionId);
  const [quantities, setQuantities] = useState<Quantities>(() => startingQuantities(session, quotedAt));
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};

  useEffect(() => {
    if (state && !state.ok) router.refresh();
  }, [state, router]);

  // Opened from a waiting-list offer's email (`?voucher=`): the code is applied once, and its
  // held places are chosen on their date.
  const [initialProblem, setInitialProblem] = useState<string | null>(null);
  const appliedInitial = useRef(false);
  useEffect(() => {
    if (!initialVoucher || appliedInitial.current) return;
    appliedInitial.current = true;
    void applyVoucher(slug, initialVoucher).then((answer) => {
      if (!answer) return;
      if (!answer.ok) {
        setInitialProblem(answer.message);
        return;
      }
      setApplied({ voucher: answer.voucher, revealed: answer.revealed, offered: answer.offered });
      const [typeId, quantity] = Object.entries(answer.offered)[0] ?? [];
      const home = typeId ? listed.find((candidate) => candidate.ticketTypes.some((type) => type.id === typeId)) : undefined;
      if (home && typeId && quantity) {
        setSessionId(home.id);
        setQuantities({ [typeId]: quantity });
      }
    });
  }, [initialVoucher, applyVoucher, slug, listed]);

  if (!session) return <p className="text-stone-700">{t("noDates")}</p>;

  const selection = session.ticketTypes.map((type) => ({ ticketTypeId: type.id, quantity: quantities[type.id] ?? 0 }));
  const quoted = quoteTickets(rules, selection, { now: new Date(quotedAt), eventNamed: false, voucher: applied?.voucher ?? null });
  const count = quoted.ok ? quoted.quote.places : 0;
  const totalMinor = quoted.ok ? quoted.quote.totalMinor : 0;
  const total = formatMoney(totalMinor, quoted.ok ? quoted.quote.currency : session.ticketTypes[0]?.currency ?? "EUR", locale);

  // Each chosen ticket, in the order of the list: the holders' fields follow it (the server reads the same order).
  const places = buyable(session)
    ? session.ticketTypes.flatMap((type) => Array.from({ length: quantities[type.id] ?? 0 }, () => ({ ticketTypeId: type.id, label: type.name })))
    : [];

  function chooseSession(id: string) {
    setSessionId(id);
    setQuantities(startingQuantities(sessions.find((candidate) => candidate.id === id), quotedAt));
  }

  function change(typeId: string, by: number, max: number) {
    setQuantities((current) => ({ ...current, [typeId]: Math.max(0, Math.min(max, (current[typeId] ?? 0) + by)) }));
  }

  // Sold-out types of this date (as listed: an offer's places are not "sold out" to its holder only).
  const listedSession = listed.find((candidate) => candidate.id === session.id);
  const soldOut = waitlist && session.onSale && listedSession
    ? listedSession.ticketTypes.filter((type) => type.remaining <= 0 && !notYet(type, quotedAt) && !applied?.offered?.[type.id]).map((type) => ({ id: type.id, name: type.name }))
    : [];

  return (
    <>
    <form
      id="buy-form"
      action={formAction}
      className="flex flex-col gap-4"
      aria-describedby="buy-total"
    >
      <input type="hidden" name="requestKey" value={formKey} />
      {applied ? <input type="hidden" name="voucher" value={applied.voucher.code} /> : null}
      {/* The total the buyer sees: the purchase refuses another one (a price changed meanwhile). */}
      {quoted.ok ? <input type="hidden" name="expectedTotalMinor" value={totalMinor} /> : null}
      {sessions.length > 1 ? (
        <fieldset className="min-w-0">
          <legend className="mb-2 text-sm font-semibold">{t("date")}</legend>
          {/* Each chip is `relative` so its visually hidden radio stays inside the scrolling row
              (longer day names, as in Portuguese, would otherwise widen the page). On a phone the
              dates scroll sideways; in the wide screen's side panel they wrap, none cut at its edge. */}
          <div className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 [scrollbar-width:thin] lg:mx-0 lg:flex-wrap lg:overflow-visible lg:px-0">
            {sessions.map((candidate) => (
              <label
                key={candidate.id}
                className={`relative flex min-h-14 min-w-24 shrink-0 cursor-pointer flex-col items-center justify-center rounded-xl border px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${buyable(candidate) ? "border-stone-300 bg-white" : "border-stone-200 bg-stone-50 text-stone-600"}`}
              >
                <input type="radio" name="date-choice" value={candidate.id} checked={candidate.id === session.id} onChange={() => chooseSession(candidate.id)} className="sr-only" />
                <time dateTime={candidate.startsAt} className="font-semibold whitespace-nowrap">{candidate.dayLabel}</time>
                <span className="whitespace-nowrap">{candidate.timeLabel}{buyable(candidate) ? "" : candidate.onSale ? t("soldOutSuffix") : t("closedSuffix")}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <p className="font-semibold">
          <time dateTime={session.startsAt}>{session.dayLabel}, {session.timeLabel}</time>
        </p>
      )}

      {buyable(session) ? (
        <ul className="flex flex-col divide-y divide-stone-100" aria-label={t("ticketsLabel")}>
          {session.ticketTypes.map((type) => {
            const quantity = quantities[type.id] ?? 0;
            const max = Math.min(maxPerOrder, type.remaining);
            const error = errors[`quantity.${type.id}`];
            const nameId = `type-${type.id}`;
            const line = quoted.ok ? quoted.quote.lines.find((candidate) => candidate.ticketTypeId === type.id) : undefined;
            const discounted = line?.listUnitPriceMinor !== undefined && line.listUnitPriceMinor !== line.unitPriceMinor ? line.unitPriceMinor : null;
            const waiting = notYet(type, quotedAt);
            return (
              <li key={type.id} className="flex flex-col gap-1 py-2.5">
                <div className="flex items-center justify-between gap-3">
                  <div className="flex min-w-0 flex-col">
                    <span id={nameId} className="font-medium">{type.name}</span>
                    <span className="text-sm text-stone-700">
                      {discounted !== null ? (
                        <>
                          <s className="text-stone-500">{formatMoney(type.priceMinor, type.currency, locale)}</s> <span className="font-semibold text-green-800">{formatMoney(discounted, type.currency, locale)}</span>
                        </>
                      ) : (
                        formatMoney(type.priceMinor, type.currency, locale)
                      )}{" "}
                      ·{" "}
                      {waiting ? <span data-testid="opens-at">{t("onSaleFrom", { when: type.opensLabel ?? "" })}</span> : <LiveRemaining sessionId={session.id} ticketTypeId={type.id} initialRemaining={type.remaining} />}
                    </span>
                  </div>
                  {waiting ? <input type="hidden" name={`qty_${type.id}`} value={0} /> : (
                  <div className="flex shrink-0 items-center gap-1" role="group" aria-labelledby={nameId}>
                    <button type="button" onClick={() => change(type.id, -1, max)} disabled={quantity === 0} aria-label={t("oneLess", { name: type.name })} className="grid size-11 place-items-center rounded-full border border-stone-300 bg-white text-xl font-semibold disabled:opacity-40">−</button>
                    <output aria-live="polite" aria-label={t("countOf", { name: type.name })} className="w-8 text-center text-lg font-semibold tabular-nums">{quantity}</output>
                    <button type="button" onClick={() => change(type.id, 1, max)} disabled={quantity >= max} aria-label={t("oneMore", { name: type.name })} className="grid size-11 place-items-center rounded-full border border-stone-300 bg-white text-xl font-semibold disabled:opacity-40">+</button>
                    <input type="hidden" name={`qty_${type.id}`} value={quantity} />
                  </div>
                  )}
                </div>
                {error ? <p className="text-sm font-medium text-red-700" role="alert">{error}</p> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="rounded-xl bg-stone-100 p-3 font-medium text-stone-800">
          {session.onSale ? t("soldOutOnDate") : t("salesClosed")} {sessions.some(buyable) ? t("chooseAnother") : ""}
        </p>
      )}

      {errors.items ? <p className="text-sm font-medium text-red-700" role="alert">{errors.items}</p> : null}
      {buyable(session) ? (
        <VoucherField
          slug={slug}
          applied={applied}
          discountMinor={quoted.ok ? (quoted.quote.voucher?.discountMinor ?? 0) : 0}
          currency={quoted.ok ? quoted.quote.currency : (session.ticketTypes[0]?.currency ?? "EUR")}
          error={errors.voucher}
          applyVoucher={applyVoucher}
          onApplied={setApplied}
        />
      ) : null}
      {signedIn || !buyable(session) ? null : <GuestFields errors={errors} signInHref={localePath(locale, `/sign-in?callbackUrl=${encodeURIComponent(`/events/${slug}`)}`)} />}
      <AttendeeFields places={places} questions={rules.questions} errors={errors} />
      <FormFailure state={state} />

      {buyable(session) ? (
        <div className="flex flex-col gap-2">
          <p id="buy-total" className="flex items-baseline justify-between text-lg font-semibold" aria-live="polite">
            <span>{count === 0 ? t("chooseTickets") : t("ticketCount", { count })}</span>
            <span data-testid="buy-total">{count === 0 ? "" : total}</span>
          </p>
          <button type="submit" disabled={pending || count === 0} className="min-h-12 rounded-xl bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
            {pending ? t("reserving") : totalMinor === 0 && count > 0 ? t("getFree") : count > 0 ? t("reserveAndPayTotal", { total }) : t("reserveAndPay")}
          </button>
          <p className="text-xs text-stone-600">
            {t("limits", { max: maxPerOrder })}{" "}
            <Link href={`/events/${slug}/calendar/${session.id}`} prefetch={false} className="font-medium text-brand-700 underline">{t("addToCalendar")}</Link>
          </p>
        </div>
      ) : null}
      {initialProblem ? <p className="text-sm font-medium text-red-700" role="alert">{initialProblem}</p> : null}
    </form>
    {waitlist && soldOut.length > 0 ? (
      <WaitlistJoin key={session.id} types={soldOut} maxPerOrder={maxPerOrder} offerHours={waitlist.offerHours} signedIn={signedIn} action={waitlist.action} />
    ) : null}
    </>
  );
}
