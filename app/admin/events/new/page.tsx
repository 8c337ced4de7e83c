import { adminTitle } from "@/app/admin/admin-title";
import Link from "next/link";
import { EventForm } from "@/components/admin/event-form";
import { EMPTY_EVENT } from "@/lib/admin/events/form-values";
import { listVenues } from "@/lib/admin/events/list-venues";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { listOwnHosts } from "@/lib/hosts/list-own-hosts";
import { createEventAction } from "../actions";

export const generateMetadata = adminTitle("New event");

export default async function NewEventPage() {
  const actor = await requireAdminActor();
  const [venues, hosts] = await Promise.all([listVenues({ actor }), listOwnHosts(actor)]);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/events" className="text-sm font-medium text-brand-700 underline">All events</Link>
      <h1 className="text-2xl font-bold tracking-tight">New event</h1>
      <EventForm action={createEventAction} initial={EMPTY_EVENT} venues={venues} hosts={hosts} submitLabel="Create event" />
    </div>
  );
}
