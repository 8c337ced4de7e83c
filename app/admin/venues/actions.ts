"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { formDataToObject } from "@/lib/admin/events/form-data";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { createVenue, updateVenueAddress } from "@/lib/admin/venues/venues";
import { toActionState } from "@/lib/actions/to-action-state";

export async function createVenueAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  let created: { id: string };
  try {
    created = await createVenue({ actor, input: formDataToObject(formData) });
  } catch (error) {
    return toActionState(error, { action: "venue.create", actorId: actor.id });
  }
  revalidatePath("/", "layout");
  redirect(`/admin/venues/${created.id}?notice=created`);
}

export async function updateVenueAction(venueId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await updateVenueAddress({ actor, venueId, input: formDataToObject(formData) });
  } catch (error) {
    return toActionState(error, { action: "venue.update", actorId: actor.id, venueId });
  }
  revalidatePath("/", "layout");
  redirect(`/admin/venues/${venueId}?notice=saved`);
}
