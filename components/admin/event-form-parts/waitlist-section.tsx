import type { EventFormValues } from "@/lib/admin/events/form-values";
import { TextField } from "../form-fields";
import { sectionClass } from "./styles";

type Props = { initial: Pick<EventFormValues, "waitlistOfferHours">; errors: Record<string, string | undefined> };

/** How long a place that came back is held for the next person on the waiting list (issue 29.3). */
export function WaitlistSection({ initial, errors }: Props) {
  return (
    <section aria-labelledby="waitlist-heading" className={sectionClass}>
      <div>
        <h2 id="waitlist-heading" className="text-lg font-semibold">Waiting list</h2>
        <p className="text-sm text-stone-700">
          When a sold-out ticket type gets places back, the next person on its waiting list is emailed a code that holds them; nobody else can buy them meanwhile. If the
          code is not used in time, the next person gets them.
        </p>
      </div>
      <TextField
        label="An offer holds its places for (hours)"
        name="waitlistOfferHours"
        type="number"
        inputMode="numeric"
        min={1}
        max={336}
        defaultValue={initial.waitlistOfferHours}
        error={errors.waitlistOfferHours}
        hint="12 by default; from 1 to 336 (two weeks)."
        required
      />
    </section>
  );
}
