"use client";
import { useActionState, useId } from "react";
import type { ActionState } from "@/lib/actions/action-state";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  label: string;
  pendingLabel: string;
  /** When set, a checkbox with this label must be ticked first (the server checks it too). */
  confirmLabel?: string;
  hidden?: Record<string, string | number>;
  tone?: "danger" | "default";
};

/** One admin action (refund, resend, retry, discard, delete) with its outcome announced. */
export function ActionButtonForm({ action, label, pendingLabel, confirmLabel, hidden = {}, tone = "default" }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const id = useId();
  const confirmError = state && !state.ok ? state.fieldErrors?.confirm : undefined;
  const buttonClass =
    tone === "danger"
      ? "min-h-11 rounded-lg bg-red-700 px-4 text-sm font-semibold text-white hover:bg-red-800 disabled:opacity-60"
      : "min-h-11 rounded-lg border border-stone-300 bg-white px-4 text-sm font-semibold hover:bg-stone-100 disabled:opacity-60";
  return (
    <form action={formAction} className="flex flex-col gap-2">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirmLabel ? (
        <div className="flex flex-col gap-1">
          <label className="flex min-h-11 items-start gap-3 text-sm">
            <input
              type="checkbox"
              name="confirm"
              value="yes"
              required
              aria-invalid={confirmError ? true : undefined}
              aria-describedby={confirmError ? `${id}-confirm-error` : undefined}
              className="mt-0.5 size-5"
            />
            <span>{confirmLabel}</span>
          </label>
          {confirmError ? <p id={`${id}-confirm-error`} className="text-sm font-medium text-red-700">{confirmError}</p> : null}
        </div>
      ) : null}
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? pendingLabel : label}
        </button>
      </div>
      <div aria-live="polite">
        {state ? (
          <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm font-medium text-green-800" : "text-sm font-medium text-red-700"}>
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
