"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { toActionState } from "@/lib/actions/to-action-state";
import { formDataToObject } from "@/lib/admin/events/form-data";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { payoutsPath, startHostOnboarding } from "@/lib/payouts/host-account";
import { setHostFee } from "@/lib/payouts/host-fee";
import { setPlatformFee } from "@/lib/payouts/platform-fee";

/** The host's owner or manager connects (or finishes) its Stripe account: off to Stripe's onboarding. */
export async function connectHostAction(hostId: string): Promise<ActionState> {
  const actor = await requireAdminActor();
  let url: string;
  try {
    ({ url } = await startHostOnboarding({ actor, hostId }));
  } catch (error) {
    return toActionState(error, { action: "host.connect", actorId: actor.id, hostId });
  }
  redirect(url);
}

/** The platform admin sets the platform's fee for one host. */
export async function setHostFeeAction(hostId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await setHostFee({ actor, hostId, input: formDataToObject(formData) });
  } catch (error) {
    return toActionState(error, { action: "host.fee", actorId: actor.id, hostId });
  }
  revalidatePath(payoutsPath(hostId));
  return { ok: true, message: "Fee saved." };
}

/** The platform admin sets the platform's default fee (hosts without their own pay it). */
export async function setPlatformFeeAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await setPlatformFee({ actor, input: formDataToObject(formData) });
  } catch (error) {
    return toActionState(error, { action: "platform.fee", actorId: actor.id });
  }
  revalidatePath("/admin/payouts", "layout");
  return { ok: true, message: "Default fee saved." };
}
