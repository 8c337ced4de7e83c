"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { toActionState } from "@/lib/actions/to-action-state";
import { formDataToObject } from "@/lib/admin/events/form-data";
import { uploadFromForm } from "@/lib/admin/events/upload-from-form";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { updateHostProfile } from "@/lib/hosts/profile/update-host-profile";
import { changeMemberRole } from "@/lib/hosts/team/change-member-role";
import { inviteMember } from "@/lib/hosts/team/invite-member";
import { removeMember } from "@/lib/hosts/team/remove-member";
import { revokeInvitation } from "@/lib/hosts/team/revoke-invitation";

const teamPath = (hostId: string) => `/admin/hosts/${hostId}/team`;

/** A host's page: its owners and managers, and the platform admin. */
export async function updateHostProfileAction(hostId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await updateHostProfile({ actor, hostId, input: formDataToObject(formData), photo: await uploadFromForm(formData, "photo") });
  } catch (error) {
    return toActionState(error, { action: "host.profile", actorId: actor.id, hostId });
  }
  revalidatePath(`/admin/hosts/${hostId}`);
  redirect(`/admin/hosts/${hostId}?notice=saved`);
}

/** An invitation to the host's team, by email (its owners and the platform admin). */
export async function inviteMemberAction(hostId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  let email: string;
  try {
    ({ email } = await inviteMember({ actor, hostId, input: formDataToObject(formData) }));
  } catch (error) {
    return toActionState(error, { action: "host.invite", actorId: actor.id, hostId });
  }
  revalidatePath(teamPath(hostId));
  return { ok: true, message: `Invitation sent to ${email}.` };
}

export async function changeMemberRoleAction(hostId: string, userId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await changeMemberRole({ actor, hostId, userId, input: formDataToObject(formData) });
  } catch (error) {
    return toActionState(error, { action: "host.member_role", actorId: actor.id, hostId, userId });
  }
  revalidatePath(teamPath(hostId));
  return { ok: true, message: "Role saved." };
}

export async function removeMemberAction(hostId: string, userId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  if (formData.get("confirm") !== "yes") return { ok: false, message: "Tick the box to confirm.", fieldErrors: { confirm: "Confirm that this person leaves the team" } };
  try {
    await removeMember({ actor, hostId, userId });
  } catch (error) {
    return toActionState(error, { action: "host.member_remove", actorId: actor.id, hostId, userId });
  }
  revalidatePath(teamPath(hostId));
  return { ok: true, message: "Removed from the team." };
}

/** A member leaves the host's team by themselves (never its last owner). */
export async function leaveHostAction(hostId: string, _previous: ActionState, formData: FormData): Promise<ActionState> {
  const actor = await requireAdminActor();
  if (formData.get("confirm") !== "yes") return { ok: false, message: "Tick the box to confirm.", fieldErrors: { confirm: "Confirm that you leave this host" } };
  try {
    await removeMember({ actor, hostId, userId: actor.id });
  } catch (error) {
    return toActionState(error, { action: "host.member_leave", actorId: actor.id, hostId });
  }
  // Still running another host (or the platform): the hosts list; else the dashboard is gone.
  const stillAdmin = actor.scope === "all" || actor.scope.some((other) => other !== hostId);
  redirect(stillAdmin ? "/admin/hosts?notice=left" : "/");
}

export async function revokeInvitationAction(hostId: string, invitationId: string): Promise<ActionState> {
  const actor = await requireAdminActor();
  try {
    await revokeInvitation({ actor, hostId, invitationId });
  } catch (error) {
    return toActionState(error, { action: "host.invite_revoke", actorId: actor.id, hostId, invitationId });
  }
  revalidatePath(teamPath(hostId));
  return { ok: true, message: "Invitation withdrawn." };
}
