"use client";
import { useState } from "react";
import type { VenueOption } from "@/lib/admin/events/form-values";
import { SelectField, TextField } from "../form-fields";
import { sectionClass } from "./styles";

type Props = {
  initial: { venueId: string; hostId: string; city: string; neighbourhood: string };
  venues: VenueOption[];
  /** The hosts the admin may write for: one (a member of one host: no choice), or several. */
  hosts: { id: string; name: string }[];
  errors: Record<string, string>;
  onVenue: (venue: VenueOption | undefined) => void;
};

/**
 * Whose event (issue 30) and where: the host (chosen when the admin may write for several),
 * the venue among that host's, and the city and neighbourhood shown (filled in from the venue
 * unless typed).
 */
export function PlaceSection({ initial, venues: allVenues, hosts, errors, onVenue }: Props) {
  const [hostId, setHostId] = useState(initial.hostId || (hosts.length === 1 ? hosts[0].id : ""));
  const [venueId, setVenueId] = useState(initial.venueId);
  const [place, setPlace] = useState({ city: initial.city, neighbourhood: initial.neighbourhood });
  const venues = hostId ? allVenues.filter((candidate) => candidate.hostId === hostId) : allVenues;
  const venue = venues.find((candidate) => candidate.id === venueId);
  return (
    <section aria-labelledby="place-heading" className={sectionClass}>
      <h2 id="place-heading" className="text-lg font-semibold">Where</h2>
      {hosts.length > 1 ? (
        <SelectField
          label="Host"
          name="hostId"
          value={hostId}
          onChange={(event) => {
            setHostId(event.currentTarget.value);
            if (venue && event.currentTarget.value && venue.hostId !== event.currentTarget.value) {
              setVenueId("");
              onVenue(undefined);
            }
          }}
          error={errors.hostId}
          hint="Whose event it is: its members manage it, and its page names them as the organiser."
        >
          <option value="">The venue&apos;s host</option>
          {hosts.map((host) => <option key={host.id} value={host.id}>{host.name}</option>)}
        </SelectField>
      ) : (
        <input type="hidden" name="hostId" value={hostId} />
      )}
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
