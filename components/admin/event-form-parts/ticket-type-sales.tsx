"use client";
import { useRef, useState } from "react";
import type { PriceTierFormValues, TicketTypeFormValues } from "@/lib/admin/events/form-values";
import { CheckboxField, fieldId, GroupError, TextField } from "../form-fields";
import { smallButton } from "./styles";

type Props = { path: string; type: TicketTypeFormValues; errors: Record<string, string>; index: number; timeZone: string | undefined };

const MAX_TIERS = 10;

/**
 * A ticket type's sale window (the venue's clock), whether only a revealing code sells it, and
 * its early prices in order: each until a time and/or until so many are taken, then the next,
 * then the type's own price. Folded away unless set or refused.
 */
export function TicketTypeSales({ path, type, errors, index, timeZone }: Props) {
  const counter = useRef(0);
  const [tiers, setTiers] = useState<PriceTierFormValues[]>(type.tiers);
  const set = Boolean(type.salesStart || type.salesEnd || type.hidden || type.tiers.length > 0);
  const hasError = Object.keys(errors).some((key) => key.startsWith(`${path}.sales`) || key.startsWith(`${path}.hidden`) || key.startsWith(`${path}.tiers`));
  return (
    <details open={set || hasError || undefined} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="ticket-type-sales">
      <summary className="cursor-pointer text-sm font-semibold">
        Sale dates, hidden and early prices of ticket type {index}
        {set ? <span className="font-normal text-stone-600"> (set)</span> : null}
      </summary>
      <div className="mt-3 flex flex-col gap-3">
        <p className="text-sm text-stone-700">On the venue&apos;s clock{timeZone ? ` (${timeZone})` : ""}. Blank: on sale from publishing until the session starts.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField label="Sales start" name={`${path}.salesStart`} type="datetime-local" defaultValue={type.salesStart} error={errors[`${path}.salesStart`]} />
          <TextField label="Sales end" name={`${path}.salesEnd`} type="datetime-local" defaultValue={type.salesEnd} error={errors[`${path}.salesEnd`]} />
        </div>
        <CheckboxField
          label="Hidden: sold only with a code that reveals it (a presale or a guest list)"
          name={`${path}.hidden`}
          defaultChecked={type.hidden}
          error={errors[`${path}.hidden`]}
        />
        <GroupError id={fieldId(`${path}.tiers`)} error={errors[`${path}.tiers`]} />
        {tiers.length > 0 ? (
          <ol className="flex flex-col gap-3">
            {tiers.map((tier, k) => {
              const tierPath = `${path}.tiers.${k}`;
              return (
                <li key={tier.key} className="flex flex-col gap-2 rounded-lg bg-stone-50 p-3">
                  <h4 className="text-sm font-semibold">Early price {k + 1}</h4>
                  <div className="grid gap-3 sm:grid-cols-3">
                    <TextField label="Price" name={`${tierPath}.price`} defaultValue={tier.price} error={errors[`${tierPath}.price`]} inputMode="decimal" required />
                    <TextField label="Until" name={`${tierPath}.until`} type="datetime-local" defaultValue={tier.until} error={errors[`${tierPath}.until`]} />
                    <TextField
                      label="Or until this many are taken"
                      name={`${tierPath}.untilTaken`}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      defaultValue={tier.untilTaken}
                      error={errors[`${tierPath}.untilTaken`]}
                    />
                  </div>
                  <div>
                    <button type="button" className={smallButton} onClick={() => setTiers((current) => current.filter((candidate) => candidate.key !== tier.key))}>
                      Remove early price {k + 1}
                    </button>
                  </div>
                </li>
              );
            })}
          </ol>
        ) : null}
        <div>
          <button
            type="button"
            className={smallButton}
            disabled={tiers.length >= MAX_TIERS}
            onClick={() => setTiers((current) => [...current, { key: `new-tier-${++counter.current}`, price: "", until: "", untilTaken: "" }])}
          >
            Add an early price to ticket type {index}
          </button>
        </div>
      </div>
    </details>
  );
}
