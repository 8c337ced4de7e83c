"use client";
import { useActionState } from "react";
import type { AcceptState } from "@/app/[locale]/(store)/invitation/actions";

/** "Accept and join" on an invitation's page; then where the new member goes (the dashboard, or the door scanner). */
type Words = { accept: string; accepting: string; openDashboard: string; openDoor: string };

/** The words come from the page (in the reader's language), so the store's client bundle does not carry the invitation's messages. */
export function AcceptInvitation({ action, words }: { action: (state: AcceptState) => Promise<AcceptState>; words: Words }) {
  const [state, formAction, pending] = useActionState(action, null);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className="rounded-xl bg-green-50 p-3 font-medium text-green-900" data-testid="invitation-accepted">{state.message}</p>
        <div>
          {/* Not the store's locale-aware Link: the dashboard and the scanner have no locale prefix. */}
          <a href={state.next} className="inline-flex min-h-12 items-center rounded-xl bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
            {state.next === "/check-in" ? words.openDoor : words.openDashboard}
          </a>
        </div>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-col gap-2">
      <div>
        <button type="submit" disabled={pending} className="min-h-12 rounded-xl bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
          {pending ? words.accepting : words.accept}
        </button>
      </div>
      {state && !state.ok ? <p role="alert" className="text-sm font-medium text-red-700">{state.message}</p> : null}
    </form>
  );
}
