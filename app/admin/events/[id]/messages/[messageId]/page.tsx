import Link from "next/link";
import { notFound } from "next/navigation";
import { adminTitle } from "@/app/admin/admin-title";
import { LiveRefresh } from "@/components/admin/live-refresh";
import { StatusBadge } from "@/components/admin/status-badge";
import { getAttendeeMessage } from "@/lib/admin/messages/list-attendee-messages";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { DeliveryCountsText } from "../delivery-counts";

export const generateMetadata = adminTitle("Message to attendees");

export default async function AttendeeMessagePage({ params, searchParams }: { params: Promise<{ id: string; messageId: string }>; searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const [{ id, messageId }, query] = await Promise.all([params, searchParams]);
  const message = await getAttendeeMessage({ actor, eventId: id, messageId });
  if (!message) notFound();
  const queued = firstParam(query.notice) === "queued";
  return (
    <div className="flex flex-col gap-4">
      {!message.fannedOut || message.counts.pending > 0 ? <LiveRefresh /> : null}
      <Link href={`/admin/events/${message.eventId}/messages`} className="text-sm font-medium text-brand-700 underline">All messages of {message.eventTitle}</Link>
      <h1 className="text-2xl font-bold tracking-tight">{message.subject}</h1>
      {queued ? <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">Your message is on its way: it is being sent to every ticket holder.</p> : null}
      <p className="text-sm text-stone-700">To: {message.scope} · written {message.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</p>
      <p aria-live="polite">{message.fannedOut ? <DeliveryCountsText counts={message.counts} /> : <span className="text-sm text-stone-700">Finding the recipients…</span>}</p>
      <blockquote className="whitespace-pre-line rounded-xl border border-stone-200 bg-white p-4">{message.body}</blockquote>
      <section aria-labelledby="recipients-heading" className="flex flex-col gap-2">
        <h2 id="recipients-heading" className="text-lg font-semibold">Recipients</h2>
        {message.fannedOut && message.recipients.length === 0 ? <p className="text-sm text-stone-700">Nobody held a valid ticket, so nobody was written to.</p> : null}
        <ul className="flex flex-col divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {message.recipients.map((recipient) => (
            <li key={recipient.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3" data-recipient={recipient.email}>
              <span className="min-w-0 break-all font-medium">{recipient.email}</span>
              <span className="text-sm text-stone-700">{recipient.name} · {recipient.locale}</span>
              <StatusBadge status={recipient.status} />
              {recipient.error ? <span className="w-full text-sm text-red-800">{recipient.error}</span> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
