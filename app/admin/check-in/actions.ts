"use server";
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/actions/action-state";
import { grantDoorStaff, revokeDoorStaff } from "@/lib/admin/check-in/staff-grants";
import { undoCheckIn } from "@/lib/admin/check-in/undo-check-in";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { toActionState } from "@/lib/actions/to-action-state";

export async function grantDoorStaffAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await grantDoorStaff({ actor, input: { email: formData.get("email"), eventId: formData.get("eventId") } });
  } catch (error) {
    return toActionState(error, { action: "staff.grant", actorId: actor.id });
  }
  revalidatePath("/admin/check-in");
  return { ok: true, message: "Door staff added. They check tickets in at /check-in." };
}

export async function revokeDoorStaffAction(grantId: string): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await revokeDoorStaff({ actor, grantId });
  } catch (error) {
    return toActionState(error, { action: "staff.revoke", actorId: actor.id, grantId });
  }
  revalidatePath("/admin/check-in");
  return { ok: true, message: "Removed." };
}

export async function undoCheckInAction(checkInId: string): Promise<ActionState> {
  const actor = await requireAdminActor();
  let sessionId: string;
  try {
    ({ sessionId } = await undoCheckIn({ actor, checkInId }));
  } catch (error) {
    return toActionState(error, { action: "check_in.undo", actorId: actor.id, checkInId });
  }
  revalidatePath(`/admin/check-in/${sessionId}`);
  return { ok: true, message: "Check-in undone." };
}
