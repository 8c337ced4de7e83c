"use client";
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useEffect, useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { ResourceView } from "@/lib/catalog/types";
import { useRouter } from "@/lib/i18n/navigation";
import { localePath } from "@/lib/i18n/paths";
import { formatMoney } from "@/lib/money";
import { bookableLengths, bookingPriceMinor } from "@/lib/orders/quote-booking";
import { FormFailure } from "./form-failure";
import { GuestFields } from "./guest-fields";
import { AttendeeFields } from "./attendee-fields";
import { BookingWaitlistJoin } from "./booking-waitlist-join";
import type { Question } from "@/lib/questions/question";

export type BookingSlot = { minute: number; startsAt: string; label: string; free: boolean };

type Props = {
  slug: string;
  resource: ResourceView;
  date: string;
  /** The chosen day, written out on the venue's clock (with the year when not this year). */
  dayLabel: string;
  minDate: string;
  minutes: number;
  slots: BookingSlot[];
  signedIn: boolean;
  /** The event's questions (lib/questions): a booking is one ticket, with its holder. */
  questions: Question[];
  /** This form's own key: posting it again finds the order the first post made. */
  formKey: string;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** A waiting-list offer from its email's link (docs/decisions/0021): its code and the start it holds, bookable only with the code. */
  offer?: { code: string; startsAt: string } | null;
  /** Joining the waiting list for a taken time (absent: taken times cannot be chosen). */
  waitlist?: { offerHours: number; action: (state: ActionState, formData: FormData) => Promise<ActionState> };
};

const field = "min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base";

type Translate = ReturnType<typeof useTranslations<"bookingPanel">>;

function lengthLabel(t: Translate, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t("minutes", { minutes: rest });
  return rest === 0 ? t("hours", { hours }) : t("hoursMinutes", { hours, minutes: rest });
}

/** The free starts closest to `minute`, in time order: what to offer after a refusal. */
function nearestFree(slots: BookingSlot[], minute: number, count = 3): BookingSlot[] {
  return slots
    .filter((slot) => slot.free && slot.minute !== minute)
    .sort((a, b) => Math.abs(a.minute - minute) - Math.abs(b.minute - minute) || a.minute - b.minute)
    .slice(0, count)
    .sort((a, b) => a.minute - b.minute);
}

/**
 * Day, length and start of a bookable experience, and the button that reserves it and goes
 * to payment. Changing the day or length reloads the free times at once (the URL keeps the
 * choice). A refusal is announced, keeps the chosen time, and offers the nearest free ones.
 */
