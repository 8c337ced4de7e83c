"use server";
import { revalidatePath } from "next/cache";
import type { ActionState } from "@/lib/actions/action-state";
import { toActionState } from "@/lib/actions/to-action-state";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { offerFreePlacesNow, offerToEntry } from "@/lib/admin/waitlist/offer-waitlist";

export async function offerFreePlacesAction(eventId: string, ticketTypeId: string): Promise<ActionState> {
  const actor = await requireAdminActor();
  let made: number;
  try {
    made = await offerFreePlacesNow({ actor, ticketTypeId });
  } catch (error) {
    return toActionState(error, { action: "waitlist.offer_free_places", actorId: actor.id, ticketTypeId });
  }
  revalidatePath(`/admin/events/${eventId}/waitlist`);
  return { ok: true, message: made === 0 ? "No offer made: no free places fit the next in line." : `${made} ${made === 1 ? "offer" : "offers"} sent.` };
}

export async function offerToEntryAction(eventId: string, entryId: string): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await offerToEntry({ actor, entryId });
  } catch (error) {
    return toActionState(error, { action: "waitlist.offer", actorId: actor.id, entryId });
  }
  revalidatePath(`/admin/events/${eventId}/waitlist`);
  return { ok: true, message: "Offer sent." };
}
