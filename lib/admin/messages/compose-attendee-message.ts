import "server-only";
import { createAttendeeMessage } from "@/lib/attendee-messages/create-message";
import { inTransaction } from "@/lib/db/transaction";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import { isUuid } from "@/lib/ids";
import { assertAdmin, type Actor } from "../authorize";
import { assertRowInScope } from "../host-scope";
import { writeAudit } from "../audit";
import { AdminError } from "../errors";
import { ZAttendeeMessageInput } from "./schemas";

/**
 * An admin writes to everyone holding a valid ticket for a session or the whole event: the
 * message, its fan-out job and the audit entry commit together. Who receives it is worked out
 * by the job (lib/attendee-messages), which the admin's list shows as it goes.
 */
export async function composeAttendeeMessage(options: { actor: Actor | null; eventId: string; input: unknown }): Promise<{ id: string }> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.eventId)) throw new AdminError("not_found", "This event does not exist");
  await assertRowInScope(actor, "event", options.eventId, "This event does not exist");
  const parsed = ZAttendeeMessageInput.safeParse(options.input);
  if (!parsed.success) throw new AdminError("validation_failed", "Check the highlighted fields.", fieldErrorsOf(parsed.error.issues));
  const { sessionId = null, subject, body } = parsed.data;
  return inTransaction(async (tx) => {
    const event = await tx.event.findUnique({ where: { id: options.eventId }, select: { id: true, sessions: { where: sessionId ? { id: sessionId } : { id: { in: [] } }, select: { id: true } } } });
    if (!event) throw new AdminError("not_found", "This event does not exist");
    if (sessionId && event.sessions.length === 0) throw new AdminError("validation_failed", "Check the highlighted fields.", { sessionId: "Choose a date of this event" });
    const created = await createAttendeeMessage(tx, { eventId: event.id, sessionId, subject, body, authorId: actor.id });
    await writeAudit(tx, { actor, action: "event.message", entityType: "event", entityId: event.id, after: { messageId: created.id, sessionId, subject } });
    return created;
  });
}
