"use client";
import Image from "next/image";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { ActionState } from "@/lib/action-state";
import {
  IMAGE_RULES,
  type EventFormValues,
  type ResourceFormValues,
  type SessionFormValues,
  type TicketTypeFormValues,
  type VenueOption,
} from "@/lib/admin/form-values";
import { CATEGORIES } from "@/lib/catalog/types";
import { fieldId, GroupError, SelectField, TextAreaField, TextField } from "./form-fields";
import { ACTIVITIES } from "@/lib/feeds/activities";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  initial: EventFormValues;
  venues: VenueOption[];
  submitLabel: string;
};

const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  slug: "Web address",
  summary: "Summary",
  description: "Description",
  category: "Category",
  city: "City",
  neighbourhood: "Neighbourhood",
  venueId: "Venue",
  image: "Image",
  imageAlt: "Image description",
  activityId: "Activity",
  minAge: "Minimum age",
  maxAge: "Maximum age",
  status: "Status",
  sessions: "Sessions",
  resources: "Bookable experiences",
  version: "Version",
  startsAt: "start",
  endsAt: "end",
  name: "name",
  price: "price",
  currency: "currency",
  capacity: "capacity",
  description_: "description",
  opensAt: "opens",
  closesAt: "closes",
  slotMinutes: "slot length",
  minMinutes: "minimum length",
  maxMinutes: "maximum length",
};

/** "sessions.1.ticketTypes.0.capacity" → "Session 2, ticket type 1: capacity". */
function describeField(path: string): string {
  const parts = path.split(".");
  if (parts.length === 1) return FIELD_LABELS[path] ?? path;
  const label = (key: string) => FIELD_LABELS[key === "description" ? "description_" : key] ?? key;
  if (parts[0] === "sessions" && parts[2] === "ticketTypes") {
    return `Session ${Number(parts[1]) + 1}, ticket type ${Number(parts[3]) + 1}: ${label(parts[4] ?? "")}`;
  }
  if (parts[0] === "sessions") return `Session ${Number(parts[1]) + 1}: ${label(parts[2] ?? "")}`;
  if (parts[0] === "resources") return `Experience ${Number(parts[1]) + 1}: ${label(parts[2] ?? "")}`;
  return path;
}

