"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";

type State = { ok: true; url: string | null; message: string } | { ok: false; message: string } | null;

type Props = {
  /** When the current link was made (formatted on the server), or null without one. */
  since: string | null;
  makeAction: (state: State, formData: FormData) => Promise<State>;
  turnOffAction: (state: State, formData: FormData) => Promise<State>;
};

/** Make, replace or turn off the private calendar link; a new link is shown once, as an API token is. */
export function CalendarFeed({ since, makeAction, turnOffAction }: Props) {
  const t = useTranslations("calendarFeed");
  const [made, make, making] = useActionState(makeAction, null);
  const [off, turnOff, turningOff] = useActionState(turnOffAction, null);
  const url = made?.ok ? made.url : null;
  const webcal = url?.replace(/^https?:/, "webcal:");
  const active = since !== null && !(off?.ok && !url);
  return (
    <div className="flex flex-col gap-4">
      {url ? (
        <div role="status" className="flex flex-col gap-2 rounded-2xl border border-brand-600 bg-white p-4" data-testid="calendar-link">
          <label htmlFor="calendar-url" className="text-sm font-semibold">{t("yourLink")}</label>
          <input id="calendar-url" readOnly value={url} className="w-full rounded-lg border border-stone-300 bg-stone-50 px-3 py-2 font-mono text-sm" onFocus={(event) => event.currentTarget.select()} />
          <a href={webcal} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("subscribe")}</a>
        </div>
      ) : null}
      {!url && made && !made.ok ? <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{made.message}</p> : null}
      {off ? <p role={off.ok ? "status" : "alert"} className={off.ok ? "text-stone-700" : "rounded-lg bg-red-50 p-3 text-red-800"}>{off.message}</p> : null}
      {!url ? <p className="text-stone-700">{active ? t("since", { date: since! }) : t("none")}</p> : null}
      <div className="flex flex-wrap gap-3">
        <form action={make}>
          <button type="submit" disabled={making} className="min-h-11 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">
            {active || url ? t("regenerate") : t("create")}
          </button>
        </form>
        {active || url ? (
          <form action={turnOff}>
            <button type="submit" disabled={turningOff} className="min-h-11 rounded-lg border border-stone-300 bg-white px-5 font-semibold text-stone-800 hover:bg-stone-100">{t("turnOff")}</button>
          </form>
        ) : null}
      </div>
    </div>
  );
}
