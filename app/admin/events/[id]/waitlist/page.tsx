import { adminTitle } from "@/app/admin/admin-title";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButtonForm } from "@/components/admin/action-button-form";
import { StatusBadge } from "@/components/admin/status-badge";
import { listEventWaitlist } from "@/lib/admin/waitlist/list-waitlist";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { offerFreePlacesAction, offerToEntryAction } from "./actions";

export const generateMetadata = adminTitle("Waiting list");

const utc = (value: Date) => `${value.toISOString().slice(0, 16).replace("T", " ")} UTC`;

export default async function EventWaitlistPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminActor();
  const { id } = await params;
  const waitlist = await listEventWaitlist({ actor, eventId: id });
  if (!waitlist) notFound();
  return (
    <div className="flex flex-col gap-6">
      <Link href={`/admin/events/${id}`} className="text-sm font-medium text-brand-700 underline">Back to the event</Link>
      <h1 className="text-2xl font-bold tracking-tight">Waiting list: {waitlist.title}</h1>
      <p className="text-sm text-stone-700">
        Places that come back go to the next person in line who fits, as a code held for them; nobody else can buy them meanwhile. Offers on their way count as held.
      </p>
      {waitlist.types.map((type) => (
        <section key={type.id} aria-labelledby={`type-${type.id}`} className="flex flex-col gap-2">
          <h2 id={`type-${type.id}`} className="text-lg font-semibold">{type.name} · {utc(type.sessionStartsAt)}</h2>
          <p className="text-sm text-stone-700">
            {type.capacity} places: {type.sold} sold, {type.held} held (holds and offers), {type.available} free. {type.entries.filter((entry) => entry.status === "waiting").length} waiting.
          </p>
          <ActionButtonForm action={offerFreePlacesAction.bind(null, id, type.id)} label="Offer free places now" pendingLabel="Offering…" />
          {type.entries.length === 0 ? (
            <p className="text-stone-700">Nobody on this list.</p>
          ) : (
            <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Waiting list for {type.name}</caption>
                <thead className="bg-stone-50">
                  <tr>
                    <th scope="col" className="p-2">Position</th>
                    <th scope="col" className="p-2">Email</th>
                    <th scope="col" className="p-2">Places</th>
                    <th scope="col" className="p-2">Status</th>
                    <th scope="col" className="p-2">Offer expires</th>
                    <th scope="col" className="p-2">Action</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {type.entries.map((entry) => (
                    <tr key={entry.id} data-testid="waitlist-row">
                      <td className="p-2">{entry.position ?? "–"}</td>
                      <td className="p-2 break-all">{entry.email}<span className="block text-stone-600">{entry.name}</span></td>
                      <td className="p-2">{entry.quantity}</td>
                      <td className="p-2"><StatusBadge status={entry.status} /></td>
                      <td className="p-2">{entry.offerExpiresAt ? `${utc(entry.offerExpiresAt)}${entry.code ? ` · ${entry.code}` : ""}` : "–"}</td>
                      <td className="p-2">
                        {entry.status === "waiting" ? (
                          <ActionButtonForm action={offerToEntryAction.bind(null, id, entry.id)} label="Send an offer to this person" pendingLabel="Sending…" />
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      {waitlist.resources.map((resource) => (
        <section key={resource.id} aria-labelledby={`resource-${resource.id}`} className="flex flex-col gap-2" data-testid="waitlist-resource">
          <h2 id={`resource-${resource.id}`} className="text-lg font-semibold">{resource.name} · times on the venue&apos;s clock ({resource.timeZone})</h2>
          <p className="text-sm text-stone-700">
            A time that comes free goes to the first person in line whose whole range is free, held for them as a booking without an order. {resource.entries.filter((entry) => entry.status === "waiting").length} waiting.
          </p>
          {resource.entries.length === 0 ? (
            <p className="text-stone-700">Nobody waiting for a time.</p>
          ) : (
            <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Waiting list for times of {resource.name}</caption>
                <thead className="bg-stone-50">
                  <tr>
                    <th scope="col" className="p-2">Time</th>
                    <th scope="col" className="p-2">Position</th>
                    <th scope="col" className="p-2">Email</th>
                    <th scope="col" className="p-2">Status</th>
                    <th scope="col" className="p-2">Offer expires</th>
                    <th scope="col" className="p-2">Action</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {resource.entries.map((entry) => (
                    <tr key={entry.id} data-testid="waitlist-range-row">
                      <td className="p-2">{entry.range}</td>
                      <td className="p-2">{entry.position ?? "–"}</td>
                      <td className="p-2 break-all">{entry.email}<span className="block text-stone-600">{entry.name}</span></td>
                      <td className="p-2"><StatusBadge status={entry.status} /></td>
                      <td className="p-2">{entry.offerExpiresAt ? utc(entry.offerExpiresAt) : "–"}</td>
                      <td className="p-2">
                        {entry.status === "waiting" ? (
                          <ActionButtonForm action={offerToEntryAction.bind(null, id, entry.id)} label="Send an offer if this time is free" pendingLabel="Sending…" />
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </div>
  );
}