function slugify(title: string): string {
  return title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

const sectionClass = "flex flex-col gap-4 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6";
const smallButton = "min-h-11 rounded-lg border border-stone-300 bg-white px-3 text-sm font-medium hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-60";

export function EventForm({ action, initial, venues, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const summaryRef = useRef<HTMLDivElement>(null);
  const counter = useRef(0);
  const newKey = () => `new-${++counter.current}`;

  const [sessions, setSessions] = useState<SessionFormValues[]>(initial.sessions);
  const [resources, setResources] = useState<ResourceFormValues[]>(initial.resources);
  const [venueId, setVenueId] = useState(initial.venueId);
  const [place, setPlace] = useState({ city: initial.city, neighbourhood: initial.neighbourhood });
  const [slug, setSlug] = useState(initial.slug);
  const [slugTouched, setSlugTouched] = useState(initial.id !== null);
  const [imageError, setImageError] = useState<string | null>(null);
  const venue = venues.find((candidate) => candidate.id === venueId);

  useEffect(() => {
    if (state && !state.ok) summaryRef.current?.focus();
  }, [state]);

  // Submitting through a transition (not the form's native action) keeps what the admin
  // typed when the server refuses it; without JavaScript the form still posts normally.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (imageError) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  const blankTicketType = (): TicketTypeFormValues => ({ key: newKey(), id: "", name: "", description: "", price: "", currency: "EUR", capacity: "", sold: 0, held: 0 });
  const updateSession = (key: string, change: (session: SessionFormValues) => SessionFormValues) =>
    setSessions((current) => current.map((session) => (session.key === key ? change(session) : session)));

  const errorEntries = Object.entries(errors);
  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="flex flex-col gap-6">
      {initial.version !== null ? <input type="hidden" name="version" value={initial.version} /> : null}

      {state && !state.ok ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" aria-labelledby="form-problem" className="rounded-2xl border-2 border-red-700 bg-red-50 p-4 text-red-900">
          <h2 id="form-problem" className="font-semibold">{errorEntries.length > 0 ? "Please fix these and save again" : "Not saved"}</h2>
          <p className="mt-1">{state.message}</p>
          {errorEntries.length > 0 ? (
            <ul className="mt-2 list-disc pl-5 text-sm">
              {errorEntries.map(([name, message]) => (
                <li key={name}>
                  <a href={`#${fieldId(name)}`} className="underline">{describeField(name)}: {message}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="about-heading" className={sectionClass}>
        <h2 id="about-heading" className="text-lg font-semibold">About the event</h2>
        <TextField
          label="Title"
          name="title"
          defaultValue={initial.title}
          error={errors.title}
          required
          maxLength={120}
          onChange={(event) => {
            if (!slugTouched) setSlug(slugify(event.currentTarget.value));
          }}
        />
        <TextField
          label="Web address"
          name="slug"
          value={slug}
          onChange={(event) => {
            setSlugTouched(true);
            setSlug(event.currentTarget.value);
          }}
          error={errors.slug}
          hint={<>The event&apos;s page will be /events/{slug || "…"}. Lowercase letters, digits and hyphens.</>}
          required
          maxLength={80}
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField label="Summary" name="summary" defaultValue={initial.summary} error={errors.summary} hint="One sentence for listings (10 to 200 characters)." required maxLength={200} />
        <TextAreaField label="Description" name="description" defaultValue={initial.description} error={errors.description} hint="Paragraphs are separated by an empty line." rows={6} required maxLength={5000} />
        <SelectField label="Category" name="category" defaultValue={initial.category} error={errors.category} required>
          <option value="">Choose a category</option>
          {CATEGORIES.map((category) => (
            <option key={category.value} value={category.value}>{category.label}</option>
          ))}
        </SelectField>
        <SelectField
          label="Activity (open data)"
          name="activityId"
          defaultValue={initial.activityId}
          error={errors.activityId}
          hint="For physical activity (a walking tour, a boat trip, a dance class): published in the OpenActive feeds. Leave empty for concerts, comedy, tastings."
        >
          <option value="">None: not a physical activity</option>
          {ACTIVITIES.map((concept) => (
            <option key={concept.identifier} value={concept.identifier}>{concept.prefLabel}</option>
          ))}
        </SelectField>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Minimum age" name="minAge" type="number" inputMode="numeric" min={0} max={120} defaultValue={initial.minAge} error={errors.minAge} hint="Empty: no minimum." />
          <TextField label="Maximum age" name="maxAge" type="number" inputMode="numeric" min={0} max={120} defaultValue={initial.maxAge} error={errors.maxAge} hint="Empty: no maximum." />
        </div>
      </section>

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

      <section aria-labelledby="image-heading" className={sectionClass}>
        <h2 id="image-heading" className="text-lg font-semibold">Image</h2>
        {initial.imagePath ? (
          <div className="flex items-center gap-3">
            <Image src={initial.imagePath} alt="" width={160} height={107} className="aspect-[3/2] w-40 rounded-lg object-cover" />
            <p className="text-sm text-stone-700">Current image. Choose a file below to replace it.</p>
          </div>
        ) : null}
        <TextField
          label={initial.imagePath ? "New image (optional)" : "Image"}
          name="image"
          type="file"
          accept={IMAGE_RULES.types.join(",")}
          error={imageError ?? errors.image}
          hint={`JPEG, PNG, WebP or AVIF, at most 5 MB, at least ${IMAGE_RULES.minWidth}×${IMAGE_RULES.minHeight} pixels. It is resized for the web.`}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (!file) return setImageError(null);
            if (!(IMAGE_RULES.types as readonly string[]).includes(file.type)) return setImageError("Use a JPEG, PNG, WebP or AVIF image");
            setImageError(file.size > IMAGE_RULES.maxBytes ? "Use an image of at most 5 MB" : null);
          }}
          className="[&_input]:py-2"
        />
        <TextField
          label="Image description"
          name="imageAlt"
          defaultValue={initial.imageAlt}
          error={errors.imageAlt}
          hint="What the image shows, for people who can't see it."
          required
          maxLength={200}
        />
      </section>

      <section aria-labelledby="sessions-heading" className={sectionClass}>
        <div>
          <h2 id="sessions-heading" className="text-lg font-semibold">Sessions and tickets</h2>
          <p className="text-sm text-stone-700">
            Dates and times on the venue&apos;s clock{venue ? ` (${venue.timeZone})` : ""}. A venue hosts one session at a time.
          </p>
        </div>
        <GroupError id={fieldId("sessions")} error={errors.sessions} />
        {sessions.map((session, i) => {
          const locked = session.ticketTypes.some((type) => type.sold + type.held > 0);
          return (
            <fieldset key={session.key} className="flex flex-col gap-4 rounded-xl border border-stone-200 p-3 sm:p-4">
              <legend className="px-1 font-semibold">Session {i + 1}</legend>
              {session.id ? <input type="hidden" name={`sessions.${i}.id`} value={session.id} /> : null}
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField label="Starts" name={`sessions.${i}.startsAt`} type="datetime-local" defaultValue={session.startsAt} error={errors[`sessions.${i}.startsAt`]} required />
                <TextField label="Ends" name={`sessions.${i}.endsAt`} type="datetime-local" defaultValue={session.endsAt} error={errors[`sessions.${i}.endsAt`]} required />
              </div>
              <GroupError id={fieldId(`sessions.${i}.ticketTypes`)} error={errors[`sessions.${i}.ticketTypes`]} />
              <ul className="flex flex-col gap-3">
                {session.ticketTypes.map((type, j) => {
                  const path = `sessions.${i}.ticketTypes.${j}`;
                  const taken = type.sold + type.held;
                  return (
                    <li key={type.key} className="flex flex-col gap-3 rounded-lg bg-stone-50 p-3">
                      <div className="flex flex-wrap items-center justify-between gap-2">
                        <h3 className="text-sm font-semibold">Ticket type {j + 1}</h3>
                        {type.id ? <p className="text-sm text-stone-700">{type.sold} sold · {type.held} held</p> : null}
                      </div>
                      {type.id ? <input type="hidden" name={`${path}.id`} value={type.id} /> : null}
                      <div className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_1fr]">
                        <TextField label="Name" name={`${path}.name`} defaultValue={type.name} error={errors[`${path}.name`]} required maxLength={80} />
                        <TextField label="Price" name={`${path}.price`} defaultValue={type.price} error={errors[`${path}.price`]} inputMode="decimal" hint="0 for free" required />
                        <TextField label="Currency" name={`${path}.currency`} defaultValue={type.currency} error={errors[`${path}.currency`]} maxLength={3} autoCapitalize="characters" required />
                        <TextField
                          label="Capacity"
                          name={`${path}.capacity`}
                          defaultValue={type.capacity}
                          error={errors[`${path}.capacity`]}
                          type="number"
                          inputMode="numeric"
                          min={taken}
                          hint={taken > 0 ? `At least ${taken}` : undefined}
                          required
                        />
                      </div>
                      <TextField label="Description (optional)" name={`${path}.description`} defaultValue={type.description} error={errors[`${path}.description`]} maxLength={300} />
                      <div>
                        <button
                          type="button"
                          className={smallButton}
                          disabled={taken > 0 || session.ticketTypes.length === 1}
                          onClick={() => updateSession(session.key, (current) => ({ ...current, ticketTypes: current.ticketTypes.filter((candidate) => candidate.key !== type.key) }))}
                        >
                          Remove ticket type {j + 1}
                        </button>
                        {taken > 0 ? <span className="ml-2 text-sm text-stone-600">Has tickets sold or held; set its capacity to stop sales.</span> : null}
                      </div>
                    </li>
                  );
                })}
              </ul>
              <div className="flex flex-wrap gap-2">
                <button type="button" className={smallButton} onClick={() => updateSession(session.key, (current) => ({ ...current, ticketTypes: [...current.ticketTypes, blankTicketType()] }))}>
                  Add a ticket type to session {i + 1}
                </button>
                <button type="button" className={smallButton} disabled={locked} onClick={() => setSessions((current) => current.filter((candidate) => candidate.key !== session.key))}>
                  Remove session {i + 1}
                </button>
              </div>
            </fieldset>
          );
        })}
        <div>
          <button
            type="button"
            className={smallButton}
            onClick={() => setSessions((current) => [...current, { key: newKey(), id: "", startsAt: "", endsAt: "", ticketTypes: [blankTicketType()] }])}
          >
            Add a session
          </button>
        </div>
      </section>

      <section aria-labelledby="resources-heading" className={sectionClass}>
        <div>
          <h2 id="resources-heading" className="text-lg font-semibold">Bookable experiences</h2>
          <p className="text-sm text-stone-700">For tours, classes or a boat: buyers pick a day, a start and a length within the opening hours.</p>
        </div>
        <GroupError id={fieldId("resources")} error={errors.resources} />
        {resources.map((resource, i) => {
          const path = `resources.${i}`;
          return (
            <fieldset key={resource.key} className="flex flex-col gap-4 rounded-xl border border-stone-200 p-3 sm:p-4">
              <legend className="px-1 font-semibold">Experience {i + 1}</legend>
              {resource.id ? <input type="hidden" name={`${path}.id`} value={resource.id} /> : null}
              <TextField label="Name" name={`${path}.name`} defaultValue={resource.name} error={errors[`${path}.name`]} hint="E.g. the guide or the boat." required maxLength={80} />
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField label="Opens at" name={`${path}.opensAt`} type="time" defaultValue={resource.opensAt} error={errors[`${path}.opensAt`]} required />
                <TextField label="Closes at" name={`${path}.closesAt`} type="time" defaultValue={resource.closesAt} error={errors[`${path}.closesAt`]} hint="00:00 means midnight." required />
              </div>
              <div className="grid gap-4 sm:grid-cols-3">
                <TextField label="Slot step (minutes)" name={`${path}.slotMinutes`} type="number" inputMode="numeric" min={5} defaultValue={resource.slotMinutes} error={errors[`${path}.slotMinutes`]} required />
                <TextField label="Shortest booking (minutes)" name={`${path}.minMinutes`} type="number" inputMode="numeric" min={5} defaultValue={resource.minMinutes} error={errors[`${path}.minMinutes`]} required />
                <TextField label="Longest booking (minutes)" name={`${path}.maxMinutes`} type="number" inputMode="numeric" min={5} defaultValue={resource.maxMinutes} error={errors[`${path}.maxMinutes`]} required />
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField label="Price per slot" name={`${path}.price`} defaultValue={resource.price} error={errors[`${path}.price`]} inputMode="decimal" required />
                <TextField label="Currency" name={`${path}.currency`} defaultValue={resource.currency} error={errors[`${path}.currency`]} maxLength={3} autoCapitalize="characters" required />
              </div>
              <div>
                <button type="button" className={smallButton} disabled={resource.bookings > 0} onClick={() => setResources((current) => current.filter((candidate) => candidate.key !== resource.key))}>
                  Remove experience {i + 1}
                </button>
                {resource.bookings > 0 ? <span className="ml-2 text-sm text-stone-600">Has bookings; it can&apos;t be removed.</span> : null}
              </div>
            </fieldset>
          );
        })}
        <div>
          <button
            type="button"
            className={smallButton}
            onClick={() =>
              setResources((current) => [
                ...current,
                { key: newKey(), id: "", name: "", opensAt: "09:00", closesAt: "18:00", slotMinutes: "30", minMinutes: "60", maxMinutes: "180", price: "", currency: "EUR", bookings: 0 },
              ])
            }
          >
            Add a bookable experience
          </button>
        </div>
      </section>

      <fieldset
        id={fieldId("status")}
        className={sectionClass}
        aria-describedby={errors.status ? `${fieldId("status")}-error` : undefined}
      >
        <legend className="float-left mb-2 text-lg font-semibold">Visibility</legend>
        <div className="clear-left flex flex-col gap-2">
          {[
            { value: "draft", label: "Draft", hint: "Only admins can see it." },
            { value: "published", label: "Published", hint: "On the storefront and on sale." },
          ].map((option) => (
            <label key={option.value} className="flex min-h-11 items-start gap-3">
              <input
                type="radio"
                name="status"
                value={option.value}
                defaultChecked={(initial.status === "published" ? "published" : "draft") === option.value}
                className="mt-1 size-5"
              />
              <span>
                <span className="font-medium">{option.label}</span>
                <span className="block text-sm text-stone-700">{option.hint}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.status ? <p id={`${fieldId("status")}-error`} className="text-sm font-medium text-red-700">{errors.status}</p> : null}
      </fieldset>

      <div>
        <button type="submit" disabled={pending} className="min-h-12 w-full rounded-xl bg-brand-600 px-6 font-semibold text-white hover:bg-brand-700 disabled:opacity-60 sm:w-auto">
          {pending ? "Saving…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
