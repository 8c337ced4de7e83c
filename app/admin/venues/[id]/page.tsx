import Link from "next/link";
import { notFound } from "next/navigation";
import { adminTitle } from "@/app/admin/admin-title";
import { VenueForm } from "@/components/admin/venue-form";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { getVenueForm } from "@/lib/admin/venues/venues";
import type { PageSearchParams } from "@/lib/search-params";
import { updateVenueAction } from "../actions";

export const generateMetadata = adminTitle("Edit venue");

export default async function EditVenuePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const values = await getVenueForm({ actor, venueId: id });
  if (!values) notFound();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/venues" className="text-sm font-medium text-brand-700 underline">All venues</Link>
      <h1 className="text-2xl font-bold tracking-tight">{values.name}</h1>
      {query.notice === "saved" || query.notice === "created" ? <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-sm text-green-900">{query.notice === "created" ? "Venue added." : "Changes saved."}</p> : null}
      <VenueForm action={updateVenueAction.bind(null, id)} initial={values} />
    </div>
  );
}
