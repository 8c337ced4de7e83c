import Link from "next/link";
import { adminTitle } from "@/app/admin/admin-title";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { listHostPayoutStatuses } from "@/lib/payouts/list-host-payouts";

export const generateMetadata = adminTitle("Payouts");

const STATUS: Record<string, string> = { platform: "The platform's own", not_connected: "Not connected", details_missing: "Details missing", ready: "Ready" };

export default async function PayoutsPage() {
  const actor = await requireAdminActor();
  const hosts = await listHostPayoutStatuses(actor);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">Payouts</h1>
      <ul className="flex flex-col gap-2">
        {hosts.map((host) => (
          <li key={host.id} className="flex flex-wrap items-center gap-3 rounded-xl border border-stone-200 bg-white p-3">
            <Link href={`/admin/payouts/${host.id}`} className="font-semibold text-brand-700 underline">{host.name}</Link>
            <span className="text-sm text-stone-700">{STATUS[host.status]}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
