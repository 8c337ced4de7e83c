"use client";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { EventFormValues, VenueOption } from "@/lib/admin/events/form-values";
import { slugify } from "@/lib/admin/events/slugify";
import { AboutSection } from "./event-form-parts/about-section";
import { AttendeeWordSection } from "./event-form-parts/attendee-word-section";
import { ErrorSummary } from "./event-form-parts/error-summary";
import { ImageSection } from "./event-form-parts/image-section";
import { PlaceSection } from "./event-form-parts/place-section";
import { QuestionsSection } from "./event-form-parts/questions-section";
import { CancellationSection } from "./event-form-parts/cancellation-section";
import { WaitlistSection } from "./event-form-parts/waitlist-section";
import { ResourcesSection } from "./event-form-parts/resources-section";
import { SessionsSection } from "./event-form-parts/sessions-section";
import { TranslationsSection } from "./event-form-parts/translations-section";
import { VisibilitySection } from "./event-form-parts/visibility-section";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: EventFormValues;
  venues: VenueOption[];
  hosts: { id: string; name: string }[];
  submitLabel: string;
};

/**
 * The admin's event form: one section per part of an event (event-form-parts/), each keeping
 * its own rows; this component holds only what crosses sections (the slug that follows the
 * title, the venue's time zone for the sessions, the event's language for the translations,
 * the sessions' ticket types that questions may be asked of) and the answer of the server.
 */
export function EventForm({ action, initial, venues, hosts, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const summaryRef = useRef<HTMLDivElement>(null);
  const [slug, setSlug] = useState(initial.slug);
  const [slugTouched, setSlugTouched] = useState(initial.id !== null);
  const [language, setLanguage] = useState(initial.language);
  const [venue, setVenue] = useState(() => venues.find((candidate) => candidate.id === initial.venueId));
  const [imageError, setImageError] = useState<string | null>(null);
  const [sessions, setSessions] = useState(initial.sessions);

  useEffect(() => {
    if (state && !state.ok) summaryRef.current?.focus();
  }, [state]);

  // Submitting through a transition (not the form's native action) keeps what the admin
  // typed when the server refuses it; without JavaScript the form still posts normally.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (imageError) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {initial.version !== null ? <input type="hidden" name="version" value={initial.version} /> : null}
      {state && !state.ok ? <ErrorSummary message={state.message} errors={errors} summaryRef={summaryRef} /> : null}
      <AboutSection
        initial={initial}
        errors={errors}
        slug={slug}
        onTitle={(title) => {
          if (!slugTouched) setSlug(slugify(title));
        }}
        onSlug={(next) => {
          setSlugTouched(true);
          setSlug(next);
        }}
        language={language}
        onLanguage={setLanguage}
      />
      <TranslationsSection initial={initial.translations} language={language} errors={errors} />
      <PlaceSection initial={initial} venues={venues} hosts={hosts} errors={errors} onVenue={setVenue} />
      <ImageSection initial={initial} errors={errors} imageError={imageError} onImageError={setImageError} />
      <SessionsSection sessions={sessions} setSessions={setSessions} errors={errors} timeZone={venue?.timeZone} language={language} />
      <ResourcesSection initial={initial.resources} errors={errors} />
      <QuestionsSection initial={initial.questions} holderChangeCutoffMinutes={initial.holderChangeCutoffMinutes} transfersForbidden={initial.transfersForbidden} sessions={sessions} language={language} errors={errors} />
      <CancellationSection initial={initial} errors={errors} />
      <AttendeeWordSection meetingPoint={initial.meetingPoint} reminderHoursBefore={initial.reminderHoursBefore} errors={errors} />
      <WaitlistSection initial={initial} errors={errors} />
      <VisibilitySection status={initial.status} error={errors.status} />
      <div>
        <button type="submit" disabled={pending} className="min-h-12 w-full rounded-xl bg-brand-600 px-6 font-semibold text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto">
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
