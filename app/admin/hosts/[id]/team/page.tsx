import Link from "next/link";
import { adminTitle } from "@/app/admin/admin-title";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { InviteForm, RoleForm } from "@/components/admin/host-team";
import { orNotFound } from "@/lib/admin/or-not-found";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { listTeam } from "@/lib/hosts/team/list-team";
import { changeMemberRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "../../actions";

export const generateMetadata = adminTitle("Team");

const day = (date: Date) => date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** A host's team: its owners (and the platform admin) invite, change roles and remove; managers and door staff get a 404. */
export default async function HostTeamPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminActor();
  const { id } = await params;
  const { host, members, invitations } = await orNotFound(listTeam({ actor, hostId: id }));
  return (
    <div className="flex flex-col gap-4">
      <Link href={`/admin/hosts/${host.id}`} className="text-sm font-medium text-brand-700 underline">{host.name}</Link>
      <h1 className="text-2xl font-bold tracking-tight">Team: {host.name}</h1>
      <section aria-labelledby="members-heading" className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="members-heading" className="text-lg font-semibold">Members</h2>
        <p className="text-sm text-stone-700">A host always keeps at least one owner.</p>
        <ul className="flex flex-col divide-y divide-stone-200">
          {members.map((member) => (
            <li key={member.userId} className="flex flex-col gap-2 py-3" data-testid="team-member">
              <p className="break-words"><span className="font-semibold">{member.name}</span> · {member.email}</p>
              <p className="text-sm text-stone-700">{member.role} since {day(member.since)}</p>
              <RoleForm action={changeMemberRoleAction.bind(null, host.id, member.userId)} role={member.role} name={member.name} />
              <details>
                <summary className="cursor-pointer text-sm font-medium text-red-800">Remove {member.name}</summary>
                <div className="pt-2">
                  <ActionButtonForm action={removeMemberAction.bind(null, host.id, member.userId)} label="Remove from the team" pendingLabel="Removing…" confirmLabel={`${member.name} leaves ${host.name}'s team`} tone="danger" />
                </div>
              </details>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="invite-heading" className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="invite-heading" className="text-lg font-semibold">Invite someone</h2>
        <p className="text-sm text-stone-700">They get an email with a link that works for 7 days; they accept it signed in with that address (a sign-in link makes an account if they have none).</p>
        <InviteForm action={inviteMemberAction.bind(null, host.id)} />
      </section>
      <section aria-labelledby="invitations-heading" className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="invitations-heading" className="text-lg font-semibold">Open invitations</h2>
        {invitations.length === 0 ? <p>None.</p> : (
          <ul className="flex flex-col divide-y divide-stone-200">
            {invitations.map((invitation) => (
              <li key={invitation.id} className="flex flex-col gap-2 py-3" data-testid="team-invitation">
                <p className="break-words"><span className="font-semibold">{invitation.email}</span> · {invitation.role}</p>
                <p className="text-sm text-stone-700">
                  Invited by {invitation.invitedByName} on {day(invitation.createdAt)} · {invitation.expired ? `expired on ${day(invitation.expiresAt)}` : `works until ${day(invitation.expiresAt)}`}
                </p>
                <ActionButtonForm action={revokeInvitationAction.bind(null, host.id, invitation.id)} label="Withdraw" pendingLabel="Withdrawing…" />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
