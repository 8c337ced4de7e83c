import { adminTitle } from "@/app/admin/admin-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { AuditList } from "@/components/admin/audit-list";
import { EventForm } from "@/components/admin/event-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { getEventForm } from "@/lib/admin/events/get-event-form";
import { listAuditLog } from "@/lib/admin/list-audit-log";
import { listVenues } from "@/lib/admin/events/list-venues";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { listOwnHosts } from "@/lib/hosts/list-own-hosts";
import { prisma } from "@/lib/db";
import { hostSaleBlock } from "@/lib/payouts/host-sale-block";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { deleteEventAction, updateEventAction } from "../actions";

export const generateMetadata = adminTitle("Edit event");

const NOTICES: Record<string, string> = {
  created: "Event created.",
  saved: "Changes saved.",
  cancelled: "The event was cancelled: it is off the storefront and its paid orders are being refunded.",
};

export default async function EditEventPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const values = await getEventForm({ actor, eventId: id });
  if (!values) notFound();
  const [venues, hosts, history, saleBlock] = await Promise.all([listVenues({ actor }), listOwnHosts(actor), listAuditLog({ actor, entityType: "event", entityId: id, limit: 10 }), hostSaleBlock(prisma, values.hostId)]);
  const noticeKey = firstParam(query.notice) ?? "";
  const refundsParam = firstParam(query.refunds);
  const refunds = refundsParam === undefined ? null : Number(refundsParam);
  const notice = NOTICES[noticeKey] ? `${NOTICES[noticeKey]}${noticeKey === "cancelled" && refunds !== null ? ` Refunds queued: ${refunds}.` : ""}` : null;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-4">
        <Link href="/admin/events" className="text-sm font-medium text-brand-700 underline">All events</Link>
        <Link href={`/admin/events/${id}/waitlist`} className="text-sm font-medium text-brand-700 underline">Waiting list</Link>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight">{values.title}</h1>
        <StatusBadge status={values.status} />
      </div>
      <p className="text-sm text-stone-700">
        Version {values.version} ·{" "}
        {values.status === "published" ? <Link href={`/events/${values.slug}`} className="font-medium text-brand-700 underline">See it on the storefront</Link> : "Not on the storefront"}
        {" · "}
        <Link href={`/admin/events/${id}/messages`} className="font-medium text-brand-700 underline">Messages to attendees</Link>
      </p>
      {notice ? <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">{notice}</p> : null}
      {saleBlock && values.status !== "cancelled" ? (
        <p className="rounded-lg bg-amber-50 p-3 text-amber-900">
          {saleBlock} <Link href={`/admin/payouts/${values.hostId}`} className="font-medium underline">Payouts</Link>
        </p>
      ) : null}

      {values.status === "cancelled" ? (
        <p className="rounded-lg bg-stone-100 p-4">This event was cancelled. It can no longer be edited; its orders are listed under Orders.</p>
      ) : (
        <EventForm action={updateEventAction.bind(null, id)} initial={values} venues={venues} hosts={hosts} submitLabel="Save changes" />
      )}

      <section aria-labelledby="delete-heading" className="flex flex-col gap-3 rounded-2xl border border-red-200 bg-white p-4 sm:p-6">
        <h2 id="delete-heading" className="text-lg font-semibold">{values.status === "cancelled" ? "Finish the cancellation" : "Delete this event"}</h2>
        <p className="text-sm text-stone-700">
          An event nobody ordered from is deleted. Otherwise it is cancelled: it leaves the storefront, its sessions are cancelled and every
          paid order is refunded (the buyers are emailed).
        </p>
        <ActionButtonForm
          action={deleteEventAction.bind(null, id)}
          hidden={values.status === "cancelled" ? {} : { version: values.version ?? "" }}
          confirmLabel="I understand: this can't be undone."
          label={values.status === "cancelled" ? "Refund remaining orders" : "Delete or cancel event"}
          pendingLabel="Working…"
          tone="danger"
        />
      </section>

      <section aria-labelledby="history-heading" className="flex flex-col gap-3">
        <h2 id="history-heading" className="text-lg font-semibold">History</h2>
        <AuditList entries={history} />
      </section>
    </div>
  );
}
