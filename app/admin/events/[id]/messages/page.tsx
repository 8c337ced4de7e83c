import Link from "next/link";
import { notFound } from "next/navigation";
import { adminTitle } from "@/app/admin/admin-title";
import { AttendeeMessageForm } from "@/components/admin/attendee-message-form";
import { LiveRefresh } from "@/components/admin/live-refresh";
import { listAttendeeMessages } from "@/lib/admin/messages/list-attendee-messages";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { composeAttendeeMessageAction } from "./actions";
import { DeliveryCountsText } from "./delivery-counts";

export const generateMetadata = adminTitle("Messages to attendees");

export default async function EventMessagesPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminActor();
  const { id } = await params;
  const view = await listAttendeeMessages({ actor, eventId: id });
  if (!view) notFound();
  const sending = view.messages.some((message) => !message.fannedOut || message.counts.pending > 0) || view.reminders.pending > 0;
  return (
    <div className="flex flex-col gap-4">
      {sending ? <LiveRefresh /> : null}
      <Link href={`/admin/events/${view.event.id}`} className="text-sm font-medium text-brand-700 underline">Back to the event</Link>
      <h1 className="text-2xl font-bold tracking-tight">Messages to attendees: {view.event.title}</h1>
      <section aria-labelledby="reminder-heading" className="flex flex-col gap-1 rounded-2xl border border-stone-200 bg-white p-4">
        <h2 id="reminder-heading" className="text-lg font-semibold">Reminder before the start</h2>
        <p className="text-sm text-stone-700">
          {view.event.reminderHoursBefore > 0 ? `Every ticket holder is reminded ${view.event.reminderHoursBefore} hours before the start` : "No reminder (set the hours in the event form)"}
          {view.event.meetingPoint ? `, with the meeting point “${view.event.meetingPoint}”.` : ". No meeting point is set."}
        </p>
        <p>Reminders so far: <DeliveryCountsText counts={view.reminders} /></p>
      </section>
      <AttendeeMessageForm action={composeAttendeeMessageAction.bind(null, view.event.id)} sessions={view.sessions} />
      <section aria-labelledby="sent-heading" className="flex flex-col gap-3">
        <h2 id="sent-heading" className="text-lg font-semibold">Messages</h2>
        {view.messages.length === 0 ? <p className="text-sm text-stone-700">No messages yet.</p> : null}
        <ul className="flex flex-col gap-2">
          {view.messages.map((message) => (
            <li key={message.id} className="rounded-xl border border-stone-200 bg-white p-3">
              <Link href={`/admin/events/${view.event.id}/messages/${message.id}`} className="font-semibold text-brand-700 underline">{message.subject}</Link>
              <p className="text-sm text-stone-700">
                {message.scope} · {message.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
              </p>
              <p>{message.fannedOut ? <DeliveryCountsText counts={message.counts} /> : <span className="text-sm text-stone-700">Finding the recipients…</span>}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
