"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { createEvent } from "@/lib/admin/events/create-event";
import { deleteEvent } from "@/lib/admin/events/delete-event";
import { formDataToObject } from "@/lib/admin/events/form-data";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { toActionState } from "@/lib/actions/to-action-state";
import { updateEvent } from "@/lib/admin/events/update-event";
import { uploadFromForm } from "@/lib/admin/events/upload-from-form";

export async function createEventAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  let eventId: string;
  try {
    ({ id: eventId } = await createEvent({ actor, input: formDataToObject(formData), image: await uploadFromForm(formData) }));
  } catch (error) {
    return toActionState(error, { action: "event.create", actorId: actor.id });
  }
  revalidatePath("/", "layout");
  redirect(`/admin/events/${eventId}?notice=created`);
}

export async function updateEventAction(eventId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await updateEvent({ actor, eventId, input: formDataToObject(formData), image: await uploadFromForm(formData) });
  } catch (error) {
    return toActionState(error, { action: "event.update", actorId: actor.id, eventId });
  }
  revalidatePath("/", "layout");
  redirect(`/admin/events/${eventId}?notice=saved`);
}

export async function deleteEventAction(eventId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  if (formData.get("confirm") !== "yes") {
    return { ok: false, message: "Tick the box to confirm.", fieldErrors: { confirm: "Confirm that this event should be deleted or cancelled" } };
  }
  let notice: string;
  try {
    const outcome = await deleteEvent({ actor, eventId, input: { version: formData.get("version") } });
    notice = outcome.outcome === "deleted" ? "deleted" : `cancelled&refunds=${outcome.refundsQueued}`;
  } catch (error) {
    return toActionState(error, { action: "event.delete", actorId: actor.id, eventId });
  }
  revalidatePath("/", "layout");
  redirect(outcomeUrl(notice, eventId));
}

function outcomeUrl(notice: string, eventId: string): string {
  return notice === "deleted" ? "/admin/events?notice=deleted" : `/admin/events/${eventId}?notice=${notice}`;
}
