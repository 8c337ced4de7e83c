"use client";
import { useRef, useState } from "react";
import type { QuotaFormValues, SessionFormValues } from "@/lib/admin/events/form-values";
import { CheckboxField, fieldId, GroupError, TextField } from "../form-fields";
import { smallButton } from "./styles";

type Props = { session: SessionFormValues; sessionIndex: number; errors: Record<string, string> };

const MAX_QUOTAS = 10;

/**
 * A session's shared capacities: a name, a capacity and the ticket types it caps together
 * (100 places, adult or child). A new ticket type is named by its place in the form.
 */
export function SessionQuotas({ session, sessionIndex, errors }: Props) {
  const counter = useRef(0);
  const [quotas, setQuotas] = useState<QuotaFormValues[]>(session.quotas);
  const number = sessionIndex + 1;
  return (
    <div className="flex flex-col gap-3" data-testid="session-quotas">
      <h3 className="text-sm font-semibold">Shared capacity of session {number}</h3>
      <p className="text-sm text-stone-700">Optional: cap several ticket types together, like 100 places for adults and children.</p>
      {quotas.map((quota, k) => {
        const path = `sessions.${sessionIndex}.quotas.${k}`;
        return (
          <fieldset key={quota.key} className="flex flex-col gap-3 rounded-lg bg-stone-50 p-3">
            <legend className="float-left text-sm font-semibold">Shared capacity {k + 1}</legend>
            {quota.id ? <input type="hidden" name={`${path}.id`} value={quota.id} /> : null}
            <div className="clear-left grid gap-3 sm:grid-cols-2">
              <TextField label="Name" name={`${path}.name`} defaultValue={quota.name} error={errors[`${path}.name`]} maxLength={100} required />
              <TextField
                label="Capacity"
                name={`${path}.capacity`}
                type="number"
                inputMode="numeric"
                min={quota.taken}
                defaultValue={quota.capacity}
                error={errors[`${path}.capacity`]}
                hint={quota.taken > 0 ? `At least ${quota.taken} (taken now)` : undefined}
                required
              />
            </div>
            <GroupError id={fieldId(`${path}.ticketTypes`)} error={errors[`${path}.ticketTypes`]} />
            <div className="flex flex-col">
              {session.ticketTypes.map((type, j) => {
                const ref = type.id || `sessions.${sessionIndex}.ticketTypes.${j}`;
                return (
                  <CheckboxField
                    key={type.key}
                    label={type.name || `Ticket type ${j + 1}`}
                    name={`${path}.ticketTypes.${j}`}
                    value={ref}
                    defaultChecked={quota.ticketTypes.includes(ref)}
                  />
                );
              })}
            </div>
            <div>
              <button type="button" className={smallButton} disabled={quota.taken > 0} onClick={() => setQuotas((current) => current.filter((candidate) => candidate.key !== quota.key))}>
                Remove shared capacity {k + 1}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button
          type="button"
          className={smallButton}
          disabled={quotas.length >= MAX_QUOTAS}
          onClick={() => setQuotas((current) => [...current, { key: `new-quota-${++counter.current}`, id: "", name: "", capacity: "", ticketTypes: [], taken: 0 }])}
        >
          Add a shared capacity to session {number}
        </button>
      </div>
    </div>
  );
}
