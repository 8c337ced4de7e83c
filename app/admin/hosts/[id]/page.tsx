import Link from "next/link";
import { adminTitle } from "@/app/admin/admin-title";
import { HostProfileForm } from "@/components/admin/host-profile-form";
import { orNotFound } from "@/lib/admin/or-not-found";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { getHostProfile } from "@/lib/hosts/profile/get-host-profile";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { leaveHostAction, updateHostProfileAction } from "../actions";

export const generateMetadata = adminTitle("Host");

/** A host's public page, edited by its owners and managers (and the platform admin). */
export default async function HostProfilePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const { host, canManageTeam, ownRole } = await orNotFound(getHostProfile({ actor, hostId: id }));
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/hosts" className="text-sm font-medium text-brand-700 underline">All hosts</Link>
      <h1 className="text-2xl font-bold tracking-tight">{host.name}</h1>
      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <a href={`/hosts/${host.slug}`} className="font-medium text-brand-700 underline">See the public page</a>
        {canManageTeam ? <Link href={`/admin/hosts/${host.id}/team`} className="font-medium text-brand-700 underline">Team</Link> : null}
        <Link href={`/admin/payouts/${host.id}`} className="font-medium text-brand-700 underline">Payouts</Link>
      </p>
      {firstParam(query.notice) === "saved" ? <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900">Changes saved. The public page shows them now.</p> : null}
      <HostProfileForm action={updateHostProfileAction.bind(null, host.id)} initial={host} />
      {ownRole ? (
        <section aria-labelledby="leave-heading" className="flex flex-col gap-2 rounded-2xl border border-red-200 bg-white p-4">
          <h2 id="leave-heading" className="text-lg font-semibold">Leave {host.name}</h2>
          <p className="text-sm text-stone-700">You are its {ownRole}. Leaving takes this host off your dashboard; an owner can invite you again. A host keeps at least one owner.</p>
          <ActionButtonForm action={leaveHostAction.bind(null, host.id)} label="Leave this host" pendingLabel="Leaving…" confirmLabel={`I leave ${host.name}`} tone="danger" />
        </section>
      ) : null}
    </div>
  );
}
