import Link from "next/link";
import { adminTitle } from "@/app/admin/admin-title";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { canManageTeam, canRunPlatform } from "@/lib/auth/policy";
import { listOwnHosts } from "@/lib/hosts/list-own-hosts";
import { firstParam, type PageSearchParams } from "@/lib/search-params";

export const generateMetadata = adminTitle("Hosts");

/** Every host for the platform admin; a member's own hosts otherwise: each one's page, team and payouts. */
export default async function HostsPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const [hosts, query] = await Promise.all([listOwnHosts(actor), searchParams]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">{canRunPlatform(actor) ? "Hosts" : "Your hosts"}</h1>
      {firstParam(query.notice) === "left" ? <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900">You have left the host.</p> : null}
      <ul className="flex flex-col gap-2">
        {hosts.map((host) => (
          <li key={host.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-xl border border-stone-200 bg-white p-3">
            <Link href={`/admin/hosts/${host.id}`} className="font-semibold text-brand-700 underline">{host.name}</Link>
            {canManageTeam(actor, host.id) ? <Link href={`/admin/hosts/${host.id}/team`} className="text-sm text-brand-700 underline">Team<span className="sr-only"> of {host.name}</span></Link> : null}
            <Link href={`/admin/payouts/${host.id}`} className="text-sm text-brand-700 underline">Payouts<span className="sr-only"> of {host.name}</span></Link>
            <a href={`/hosts/${host.slug}`} className="text-sm text-brand-700 underline">Public page<span className="sr-only"> of {host.name}</span></a>
          </li>
        ))}
      </ul>
    </div>
  );
}
