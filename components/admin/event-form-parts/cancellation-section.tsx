import type { EventFormValues } from "@/lib/admin/events/form-values";
import { SelectField, TextField } from "../form-fields";
import { sectionClass } from "./styles";

type Props = { initial: Pick<EventFormValues, "cancellationPolicy" | "cancellationCutoffHours" | "cancellationFeePercent">; errors: Record<string, string | undefined> };

/** Whether and until when buyers may cancel, and the fee kept (issue 29.1); buyers see it before paying. */
export function CancellationSection({ initial, errors }: Props) {
  return (
    <section aria-labelledby="cancellation-heading" className={sectionClass}>
      <div>
        <h2 id="cancellation-heading" className="text-lg font-semibold">Cancellation</h2>
        <p className="text-sm text-stone-700">
          Buyers see this before paying and on their order. They cancel the whole order or single tickets themselves; the refund goes back the way they paid and the
          places go back on sale (or to the waiting list).
        </p>
      </div>
      <SelectField label="Buyers may cancel" name="cancellationPolicy" defaultValue={initial.cancellationPolicy} error={errors.cancellationPolicy}>
        <option value="free">Free of charge: a full refund</option>
        <option value="fee">For a fee: a refund less a percentage</option>
        <option value="none">Never: no cancellation</option>
      </SelectField>
      <TextField
        label="Cancellation closes (hours before the start)"
        name="cancellationCutoffHours"
        type="number"
        inputMode="numeric"
        min={0}
        max={8760}
        defaultValue={initial.cancellationCutoffHours}
        error={errors.cancellationCutoffHours}
        hint="24 is a day before, 0 until the start, at most 8760 (a year)."
        required
      />
      <TextField
        label="Cancellation fee (% of the price)"
        name="cancellationFeePercent"
        type="number"
        inputMode="numeric"
        min={0}
        max={100}
        defaultValue={initial.cancellationFeePercent}
        error={errors.cancellationFeePercent}
        hint="Kept when buyers cancel under “for a fee”, rounded to the cent. Ignored otherwise."
      />
    </section>
  );
}
