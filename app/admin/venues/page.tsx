import Link from "next/link";
import { adminTitle } from "@/app/admin/admin-title";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { listVenuesForAdmin } from "@/lib/admin/venues/venues";

export const generateMetadata = adminTitle("Venues");

export default async function VenuesPage() {
  const actor = await requireAdminActor();
  const venues = await listVenuesForAdmin({ actor });
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Venues</h1>
        <Link href="/admin/venues/new" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">New venue</Link>
      </div>
      <p className="text-sm text-stone-700">The address card of each venue: the open data feeds publish it with every event held there.</p>
      <ul className="flex flex-col gap-2">
        {venues.map((venue) => (
          <li key={venue.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-200 bg-white px-4 py-3">
            <Link href={`/admin/venues/${venue.id}`} className="font-medium text-brand-700 underline">{venue.name}</Link>
            <span className="text-sm text-stone-700">
              {venue.neighbourhood}, {venue.city}{venue.postalCode ? ` ${venue.postalCode}` : ""}{venue.country ? ` (${venue.country})` : ""}
              {venue.complete ? "" : " · address incomplete"} · {venue.hostName}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
