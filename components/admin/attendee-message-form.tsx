"use client";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { ErrorSummary } from "./event-form-parts/error-summary";
import { sectionClass } from "./event-form-parts/styles";
import { SelectField, TextAreaField, TextField } from "./form-fields";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  sessions: { id: string; label: string }[];
};

/** Compose a message to everyone holding a valid ticket (lib/admin/messages checks it; errors land next to their field). */
export function AttendeeMessageForm({ action, sessions }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const summaryRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state && !state.ok) summaryRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className={sectionClass}>
      <h2 id="compose-heading" className="text-lg font-semibold">Write to attendees</h2>
      <p className="text-sm text-stone-700">
        One email per address holding a valid ticket (refunded and handed-on tickets get nothing), with your words as written and the frame in each buyer&apos;s language.
      </p>
      {state && !state.ok ? <ErrorSummary message={state.message} errors={errors} summaryRef={summaryRef} /> : null}
      <SelectField label="To" name="sessionId" defaultValue="" error={errors.sessionId}>
        <option value="">Everyone with a ticket for this event</option>
        {sessions.map((session) => (
          <option key={session.id} value={session.id}>
            Ticket holders of {session.label}
          </option>
        ))}
      </SelectField>
      <TextField label="Subject" name="subject" maxLength={150} error={errors.subject} required />
      <TextAreaField label="Message" name="body" rows={8} maxLength={5000} error={errors.body} hint="Plain text; a blank line starts a new paragraph." required />
      <div>
        <button type="submit" disabled={pending} className="min-h-12 w-full rounded-xl bg-brand-600 px-6 font-semibold text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto">
          {pending ? "Sending…" : "Send to attendees"}
        </button>
      </div>
    </form>
  );
}
