import Link from "next/link";
import { adminTitle } from "@/app/admin/admin-title";
import { VoucherForm } from "@/components/admin/voucher-form";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { listVoucherScopeOptions } from "@/lib/admin/vouchers/voucher-scope-options";
import { EMPTY_VOUCHER } from "@/lib/admin/vouchers/voucher-view";
import { generateVouchersAction } from "../actions";
import { toScopeEvents } from "../scope-events";

export const generateMetadata = adminTitle("Generate codes");

export default async function GenerateVouchersPage() {
  const actor = await requireAdminActor();
  const events = toScopeEvents(await listVoucherScopeOptions({ actor }));
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/vouchers" className="text-sm font-medium text-brand-700 underline">All vouchers</Link>
      <h1 className="text-2xl font-bold tracking-tight">Generate codes</h1>
      <p className="text-sm text-stone-700">Unique random codes sharing the same rules and a batch name, to hand out or mail. Each code is counted on its own.</p>
      <VoucherForm action={generateVouchersAction} initial={EMPTY_VOUCHER} events={events} mode="generate" submitLabel="Generate codes" />
    </div>
  );
}
