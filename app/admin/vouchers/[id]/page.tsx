import Link from "next/link";
import { notFound } from "next/navigation";
import { adminTitle } from "@/app/admin/admin-title";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { VoucherForm } from "@/components/admin/voucher-form";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { getVoucher } from "@/lib/admin/vouchers/get-voucher";
import { listVoucherScopeOptions } from "@/lib/admin/vouchers/voucher-scope-options";
import { voucherFormValues } from "@/lib/admin/vouchers/voucher-view";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { deleteVoucherAction, updateVoucherAction } from "../actions";
import { toScopeEvents } from "../scope-events";

export const generateMetadata = adminTitle("Edit voucher");

const NOTICES: Record<string, string> = { created: "Voucher created.", saved: "Changes saved." };

export default async function EditVoucherPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const voucher = await getVoucher({ actor, voucherId: id });
  if (!voucher) notFound();
  const events = toScopeEvents(await listVoucherScopeOptions({ actor, keep: voucher }));
  const notice = NOTICES[firstParam(query.notice) ?? ""];
  const used = voucher.uses > 0 || voucher.orders > 0;
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/vouchers" className="text-sm font-medium text-brand-700 underline">All vouchers</Link>
      <h1 className="break-all text-2xl font-bold tracking-tight">{voucher.code}</h1>
      {notice ? <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900">{notice}</p> : null}
      <p className="text-sm text-stone-700">
        {voucher.uses} of {voucher.maxUses} places used · {voucher.orders} {voucher.orders === 1 ? "order" : "orders"} · created by {voucher.createdBy || "unknown"}
      </p>
      <VoucherForm action={updateVoucherAction.bind(null, voucher.id)} initial={voucherFormValues(voucher)} events={events} mode="edit" submitLabel="Save voucher" uses={voucher.uses} />
      <section aria-labelledby="delete-heading" className="flex flex-col gap-2 rounded-2xl border border-stone-200 bg-white p-4">
        <h2 id="delete-heading" className="text-lg font-semibold">Delete</h2>
        {used ? (
          <p className="text-sm text-stone-700">Orders were placed with this code, so it stays for the record. To stop it, set “Valid until” to now.</p>
        ) : (
          <ActionButtonForm action={deleteVoucherAction.bind(null, voucher.id)} label="Delete voucher" pendingLabel="Deleting…" tone="danger" />
        )}
      </section>
    </div>
  );
}
