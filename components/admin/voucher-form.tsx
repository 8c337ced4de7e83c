"use client";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { VoucherFormValues } from "@/lib/admin/vouchers/voucher-view";
import { ErrorSummary } from "./event-form-parts/error-summary";
import { sectionClass } from "./event-form-parts/styles";
import { CheckboxField, fieldId, GroupError, SelectField, TextAreaField, TextField } from "./form-fields";

/** An event a voucher may name, with its ticket types (hidden ones marked). */
export type VoucherScopeEvent = { id: string; title: string; types: { id: string; name: string; when: string; hidden: boolean; price: string }[] };

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: VoucherFormValues;
  events: VoucherScopeEvent[];
  /** create: one code, typed or drawn; generate: N codes under a tag; edit: one stored voucher. */
  mode: "create" | "generate" | "edit";
  submitLabel: string;
  /** Places already taken with it (edit): the use limit may not go below. */
  uses?: number;
};

/**
 * A voucher's rules (kind and value, limits, window, scope, reveals hidden types), for one code
 * or a generated batch. Checked by lib/admin/vouchers (one schema, then the database's rules);
 * errors land next to their field and in the summary.
 */
export function VoucherForm({ action, initial, events, mode, submitLabel, uses = 0 }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const summaryRef = useRef<HTMLDivElement>(null);
  const [kind, setKind] = useState(initial.kind);
  useEffect(() => {
    if (state && !state.ok) summaryRef.current?.focus();
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  let typeIndex = 0;
  let eventIndex = 0;
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {state && !state.ok ? <ErrorSummary message={state.message} errors={errors} summaryRef={summaryRef} /> : null}
      <section aria-labelledby="voucher-code-heading" className={sectionClass}>
        <h2 id="voucher-code-heading" className="text-lg font-semibold">{mode === "generate" ? "Codes" : "Code"}</h2>
        {mode === "generate" ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField label="How many codes" name="count" type="number" inputMode="numeric" min={1} max={5000} defaultValue="100" error={errors.count} hint="Up to 5,000." required />
            <TextField label="Prefix (optional)" name="prefix" error={errors.prefix} hint="Like SUMMER-; then 10 random letters and digits." maxLength={12} autoCapitalize="characters" />
            <TextField label="Batch name (tag)" name="tag" defaultValue={initial.tag} error={errors.tag} hint="Find and export the codes by it." required maxLength={60} />
          </div>
        ) : (
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={mode === "create" ? "Code (optional)" : "Code"}
              name="code"
              defaultValue={initial.code}
              error={errors.code}
              hint={mode === "create" ? "Leave blank to draw one. Letters, digits, - and _; buyers may type any case." : "Letters, digits, - and _."}
              maxLength={40}
              autoCapitalize="characters"
              required={mode === "edit"}
            />
            <TextField label="Tag (optional)" name="tag" defaultValue={initial.tag} error={errors.tag} hint="A name to group and export codes by." maxLength={60} />
          </div>
        )}
      </section>

      <section aria-labelledby="voucher-value-heading" className={sectionClass}>
        <h2 id="voucher-value-heading" className="text-lg font-semibold">What it does</h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label="Kind" name="kind" defaultValue={initial.kind} error={errors.kind} onChange={(event) => setKind(event.currentTarget.value as VoucherFormValues["kind"])}>
            <option value="percent_off">Percent off</option>
            <option value="amount_off">Amount off each ticket</option>
            <option value="set_price">Set price of each ticket</option>
          </SelectField>
          <TextField
            label={kind === "percent_off" ? "Percent off" : kind === "amount_off" ? "Amount off" : "Price"}
            name="value"
            defaultValue={initial.value}
            error={errors.value}
            inputMode="decimal"
            hint={kind === "percent_off" ? "A whole number, 0 to 100." : kind === "set_price" ? "Like 10.00; 0 makes it free." : "Like 5.00."}
            required
          />
          {kind === "percent_off" ? null : (
            <TextField label="Currency" name="currency" defaultValue={initial.currency} error={errors.currency} maxLength={3} autoCapitalize="characters" hint="Like EUR." required />
          )}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label={mode === "generate" ? "Places each code may be used for" : "Places it may be used for"}
            name="maxUses"
            type="number"
            inputMode="numeric"
            min={Math.max(1, uses)}
            defaultValue={initial.maxUses}
            error={errors.maxUses}
            hint={uses > 0 ? `${uses} used so far: at least ${uses}.` : "Over all orders; 1 for a single-use code."}
            required
          />
          <TextField label="Places per buyer (optional)" name="maxPerBuyer" type="number" inputMode="numeric" min={1} defaultValue={initial.maxPerBuyer} error={errors.maxPerBuyer} hint="Blank: no limit per buyer." />
          <TextField label="Valid from (UTC, optional)" name="validFrom" type="datetime-local" defaultValue={initial.validFrom} error={errors.validFrom} />
          <TextField label="Valid until (UTC, optional)" name="validUntil" type="datetime-local" defaultValue={initial.validUntil} error={errors.validUntil} />
        </div>
      </section>

      <fieldset id={fieldId("scope")} className={sectionClass}>
        <legend className="float-left mb-2 text-lg font-semibold">Scope</legend>
        <p className="clear-left text-sm text-stone-700">Tick nothing for every event. Tick events for all their ticket types, or single ticket types.</p>
        <GroupError id={fieldId("eventIds")} error={errors.eventIds} />
        <GroupError id={fieldId("ticketTypeIds")} error={errors.ticketTypeIds} />
        {events.length === 0 ? <p className="text-sm text-stone-700">No upcoming events.</p> : null}
        <ul className="flex flex-col gap-2">
          {events.map((event) => {
            const named = initial.eventIds.includes(event.id) || event.types.some((type) => initial.ticketTypeIds.includes(type.id));
            return (
              <li key={event.id}>
                <details open={named || undefined} className="rounded-lg border border-stone-200 p-3">
                  <summary className="cursor-pointer font-medium">{event.title}</summary>
                  <div className="mt-2 flex flex-col">
                    <CheckboxField label="Every ticket type of this event" name={`eventIds.${eventIndex++}`} value={event.id} defaultChecked={initial.eventIds.includes(event.id)} />
                    {event.types.map((type) => (
                      <CheckboxField
                        key={type.id}
                        label={`${type.name} · ${type.when} · ${type.price}${type.hidden ? " · hidden" : ""}`}
                        name={`ticketTypeIds.${typeIndex++}`}
                        value={type.id}
                        defaultChecked={initial.ticketTypeIds.includes(type.id)}
                        className="pl-6"
                      />
                    ))}
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
        <CheckboxField
          label="Reveals hidden ticket types (an access code for a presale or a guest list)"
          name="revealsHidden"
          defaultChecked={initial.revealsHidden}
          error={errors.revealsHidden}
          hint="Only with a scope that has a hidden ticket type."
        />
      </fieldset>

      <section aria-labelledby="voucher-note-heading" className={sectionClass}>
        <h2 id="voucher-note-heading" className="text-lg font-semibold">Note</h2>
        <TextAreaField label="Note for admins (optional)" name="note" defaultValue={initial.note} error={errors.note} maxLength={500} rows={2} />
      </section>
      <div>
        <button type="submit" disabled={pending} className="min-h-12 w-full rounded-xl bg-brand-600 px-6 font-semibold text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto">
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
