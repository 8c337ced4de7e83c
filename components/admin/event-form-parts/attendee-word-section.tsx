import { TextAreaField, TextField } from "../form-fields";
import { sectionClass } from "./styles";

type Props = { meetingPoint: string; reminderHoursBefore: string; errors: Record<string, string> };

/** Where attendees meet and when they are reminded (issue 29.4): the reminder carries both. */
export function AttendeeWordSection({ meetingPoint, reminderHoursBefore, errors }: Props) {
  return (
    <section aria-labelledby="attendee-word-heading" className={sectionClass}>
      <div>
        <h2 id="attendee-word-heading" className="text-lg font-semibold">Meeting point and reminder</h2>
        <p className="text-sm text-stone-700">
          Every ticket holder gets one reminder by email before the start, with the meeting point, a calendar file and the link to their tickets.
        </p>
      </div>
      <TextAreaField
        label="Meeting point (optional)"
        name="meetingPoint"
        rows={2}
        maxLength={500}
        defaultValue={meetingPoint}
        error={errors.meetingPoint}
        hint="Where people meet, e.g. “By the fountain at the north gate, 15 minutes before the start”. Shown on the event page and in the reminder."
      />
      <TextField
        label="Send the reminder (hours before the start)"
        name="reminderHoursBefore"
        type="number"
        inputMode="numeric"
        min={0}
        max={336}
        defaultValue={reminderHoursBefore}
        error={errors.reminderHoursBefore}
        hint="24 is a day before; 0 sends no reminder; at most 336 (two weeks)."
        required
      />
    </section>
  );
}
