import Link from "next/link";
import { adminTitle } from "@/app/admin/admin-title";
import { VoucherForm } from "@/components/admin/voucher-form";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { listVoucherScopeOptions } from "@/lib/admin/vouchers/voucher-scope-options";
import { EMPTY_VOUCHER } from "@/lib/admin/vouchers/voucher-view";
import { createVoucherAction } from "../actions";
import { toScopeEvents } from "../scope-events";

export const generateMetadata = adminTitle("New voucher");

export default async function NewVoucherPage() {
  const actor = await requireAdminActor();
  const events = toScopeEvents(await listVoucherScopeOptions({ actor }));
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/vouchers" className="text-sm font-medium text-brand-700 underline">All vouchers</Link>
      <h1 className="text-2xl font-bold tracking-tight">New voucher</h1>
      <VoucherForm action={createVoucherAction} initial={EMPTY_VOUCHER} events={events} mode="create" submitLabel="Create voucher" />
    </div>
  );
}
