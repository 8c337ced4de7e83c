"use client";
import { useRef, type Dispatch, type SetStateAction } from "react";
import type { SessionFormValues, TicketTypeFormValues } from "@/lib/admin/events/form-values";
import { LOCALE_NAMES_IN_ENGLISH, LOCALES, type Locale } from "@/lib/i18n/locales";
import { fieldId, GroupError, TextField } from "../form-fields";
import { SessionQuotas } from "./session-quotas";
import { sectionClass, smallButton } from "./styles";
import { TicketTypeSales } from "./ticket-type-sales";

type Props = {
  /** Held by the form: the questions section offers these ticket types. */
  sessions: SessionFormValues[];
  setSessions: Dispatch<SetStateAction<SessionFormValues[]>>;
  errors: Record<string, string>;
  timeZone: string | undefined;
  language: Locale;
};

/** Sessions (venue clock) and their ticket types; rows with tickets sold or held cannot be removed. */
export function SessionsSection({ sessions, setSessions, errors, timeZone, language }: Props) {
  const counter = useRef(0);
  const newKey = () => `new-session-${++counter.current}`;
  const blankTicketType = (): TicketTypeFormValues => ({
    key: newKey(), id: "", name: "", nameTranslations: {}, description: "", price: "", currency: "EUR", capacity: "", sold: 0, held: 0,
    salesStart: "", salesEnd: "", hidden: false, tiers: [],
  });
  const updateSession = (key: string, change: (session: SessionFormValues) => SessionFormValues) =>
    setSessions((current) => current.map((session) => (session.key === key ? change(session) : session)));
  return (
    <section aria-labelledby="sessions-heading" className={sectionClass}>
      <div>
        <h2 id="sessions-heading" className="text-lg font-semibold">Sessions and tickets</h2>
        <p className="text-sm text-stone-700">
          Dates and times on the venue&apos;s clock{timeZone ? ` (${timeZone})` : ""}. A venue hosts one session at a time.
        </p>
      </div>
      <GroupError id={fieldId("sessions")} error={errors.sessions} />
      {sessions.map((session, i) => {
        const locked = session.ticketTypes.some((type) => type.sold + type.held > 0);
        return (
          <fieldset key={session.key} className="flex flex-col gap-4 rounded-xl border border-stone-200 p-3 sm:p-4">
            <legend className="px-1 font-semibold">Session {i + 1}</legend>
            {session.id ? <input type="hidden" name={`sessions.${i}.id`} value={session.id} /> : null}
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField label="Starts" name={`sessions.${i}.startsAt`} type="datetime-local" defaultValue={session.startsAt} error={errors[`sessions.${i}.startsAt`]} required />
              <TextField label="Ends" name={`sessions.${i}.endsAt`} type="datetime-local" defaultValue={session.endsAt} error={errors[`sessions.${i}.endsAt`]} required />
            </div>
            <GroupError id={fieldId(`sessions.${i}.ticketTypes`)} error={errors[`sessions.${i}.ticketTypes`]} />
            <ul className="flex flex-col gap-3">
              {session.ticketTypes.map((type, j) => {
                const path = `sessions.${i}.ticketTypes.${j}`;
                const taken = type.sold + type.held;
                return (
                  <li key={type.key} className="flex flex-col gap-3 rounded-lg bg-stone-50 p-3">
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <h3 className="text-sm font-semibold">Ticket type {j + 1}</h3>
                      {type.id ? <p className="text-sm text-stone-700">{type.sold} sold · {type.held} held</p> : null}
                    </div>
                    {type.id ? <input type="hidden" name={`${path}.id`} value={type.id} /> : null}
                    <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_1fr]">
                      <TextField
                        label="Name"
                        name={`${path}.name`}
                        defaultValue={type.name}
                        error={errors[`${path}.name`]}
                        required
                        maxLength={80}
                        onChange={(event) => {
                          const name = event.currentTarget.value;
                          updateSession(session.key, (current) => ({ ...current, ticketTypes: current.ticketTypes.map((candidate) => (candidate.key === type.key ? { ...candidate, name } : candidate)) }));
                        }}
                      />
                      <TextField label="Price" name={`${path}.price`} defaultValue={type.price} error={errors[`${path}.price`]} inputMode="decimal" hint="0 for free" required />
                      <TextField label="Currency" name={`${path}.currency`} defaultValue={type.currency} error={errors[`${path}.currency`]} maxLength={3} autoCapitalize="characters" required />
                      <TextField
                        label="Capacity"
                        name={`${path}.capacity`}
                        defaultValue={type.capacity}
                        error={errors[`${path}.capacity`]}
                        type="number"
                        inputMode="numeric"
                        min={taken}
                        hint={taken > 0 ? `At least ${taken}` : undefined}
                        required
                      />
                    </div>
                    <TextField label="Description (optional)" name={`${path}.description`} defaultValue={type.description} error={errors[`${path}.description`]} maxLength={300} />
                    <NameTranslations path={path} names={type.nameTranslations} language={language} errors={errors} index={j + 1} />
                    <TicketTypeSales path={path} type={type} errors={errors} index={j + 1} timeZone={timeZone} />
                    <div>
                      <button
                        type="button"
                        className={smallButton}
                        disabled={taken > 0 || session.ticketTypes.length === 1}
                        onClick={() => updateSession(session.key, (current) => ({ ...current, ticketTypes: current.ticketTypes.filter((candidate) => candidate.key !== type.key) }))}
                      >
                        Remove ticket type {j + 1}
                      </button>
                      {taken > 0 ? <span className="ml-2 text-sm text-stone-600">Has tickets sold or held; set its capacity to stop sales.</span> : null}
                    </div>
                  </li>
                );
              })}
            </ul>
            <SessionQuotas session={session} sessionIndex={i} errors={errors} />
            <div className="flex flex-wrap gap-2">
              <button type="button" className={smallButton} onClick={() => updateSession(session.key, (current) => ({ ...current, ticketTypes: [...current.ticketTypes, blankTicketType()] }))}>
                Add a ticket type to session {i + 1}
              </button>
              <button type="button" className={smallButton} disabled={locked} onClick={() => setSessions((current) => current.filter((candidate) => candidate.key !== session.key))}>
                Remove session {i + 1}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          className={smallButton}
          onClick={() => setSessions((current) => [...current, { key: newKey(), id: "", startsAt: "", endsAt: "", ticketTypes: [blankTicketType()], quotas: [] }])}
        >
          Add a session
        </button>
      </div>
    </section>
  );
}

/**
 * The ticket type's name in the storefront's other languages (issue 33): shown in the buy
 * panel, checkout, order page, PDF and email of a reader of that language; blank keeps `name`.
 */
function NameTranslations({ path, names, language, errors, index }: { path: string; names: TicketTypeFormValues["nameTranslations"]; language: Locale; errors: Record<string, string>; index: number }) {
  const others = LOCALES.filter((locale) => locale !== language);
  const filled = others.filter((locale) => names[locale]).length;
  const hasError = others.some((locale) => errors[`${path}.nameTranslations.${locale}`]);
  return (
    <details open={hasError || undefined} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="ticket-type-translations">
      <summary className="cursor-pointer text-sm font-semibold">
        Name of ticket type {index} in other languages <span className="font-normal text-stone-600">({filled} of {others.length} translated)</span>
      </summary>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        {others.map((locale) => (
          <TextField
            key={locale}
            lang={locale}
            label={`Name in ${LOCALE_NAMES_IN_ENGLISH[locale]}`}
            name={`${path}.nameTranslations.${locale}`}
            defaultValue={names[locale] ?? ""}
            error={errors[`${path}.nameTranslations.${locale}`]}
            maxLength={80}
          />
        ))}
      </div>
    </details>
  );
}
