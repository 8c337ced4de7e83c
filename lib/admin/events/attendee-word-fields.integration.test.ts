// The event form's meeting point and reminder hours (issue 29.4): saved, shown back in the
// form, refused out of range next to the field, and the defaults when a client leaves them out.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createActor, eventInput } from "@/tests/admin-fixtures";
import { createEvent } from "./create-event";
import { getEventForm } from "./get-event-form";

describe("the meeting point and the reminder's hours", () => {
  it("are saved and shown back in the form; blank is no meeting point, absent is a day ahead", async () => {
    const actor = await createActor();
    const { input } = await eventInput({ meetingPoint: "  By the fountain  ", reminderHoursBefore: "6" });
    const saved = await createEvent({ actor, input });
    expect(await prisma.event.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({ meetingPoint: "By the fountain", reminderHoursBefore: 6 });
    expect(await getEventForm({ actor, eventId: saved.id })).toMatchObject({ meetingPoint: "By the fountain", reminderHoursBefore: "6" });

    const { input: plain } = await eventInput({ meetingPoint: "" });
    const other = await createEvent({ actor, input: plain });
    expect(await prisma.event.findUniqueOrThrow({ where: { id: other.id } })).toMatchObject({ meetingPoint: null, reminderHoursBefore: 24 });
  });

  it("refuses hours out of range and a meeting point too long, next to each field", async () => {
    const actor = await createActor();
    const { input } = await eventInput({ meetingPoint: "x".repeat(501), reminderHoursBefore: "400" });
    await expect(createEvent({ actor, input })).rejects.toMatchObject({
      code: "validation_failed",
      fieldErrors: { meetingPoint: "Use at most 500 characters", reminderHoursBefore: "Use at most 336" },
    });
  });
});
