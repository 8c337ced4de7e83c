import Link from "next/link";
import { adminTitle } from "@/app/admin/admin-title";
import { NewVenueForm } from "@/components/admin/new-venue-form";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { listOwnHosts } from "@/lib/hosts/list-own-hosts";
import { createVenueAction } from "../actions";

export const generateMetadata = adminTitle("New venue");

export default async function NewVenuePage() {
  const actor = await requireAdminActor();
  const hosts = await listOwnHosts(actor);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/admin/venues" className="text-sm font-medium text-brand-700 underline">All venues</Link>
      <h1 className="text-2xl font-bold tracking-tight">New venue</h1>
      <NewVenueForm action={createVenueAction} hosts={hosts} />
    </div>
  );
}
