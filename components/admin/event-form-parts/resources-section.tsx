"use client";
import { useRef, useState } from "react";
import type { ResourceFormValues } from "@/lib/admin/events/form-values";
import { fieldId, GroupError, TextField } from "../form-fields";
import { sectionClass, smallButton } from "./styles";

/** Bookable experiences: opening hours, slot step, lengths and price; one with bookings stays. */
export function ResourcesSection({ initial, errors }: { initial: ResourceFormValues[]; errors: Record<string, string> }) {
  const [resources, setResources] = useState<ResourceFormValues[]>(initial);
  const counter = useRef(0);
  const newKey = () => `new-resource-${++counter.current}`;
  return (
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
  );
}