export function BookingBuyPanel({ slug, resource, date, dayLabel, minDate, minutes, slots: shownSlots, signedIn, questions, formKey, action, offer, waitlist }: Props) {
  const t = useTranslations("bookingPanel");
  const tPanel = useTranslations("ticketPanel");
  const tWaitlist = useTranslations("waitlist");
  const locale = useLocale();
  const router = useRouter();
  const [loadingTimes, startLoading] = useTransition();
  const [state, formAction, pending] = useActionState(action, null);
  // The time a waiting-list offer holds is taken for everyone else, and free for its holder.
  const slots = offer ? shownSlots.map((slot) => (slot.startsAt === offer.startsAt ? { ...slot, free: true } : slot)) : shownSlots;
  const offered = offer && slots.some((slot) => slot.startsAt === offer.startsAt) ? offer : null;
  const firstFree = offered?.startsAt ?? slots.find((slot) => slot.free)?.startsAt ?? "";
  const [start, setStart] = useState(firstFree);
  const chosen = slots.find((slot) => slot.startsAt === start);
  const refused = state !== null && !state.ok;

  // New day or length: the old start is not among the new times, so take the first free one.
  // After a refusal the same times come back refreshed, and the buyer's choice is kept.
  const slotsKey = `${date}/${minutes}`;
  const [shownKey, setShownKey] = useState(slotsKey);
  if (shownKey !== slotsKey) {
    setShownKey(slotsKey);
    setStart(firstFree);
  }

  useEffect(() => {
    if (refused) router.refresh();
  }, [refused, state, router]);

  function showTimes(nextDate: string, nextMinutes: number) {
    if (!nextDate) return;
    startLoading(() => router.replace(`/events/${slug}?date=${nextDate}&minutes=${nextMinutes}#book`, { scroll: false }));
  }

  const lengths = bookableLengths(resource);
  const totalMinor = bookingPriceMinor(resource, minutes);
  const total = formatMoney(totalMinor, resource.currency, locale);
  const free = slots.filter((slot) => slot.free);
  const alternatives = refused && chosen ? nearestFree(slots, chosen.minute) : [];
  const canReserve = Boolean(chosen?.free) && !pending && !loadingTimes;
  const waitFor = waitlist && chosen && !chosen.free ? chosen : null;

  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-stone-700">
        {t("perSlot", { price: formatMoney(resource.priceMinorPerSlot, resource.currency, locale), minutes: resource.slotMinutes })}
      </p>
      <form method="get" action={localePath(locale, `/events/${slug}`)} className="grid grid-cols-2 gap-3" onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        showTimes(String(data.get("date")), Number(data.get("minutes")));
      }}>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("day")}
          <input type="date" name="date" defaultValue={date} min={minDate} className={field} required onChange={(event) => showTimes(event.currentTarget.value, minutes)} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          {t("length")}
          <select name="minutes" defaultValue={String(minutes)} className={field} onChange={(event) => showTimes(date, Number(event.currentTarget.value))}>
            {lengths.map((length) => (
              <option key={length} value={length}>{lengthLabel(t, length)}</option>
            ))}
          </select>
        </label>
        <noscript>
          <button type="submit" className="col-span-2 min-h-11 rounded-lg border border-stone-300 px-4 font-medium">{t("showTimes")}</button>
        </noscript>
      </form>

      <form
        action={formAction}
        className="flex flex-col gap-3"
        aria-busy={loadingTimes || undefined}
      >
        <input type="hidden" name="resourceId" value={resource.id} />
        <input type="hidden" name="expectedTotalMinor" value={totalMinor} />
        <input type="hidden" name="requestKey" value={formKey} />
        <input type="hidden" name="minutes" value={minutes} />
        <fieldset className="min-w-0">
          <legend className="mb-2 text-sm font-medium">
            {t("startOn", { day: dayLabel })}
            {loadingTimes ? <span className="ml-2 font-normal text-stone-600" role="status">{t("updating")}</span> : null}
          </legend>
          {free.length === 0 ? <p className="text-stone-700">{t("noFreeTimes")}</p> : null}
          {free.length === 0 && !waitlist ? null : (
            <div className={`grid grid-cols-4 gap-2 sm:grid-cols-6 ${loadingTimes ? "opacity-60" : ""}`}>
              {slots.map((slot) => (
                <label
                  key={slot.startsAt}
                  className={`relative flex min-h-11 items-center justify-center rounded-lg border text-sm font-medium has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${slot.free ? "cursor-pointer border-stone-300 bg-white" : "cursor-pointer border-stone-200 text-stone-600 line-through"}`}
                >
                  <input type="radio" name="start" value={slot.startsAt} data-free={slot.free || undefined} disabled={!slot.free && !waitlist && slot.startsAt !== start} checked={slot.startsAt === start} onChange={() => setStart(slot.startsAt)} className="sr-only" />
                  {slot.label}
                  {slot.free ? null : <span className="sr-only"> {t("taken")}</span>}
                </label>
              ))}
            </div>
          )}
        </fieldset>
        {offered && chosen?.startsAt === offered.startsAt ? (
          <>
            <input type="hidden" name="offerCode" value={offered.code} />
            <p className="rounded-xl bg-green-50 p-3 text-sm font-medium text-green-900" data-testid="booking-offer">{tWaitlist("rangeOffer")}</p>
          </>
        ) : null}
        {refused ? (
          <div className="flex flex-col gap-2">
            <FormFailure state={state} />
            {alternatives.length > 0 ? (
              <div className="flex flex-wrap items-center gap-2" data-testid="nearest-free">
                <span className="text-sm font-medium">{t("nearestFree")}</span>
                {alternatives.map((slot) => (
                  <button key={slot.startsAt} type="button" onClick={() => setStart(slot.startsAt)} className="min-h-11 rounded-lg border border-brand-600 bg-white px-3 text-sm font-semibold text-brand-700">
                    {slot.label}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
        ) : null}
        {free.length > 0 && !signedIn ? (
          // A guest books with an email and a name (issue 27), or signs in.
          <GuestFields errors={state && !state.ok ? state.fieldErrors ?? {} : {}} signInHref={localePath(locale, `/sign-in?callbackUrl=${encodeURIComponent(`/events/${slug}`)}`)} />
        ) : null}
        {free.length > 0 ? <AttendeeFields places={[{ ticketTypeId: null, label: resource.name }]} questions={questions} errors={state && !state.ok ? state.fieldErrors ?? {} : {}} /> : null}
        {free.length > 0 ? (
          <>
            <p className="flex items-baseline justify-between text-lg font-semibold" aria-live="polite">
              <span>{chosen ? t("chosen", { start: chosen.label, length: lengthLabel(t, minutes) }) : t("chooseStart")}</span>
              <span>{total}</span>
            </p>
            <button type="submit" disabled={!canReserve} className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
              {pending ? tPanel("reserving") : tPanel("reserveAndPayTotal", { total })}
            </button>
          </>
        ) : null}
      </form>
      {waitFor ? (
        <BookingWaitlistJoin
          key={`${waitFor.startsAt}/${minutes}`}
          resourceId={resource.id}
          startsAt={waitFor.startsAt}
          endsAt={new Date(Date.parse(waitFor.startsAt) + minutes * 60_000).toISOString()}
          label={t("chosen", { start: waitFor.label, length: lengthLabel(t, minutes) })}
          offerHours={waitlist!.offerHours}
          signedIn={signedIn}
          action={waitlist!.action}
        />
      ) : null}
    </div>
  );
}
