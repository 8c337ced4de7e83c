import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { enqueueJob } from "@/lib/jobs/enqueue";

export type NewAttendeeMessage = { eventId: string; sessionId: string | null; subject: string; body: string; authorId: string | null };

/**
 * Keeps an admin's message and queues its fan-out in the caller's transaction (the job commits
 * with the message or not at all). The recipients are worked out by the job
 * (fan-out-message.ts), so writing to a sold-out festival is as quick as writing to a workshop.
 */
export async function createAttendeeMessage(tx: Tx, message: NewAttendeeMessage): Promise<{ id: string }> {
  const created = await tx.attendeeMessage.create({ data: message, select: { id: true } });
  await enqueueJob(tx, "fan_out_attendee_message", { messageId: created.id });
  return created;
}
