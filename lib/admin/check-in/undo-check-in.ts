import "server-only";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { writeAudit } from "../audit";
import { assertAdmin, type Actor } from "../authorize";
import { assertRowInScope } from "../host-scope";
import { AdminError } from "../errors";

/**
 * Undoes a standing check-in (a mistaken scan): the row stays, marked undone by whom and
 * when, and the ticket may be admitted again. One conditional UPDATE, audited in the same
 * transaction; undoing twice is refused.
 */
export async function undoCheckIn(options: { actor: Actor; checkInId: string }): Promise<{ sessionId: string }> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.checkInId)) throw new AdminError("not_found", "Check-in not found");
  await assertRowInScope(actor, "check_in", options.checkInId, "Check-in not found");
  return prisma.$transaction(async (tx) => {
    const undone = await tx.checkIn.updateMany({ where: { id: options.checkInId, undoneAt: null }, data: { undoneAt: new Date(), undoneBy: actor.email } });
    const row = await tx.checkIn.findUnique({ where: { id: options.checkInId } });
    if (!row) throw new AdminError("not_found", "Check-in not found");
    if (undone.count === 0) throw new AdminError("conflict", "This check-in was already undone.");
    await writeAudit(tx, {
      actor,
      action: "check_in.undo",
      entityType: "check_in",
      entityId: row.id,
      before: { ticketId: row.ticketId, sessionId: row.sessionId, door: row.door, staffEmail: row.staffEmail, scannedAt: row.scannedAt, undone: false },
      after: { undone: true, undoneAt: row.undoneAt },
    });
    return { sessionId: row.sessionId };
  });
}
