import Link from "next/link";
import { adminTitle } from "@/app/admin/admin-title";
import { HostFeeForm } from "@/components/admin/host-fee-form";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { canRunPlatform } from "@/lib/auth/policy";
import { describeFee } from "@/lib/payouts/fee-rule";
import { listHostPayoutStatuses } from "@/lib/payouts/list-host-payouts";
import { getPlatformFee } from "@/lib/payouts/platform-fee";
import { setPlatformFeeAction } from "./actions";

export const generateMetadata = adminTitle("Payouts");

const STATUS: Record<string, string> = { platform: "The platform's own", not_connected: "Not connected", details_missing: "Details missing", ready: "Ready" };

export default async function PayoutsPage() {
  const actor = await requireAdminActor();
  const platform = canRunPlatform(actor);
  const [hosts, fee] = await Promise.all([listHostPayoutStatuses(actor), platform ? getPlatformFee() : null]);
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-bold tracking-tight">Payouts</h1>
      <ul className="flex flex-col gap-2">
        {hosts.map((host) => (
          <li key={host.id} className="flex flex-wrap items-center gap-3 rounded-xl border border-stone-200 bg-white p-3">
            <Link href={`/admin/payouts/${host.id}`} className="font-semibold text-brand-700 underline">{host.name}</Link>
            <span className="text-sm text-stone-700">{STATUS[host.status]}</span>
            {host.status === "platform" ? null : (
              <span className="text-sm text-stone-700" data-testid="host-fee">Fee: {host.fee.own ? describeFee(host.fee.percentBp, host.fee.fixedMinor) : `platform default (${describeFee(host.fee.percentBp, host.fee.fixedMinor)})`}</span>
            )}
          </li>
        ))}
      </ul>
      {fee ? (
        <section aria-labelledby="default-fee-heading" className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
          <h2 id="default-fee-heading" className="text-lg font-semibold">The platform&apos;s default fee</h2>
          <p>{describeFee(fee.feePercentBp, fee.feeFixedMinor)}, for every host without a fee of its own. A fee above the cheapest ticket of a host that uses it is refused.</p>
          <HostFeeForm action={setPlatformFeeAction} percentBp={fee.feePercentBp} fixedMinor={fee.feeFixedMinor} />
        </section>
      ) : null}
    </div>
  );
}
