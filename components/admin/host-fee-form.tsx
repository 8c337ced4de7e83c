"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; percentBp: number | null; fixedMinor: number | null };

/** The platform's fee for one host: basis points and a fixed amount per ticket; empty: the platform's figure. */
export function HostFeeForm({ action, percentBp, fixedMinor }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const field = (name: "feePercentBp" | "feeFixedMinor", label: string, value: number | null) => (
    <label className="flex flex-col gap-1 text-sm font-medium">
      {label}
      <input name={name} type="number" min={0} step={1} defaultValue={value ?? ""} inputMode="numeric" aria-invalid={errors[name] ? true : undefined} aria-describedby={errors[name] ? `${name}-error` : undefined} className="min-h-11 rounded-lg border border-stone-300 px-3" />
      {errors[name] ? <span id={`${name}-error`} className="text-red-700">{errors[name]}</span> : null}
    </label>
  );
  return (
    <form action={formAction} className="flex flex-col gap-3">
      {field("feePercentBp", "Percentage, in basis points (250 = 2.5 %)", percentBp)}
      {field("feeFixedMinor", "Fixed fee per ticket, in cents", fixedMinor)}
      <button disabled={pending} className="min-h-11 self-start rounded-lg bg-brand-700 px-4 text-sm font-semibold text-white disabled:opacity-60">{pending ? "Saving…" : "Save fee"}</button>
      <p role="status" className={state && !state.ok ? "text-sm text-red-700" : "text-sm text-green-800"}>{state ? (state.ok ? state.message : state.message) : ""}</p>
    </form>
  );
}
