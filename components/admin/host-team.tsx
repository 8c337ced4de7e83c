"use client";
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { HOST_ROLES, type HostRole } from "@/lib/auth/policy";
import { LOCALE_NAMES_IN_ENGLISH, LOCALES } from "@/lib/i18n/locales";
import { SelectField, TextField } from "./form-fields";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export const ROLE_TEXT: Record<HostRole, string> = {
  owner: "Owner: everything, the team too",
  manager: "Manager: events, venues, orders, the host's page",
  door: "Door: checks tickets in at the host's events",
};

function Outcome({ state }: { state: ActionState }) {
  return (
    <div aria-live="polite">
      {state ? <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm font-medium text-green-800" : "text-sm font-medium text-red-700"}>{state.message}</p> : null}
    </div>
  );
}

/** Invite someone by email with a role; the email goes in the language chosen. */
export function InviteForm({ action }: { action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const formRef = useRef<HTMLFormElement>(null);
  // A refused invitation keeps the address typed (a transition, not the form's native action); a sent one clears the form for the next.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
      <TextField label="Email" name="email" type="email" autoComplete="off" error={errors.email} required maxLength={254} />
      <SelectField label="Role" name="role" defaultValue="manager" error={errors.role}>
        {HOST_ROLES.map((role) => <option key={role} value={role}>{ROLE_TEXT[role]}</option>)}
      </SelectField>
      <SelectField label="Language of the email" name="locale" defaultValue="en" error={errors.locale}>
        {LOCALES.map((locale) => <option key={locale} value={locale}>{LOCALE_NAMES_IN_ENGLISH[locale]}</option>)}
      </SelectField>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Sending…" : "Send the invitation"}
      </button>
      <Outcome state={state} />
    </form>
  );
}

/** One member's role. */
export function RoleForm({ action, role, name }: { action: Action; role: HostRole; name: string }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <label className="flex flex-col gap-1 text-sm font-medium">
        <span>Role of {name}</span>
        <select name="role" defaultValue={role} className="min-h-11 rounded-lg border border-stone-300 bg-white px-3 text-base">
          {HOST_ROLES.map((option) => <option key={option} value={option}>{option}</option>)}
        </select>
      </label>
      <button type="submit" disabled={pending} className="min-h-11 rounded-lg border border-stone-300 bg-white px-3 text-sm font-semibold hover:bg-stone-100 disabled:opacity-60">
        {pending ? "Saving…" : "Save role"}
      </button>
      <div className="basis-full"><Outcome state={state} /></div>
    </form>
  );
}
