"use client";
import { useActionState } from "react";
import type { ActionState } from "@/lib/actions/action-state";
import { SelectField, TextField } from "./form-fields";

type Props = { action: (state: ActionState, formData: FormData) => Promise<ActionState>; hosts: { id: string; name: string }[] };

/**
 * A host's new venue (issue 30): its name and address card, the neighbourhood and the clock its
 * sessions are written in, and optionally its position for "near me". A member of several
 * hosts (or the platform admin) chooses whose venue it is.
 */
export function NewVenueForm({ action, hosts }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  return (
    <form action={formAction} noValidate className="flex flex-col gap-4 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
      {state && !state.ok ? <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-900">{state.message}</p> : null}
      {hosts.length > 1 ? (
        <SelectField label="Host" name="hostId" defaultValue="" error={errors.hostId} hint="Whose venue it is: only its events take place here.">
          <option value="">Choose the host</option>
          {hosts.map((host) => <option key={host.id} value={host.id}>{host.name}</option>)}
        </SelectField>
      ) : null}
      <TextField label="Name" name="name" error={errors.name} required maxLength={120} />
      <TextField label="Street address" name="address" error={errors.address} hint="Street and number, like Rua de São Miguel 27." required maxLength={200} autoComplete="street-address" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Neighbourhood" name="neighbourhood" error={errors.neighbourhood} required maxLength={80} />
        <TextField label="City" name="city" error={errors.city} required maxLength={80} autoComplete="address-level2" />
        <TextField label="Postcode" name="postalCode" error={errors.postalCode} maxLength={20} autoComplete="postal-code" />
        <TextField label="Region" name="region" error={errors.region} maxLength={80} autoComplete="address-level1" />
        <TextField label="Country code" name="country" error={errors.country} hint="Two letters: PT, ES, DE, GB." maxLength={2} autoCapitalize="characters" autoComplete="country" />
        <TextField label="Time zone" name="timeZone" defaultValue="Europe/Lisbon" error={errors.timeZone} hint="Session times are this clock's, like Europe/Lisbon." required maxLength={60} />
        <TextField label="Latitude" name="latitude" inputMode="decimal" error={errors.latitude} hint="Optional, for “near me”: 38.7117" maxLength={20} />
        <TextField label="Longitude" name="longitude" inputMode="decimal" error={errors.longitude} hint="Optional: -9.1300" maxLength={20} />
        <TextField label="Phone" name="phone" type="tel" error={errors.phone} maxLength={30} autoComplete="tel" />
        <TextField label="Web site" name="url" type="url" error={errors.url} maxLength={300} autoComplete="url" />
      </div>
      <button type="submit" disabled={pending} className="min-h-11 self-start rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Adding…" : "Add venue"}
      </button>
    </form>
  );
}
