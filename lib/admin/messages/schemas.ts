// An admin's message to attendees as the compose form (or a JSON client) sends it. Pure zod.
import { z } from "zod";
import { text } from "../events/schema-parts";

export const ZAttendeeMessageInput = z.object({
  /** A session of the event; blank: everyone with a ticket for the event (any date, any booked time). */
  sessionId: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.uuid("Choose a date of this event").optional()),
  subject: text("a subject", 3, 150),
  /** Plain text: blank lines make paragraphs. */
  body: text("a message", 10, 5000),
});

export type AttendeeMessageInput = z.infer<typeof ZAttendeeMessageInput>;
