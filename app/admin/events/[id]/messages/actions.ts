"use server";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { toActionState } from "@/lib/actions/to-action-state";
import { formDataToObject } from "@/lib/admin/events/form-data";
import { composeAttendeeMessage } from "@/lib/admin/messages/compose-attendee-message";
import { requireAdminActor } from "@/lib/admin/require-admin";

export async function composeAttendeeMessageAction(eventId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  let messageId: string;
  try {
    ({ id: messageId } = await composeAttendeeMessage({ actor, eventId, input: formDataToObject(formData) }));
  } catch (error) {
    return toActionState(error, { action: "event.message", actorId: actor.id, eventId });
  }
  redirect(`/admin/events/${eventId}/messages/${messageId}?notice=queued`);
}
