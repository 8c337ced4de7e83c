"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/action-state";
import { FormFailure } from "./form-failure";
import { formatMoney } from "@/lib/money";

type TicketLine = { id: string; name: string; priceMinor: number; currency: string; remaining: number; quantity: number };
type Props = { lines: TicketLine[]; maxPerOrder: number; action: (state: ActionState, formData: FormData) => Promise<ActionState> };

export function CheckoutTicketsForm({ lines, maxPerOrder, action }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <ul className="flex flex-col divide-y divide-stone-100 rounded-2xl border border-stone-200 bg-white px-4">
        {lines.map((line) => {
          const error = errors[`quantity.${line.id}`];
          return (
            <li key={line.id} className="flex flex-col gap-1 py-3">
              <div className="flex items-center justify-between gap-3">
                <label htmlFor={`qty-${line.id}`} className="flex flex-col">
                  <span className="font-medium">{line.name}</span>
                  <span className="text-sm text-stone-700">{formatMoney(line.priceMinor, line.currency)} each · {line.remaining} left</span>
                </label>
                <input
                  id={`qty-${line.id}`}
                  name={`qty_${line.id}`}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={maxPerOrder}
                  defaultValue={line.quantity}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `qty-${line.id}-error` : undefined}
                  className="min-h-11 w-20 rounded-lg border border-stone-300 px-3 text-base aria-[invalid]:border-red-600"
                />
              </div>
              {error ? <p id={`qty-${line.id}-error`} className="text-sm font-medium text-red-700">{error}</p> : null}
            </li>
          );
        })}
      </ul>
      {errors.items ? <p className="text-sm font-medium text-red-700">{errors.items}</p> : null}
      <FormFailure state={state} />
      <p className="text-sm text-stone-700">At most {maxPerOrder} tickets per order. Your places are held for you while you pay.</p>
      <button type="submit" disabled={pending} className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Reserving…" : "Reserve and pay"}
      </button>
    </form>
  );
}
