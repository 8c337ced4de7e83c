"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import type { VenueFormValues } from "@/lib/admin/venues/schemas";
import { TextField } from "./form-fields";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; initial: VenueFormValues };

/** A venue's address card: street, postcode, city, region, country, phone and web site. */
export function VenueForm({ action, initial }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
      {state && !state.ok ? <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">{state.message}</p> : null}
      <TextField label="Name" name="name" defaultValue={initial.name} error={errors.name} required maxLength={120} />
      <TextField label="Street address" name="address" defaultValue={initial.address} error={errors.address} hint="Street and number, like Rua de São Miguel 27." required maxLength={200} autoComplete="street-address" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Postcode" name="postalCode" defaultValue={initial.postalCode} error={errors.postalCode} maxLength={20} autoComplete="postal-code" />
        <TextField label="City" name="city" defaultValue={initial.city} error={errors.city} required maxLength={80} autoComplete="address-level2" />
        <TextField label="Region" name="region" defaultValue={initial.region} error={errors.region} hint="County, state or region, like Greater London." maxLength={80} autoComplete="address-level1" />
        <TextField label="Country code" name="country" defaultValue={initial.country} error={errors.country} hint="Two letters: PT, ES, DE, GB." maxLength={2} autoCapitalize="characters" autoComplete="country" />
        <TextField label="Phone" name="phone" type="tel" defaultValue={initial.phone} error={errors.phone} hint="With the country code, like +44 20 7946 0381." maxLength={30} autoComplete="tel" />
        <TextField label="Web site" name="url" type="url" defaultValue={initial.url} error={errors.url} maxLength={300} autoComplete="url" />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Saving…" : "Save venue"}
      </button>
    </form>
  );
}
