"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { SelectField, TextField } from "./form-fields";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  events: { id: string; title: string }[];
};

/** Makes someone with an account door staff, for one event or for all of them. */
export function StaffGrantForm({ action, events }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4" aria-label="Add door staff">
      <TextField label="Email" name="email" type="email" autoComplete="off" required error={errors.email} />
      <SelectField label="May check in" name="eventId" defaultValue="all" error={errors.eventId}>
        <option value="all">All events</option>
        {events.map((event) => (
          <option key={event.id} value={event.id}>{event.title}</option>
        ))}
      </SelectField>
      <div>
        <button type="submit" disabled={pending} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? "Adding…" : "Add door staff"}
        </button>
      </div>
      <div aria-live="polite">
        {state ? <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm font-medium text-green-800" : "text-sm font-medium text-red-700"}>{state.message}</p> : null}
      </div>
    </form>
  );
}
