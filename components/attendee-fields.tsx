"use client";
import { useTranslations } from "next-intl";
import { orderQuestions, ticketQuestions, type Question } from "@/lib/questions/question";
import { QuestionField } from "./question-field";

const field = "min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base";

/** One place of the order: its ticket type (null for a booking) and what to call it ("Adult"). */
export type AttendeePlace = { ticketTypeId: string | null; label: string };

/**
 * Who each ticket is for, and the event's questions (issue 27.3–4). A ticket's holder is the
 * buyer unless named, so when the event asks nothing of each ticket the names are folded away
 * (most orders are for the buyer and friends who need no name at the door); when it does, each
 * ticket's fields are shown. Field names are the server's paths (lib/questions/check-particulars.ts).
 */
export function AttendeeFields({ places, questions, errors, headingLevel = 3 }: { places: AttendeePlace[]; questions: Question[]; errors: Record<string, string>; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const t = useTranslations("questions");
  if (places.length === 0) return null;
  const asksEachTicket = places.some((place) => ticketQuestions(questions, place.ticketTypeId).length > 0);
  const anyHolderError = Object.keys(errors).some((key) => key.startsWith("holders."));
  const holders = (
    <div className="flex flex-col gap-4">
      {places.map((place, index) => {
        const prefix = `holders.${index}`;
        return (
          <fieldset key={`${place.ticketTypeId}-${index}`} className="flex min-w-0 flex-col gap-3 rounded-xl border border-stone-200 p-3" data-testid="attendee">
            <legend className="px-1 text-sm font-semibold">{t("ticketN", { index: index + 1, type: place.label })}</legend>
            {place.ticketTypeId ? <input type="hidden" name={`${prefix}.ticketTypeId`} value={place.ticketTypeId} /> : null}
            {errors[prefix] ? <p className="text-sm font-medium text-red-700" role="alert">{errors[prefix]}</p> : null}
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("holderName")}
              <input name={`${prefix}.name`} maxLength={100} autoComplete="off" placeholder={t("holderNamePlaceholder")} aria-invalid={errors[`${prefix}.name`] ? true : undefined} className={field} />
              {errors[`${prefix}.name`] ? <span className="font-medium text-red-700" role="alert">{errors[`${prefix}.name`]}</span> : null}
            </label>
            <label className="flex flex-col gap-1 text-sm font-medium">
              {t("holderEmail")}
              <input type="email" name={`${prefix}.email`} inputMode="email" autoComplete="off" aria-invalid={errors[`${prefix}.email`] ? true : undefined} className={field} />
              {errors[`${prefix}.email`] ? <span className="font-medium text-red-700" role="alert">{errors[`${prefix}.email`]}</span> : null}
            </label>
            {ticketQuestions(questions, place.ticketTypeId).map((question) => (
              <QuestionField key={question.id} question={question} name={`${prefix}.answers.${question.id}`} error={errors[`${prefix}.answers.${question.id}`]} />
            ))}
          </fieldset>
        );
      })}
    </div>
  );
  const perOrder = orderQuestions(questions);
  return (
    <>
      {asksEachTicket ? (
        <section className="flex flex-col gap-2" aria-labelledby="attendees-heading">
          <Heading id="attendees-heading" className="text-sm font-semibold">{t("whoIsComing")}</Heading>
          <p className="text-sm text-stone-700">{t("whoIsComingHint")}</p>
          {holders}
        </section>
      ) : (
        // Open after a refusal about a holder, so the message is seen.
        <details className="rounded-xl border border-stone-200 px-3" open={anyHolderError || undefined}>
          <summary className="flex min-h-11 cursor-pointer items-center text-sm font-semibold">{t("nameTickets")}</summary>
          <p className="pb-2 text-sm text-stone-700">{t("whoIsComingHint")}</p>
          <div className="pb-3">{holders}</div>
        </details>
      )}
      {perOrder.length > 0 ? (
        <fieldset className="flex min-w-0 flex-col gap-3" data-testid="order-questions">
          <legend className="mb-1 text-sm font-semibold">{t("aFewQuestions")}</legend>
          {perOrder.map((question) => (
            <QuestionField key={question.id} question={question} name={`answers.${question.id}`} error={errors[`answers.${question.id}`]} />
          ))}
        </fieldset>
      ) : null}
    </>
  );
}
