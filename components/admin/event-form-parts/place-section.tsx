"use client";
import { useState } from "react";
import type { VenueOption } from "@/lib/admin/events/form-values";
import { SelectField, TextField } from "../form-fields";
import { sectionClass } from "./styles";

type Props = { initial: { venueId: string; city: string; neighbourhood: string }; venues: VenueOption[]; errors: Record<string, string>; onVenue: (venue: VenueOption | undefined) => void };

/** The venue, and the city and neighbourhood shown (filled in from the venue unless typed). */
export function PlaceSection({ initial, venues, errors, onVenue }: Props) {
  const [venueId, setVenueId] = useState(initial.venueId);
  const [place, setPlace] = useState({ city: initial.city, neighbourhood: initial.neighbourhood });
  const venue = venues.find((candidate) => candidate.id === venueId);
  return (
    <section aria-labelledby="place-heading" className={sectionClass}>
      <h2 id="place-heading" className="text-lg font-semibold">Where</h2>
      <SelectField
        label="Venue"
        name="venueId"
        value={venueId}
        onChange={(event) => {
          const next = venues.find((candidate) => candidate.id === event.currentTarget.value);
          // Fill in the place from the venue unless the admin typed their own.
          if (next && (place.city === "" || place.city === venue?.city) && (place.neighbourhood === "" || place.neighbourhood === venue?.neighbourhood)) {
            setPlace({ city: next.city, neighbourhood: next.neighbourhood });
          }
          setVenueId(event.currentTarget.value);
          onVenue(next);
        }}
        error={errors.venueId}
        hint="Sessions take place here; session times are the venue's local time."
        required
      >
        <option value="">Choose a venue</option>
        {[...new Set(venues.map((candidate) => candidate.city))].map((city) => (
          <optgroup key={city} label={city}>
            {venues.filter((candidate) => candidate.city === city).map((candidate) => (
              <option key={candidate.id} value={candidate.id}>{candidate.name} ({candidate.neighbourhood})</option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="City" name="city" value={place.city} onChange={(event) => setPlace({ ...place, city: event.currentTarget.value })} error={errors.city} required maxLength={80} />
        <TextField label="Neighbourhood" name="neighbourhood" value={place.neighbourhood} onChange={(event) => setPlace({ ...place, neighbourhood: event.currentTarget.value })} error={errors.neighbourhood} required maxLength={80} />
      </div>
    </section>
  );
}
